#include "pipeline/baseline.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/atomic_file.h"
#include "base/paths.h"
#include "report/fingerprint.h"

namespace audit {

namespace {

std::string FingerprintOf(const FileReport& report, const Finding& f, const std::string& root) {
  return FindingFingerprint(f.rule, DisplayPath(report.path, root),
                            report.analysis.sentences[f.sentence].text);
}

}  // namespace

Result<Baseline> Baseline::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::InFile(ErrorCode::kUsage, path, "cannot read the baseline file");
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json data =
      nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (data.is_discarded() || !data.is_object() || !data.contains("findings") ||
      !data["findings"].is_array()) {
    return Error::InFile(ErrorCode::kUsage, path,
                         "not an audit baseline: expected {\"version\": 1, \"findings\": [...]}");
  }
  Baseline baseline;
  for (const auto& entry : data["findings"]) {
    if (entry.is_object() && entry.contains("fingerprint") && entry["fingerprint"].is_string()) {
      baseline.fingerprints_.insert(entry["fingerprint"].get<std::string>());
    }
  }
  return baseline;
}

std::optional<Error> Baseline::Write(const std::vector<const FileReport*>& reports,
                                     const std::string& root, const std::string& path) {
  nlohmann::json findings = nlohmann::json::array();
  for (const FileReport* r : reports) {
    for (const Finding& f : r->analysis.findings) {
      findings.push_back({{"fingerprint", FingerprintOf(*r, f, root)},
                          {"rule", f.rule},
                          {"path", DisplayPath(r->path, root)},
                          {"sentence", r->analysis.sentences[f.sentence].text}});
    }
  }
  const nlohmann::json data = {{"version", 1}, {"findings", findings}};
  if (!WriteFileAtomically(
          path, data.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n')) {
    return Error::InFile(ErrorCode::kIo, path, "cannot write the baseline file");
  }
  return std::nullopt;
}

std::vector<std::string> Baseline::Filter(const std::string& root, FileReport* report) const {
  std::vector<std::string> matched;
  Findings& findings = report->analysis.findings;
  Findings kept;
  for (Finding& f : findings) {
    const std::string fp = FingerprintOf(*report, f, root);
    if (fingerprints_.count(fp)) {
      matched.push_back(fp);
    } else {
      kept.push_back(std::move(f));
    }
  }
  findings = std::move(kept);
  return matched;
}

}  // namespace audit
