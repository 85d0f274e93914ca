#include "report/json_reader.h"

namespace audit {

namespace {

std::string Text(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <typename T>
T Number(const nlohmann::json& j, const char* key, T fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<T>() : fallback;
}

bool Flag(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> Texts(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

const nlohmann::json& Array(const nlohmann::json& j, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

// Its rule id and link are kept in `analysis`, which the attribution's views and index point into.
Attribution AttributionFrom(const nlohmann::json& j, Analysis* analysis) {
  Attribution a;
  const std::string status = Text(j, "status");
  a.status = status == "direct"      ? AttributionStatus::kDirect
             : status == "inherited" ? AttributionStatus::kInherited
                                     : AttributionStatus::kNone;
  a.source = Text(j, "source");
  a.resolved = Text(j, "resolved");
  a.source_type = ParseSourceType(Text(j, "source_type"));
  a.cue = Text(j, "cue");
  a.via = Texts(j, "via");
  a.refers_to = Number<int>(j, "refers_to", -1);
  a.rule = analysis->strings.Intern(Text(j, "rule"));
  analysis->SetLink(&a, Text(j, "link"));
  return a;
}

}  // namespace

Result<FileReport> FileReportFromJson(const nlohmann::json& j, const std::string& origin,
                                      size_t line) {
  if (!j.is_object() || !j.contains("path")) {
    return Error::AtLine(ErrorCode::kInput, origin, static_cast<int>(line), 1,
                         "not an audit result: expected a JSON object with \"path\"");
  }
  FileReport report;
  report.path = Text(j, "path");
  Analysis& a = report.analysis;
  a.publisher = Text(j, "publisher");
  a.wire = Text(j, "wire");
  if (auto e = j.find("error"); e != j.end() && e->is_object())
    report.error = Error::InFile(ErrorCode::kInput, report.path, Text(*e, "message"));
  const nlohmann::json& sentences = Array(j, "sentences");
  // Each sentence's text is kept in `texts`, reserved first so that no string moves once viewed.
  a.texts.reserve(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const nlohmann::json& s = sentences[i];
    if (!s.is_object()) continue;
    SentenceVerdict v;
    // Results written before `block` existed: each sentence its own paragraph.
    v.block = Number<size_t>(s, "block", i);
    v.begin = Number<size_t>(s, "start", 0);
    v.end = Number<size_t>(s, "end", 0);
    v.text = a.texts.emplace_back(Text(s, "text"));
    v.role = a.strings.Intern(Text(s, "role"));
    v.claim = Flag(s, "claim");
    v.claim_score = Number<double>(s, "claim_score", 0);
    v.signals = a.lists.Intern(Texts(s, "signals"));
    if (auto at = s.find("attribution"); at != s.end() && at->is_object())
      v.attribution = AttributionFrom(*at, &a);
    std::vector<Attribution> also;
    for (const auto& other : Array(s, "also")) {
      if (other.is_object()) also.push_back(AttributionFrom(other, &a));
    }
    a.SetExtras(&v, std::move(also), {});
    v.secondhand = Flag(s, "secondhand");
    v.chain = Number<int>(s, "chain", -1);
    a.sentences.push_back(std::move(v));
  }
  for (const auto& c : Array(j, "chains")) {
    if (!c.is_object()) continue;
    Chain chain;
    chain.id = static_cast<int>(a.chains.size());  // the writers index chains by id
    chain.hops = Texts(c, "hops");
    chain.secondhand = Flag(c, "secondhand");
    for (const auto& id : Array(c, "sentences")) {
      if (id.is_number_unsigned() && id.get<size_t>() < a.sentences.size())
        chain.sentences.push_back(id.get<size_t>());
    }
    chain.share = Number<double>(c, "share", 0);
    a.chains.push_back(std::move(chain));
  }
  for (const auto& f : Array(j, "findings")) {
    if (!f.is_object()) continue;
    Finding finding;
    finding.rule = a.strings.Intern(Text(f, "rule"));
    finding.severity = ParseSeverity(Text(f, "severity")).value_or(Severity::kWarning);
    finding.begin = Number<size_t>(f, "start", 0);
    finding.end = Number<size_t>(f, "end", 0);
    finding.message = a.strings.Intern(Text(f, "message"));
    finding.sentence = Number<size_t>(f, "sentence", 0);
    // A finding must point at a sentence the page shows.
    if (finding.sentence >= a.sentences.size()) continue;
    a.findings.push_back(std::move(finding));
  }
  for (const SentenceVerdict& v : a.sentences) {
    a.claims += v.claim;
    a.attributed_claims += v.claim && v.attribution.status != AttributionStatus::kNone;
  }
  if (auto summary = j.find("summary"); summary != j.end() && summary->is_object()) {
    a.claims = Number<size_t>(*summary, "claims", a.claims);
    a.attributed_claims = Number<size_t>(*summary, "attributed_claims", a.attributed_claims);
  }
  // Chains name sentences by id; a sentence's chain must name an existing chain.
  for (SentenceVerdict& v : a.sentences) {
    if (v.chain >= static_cast<int>(a.chains.size())) v.chain = -1;
  }
  return report;
}

}  // namespace audit
