#include "report/json_writer.h"

namespace audit {

namespace {

nlohmann::json AttributionJson(const Attribution& a) {
  nlohmann::json j;
  j["status"] = StatusName(a.status);
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
  };
  j["source"] = or_null(a.source);
  j["resolved"] = or_null(a.resolved);
  j["source_type"] = a.source_type == SourceType::kUnknown
                         ? nlohmann::json(nullptr)
                         : nlohmann::json(SourceTypeName(a.source_type));
  j["cue"] = or_null(a.cue);
  j["via"] = a.via;
  j["refers_to"] = a.refers_to >= 0 ? nlohmann::json(a.refers_to) : nlohmann::json(nullptr);
  if (!a.rule.empty()) j["rule"] = a.rule;
  if (!a.link.empty()) j["link"] = a.link;
  return j;
}

void AddPosition(const SourceFile* file, size_t begin, size_t end, nlohmann::json* j) {
  (*j)["start"] = begin;
  (*j)["end"] = end;
  if (!file) return;
  LineColumn from = file->Position(begin);
  LineColumn to = file->Position(end);
  (*j)["line"] = from.line;
  (*j)["column"] = from.column;
  (*j)["end_line"] = to.line;
  (*j)["end_column"] = to.column;
}

}  // namespace

nlohmann::json FileToJson(const FileReport& report) {
  const Analysis& a = report.analysis;
  const SourceFile* file = report.file.get();
  nlohmann::json j;
  j["path"] = report.path;
  j["publisher"] = a.publisher.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.publisher);
  j["wire"] = a.wire.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.wire);
  if (report.error) {
    nlohmann::json e;
    e["message"] = report.error->message;
    if (report.error->offset) {
      e["start"] = *report.error->offset;
      if (file) {
        LineColumn lc = file->Position(*report.error->offset);
        e["line"] = lc.line;
        e["column"] = lc.column;
      }
    }
    j["error"] = e;
  }
  nlohmann::json sentences = nlohmann::json::array();
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const SentenceVerdict& v = a.sentences[i];
    nlohmann::json s;
    s["id"] = i;
    s["text"] = v.text;
    AddPosition(file, v.begin, v.end, &s);
    s["role"] = v.role;
    s["claim"] = v.claim;
    s["claim_score"] = std::round(v.claim_score * 100) / 100;
    s["signals"] = v.signals;
    s["attribution"] = AttributionJson(v.attribution);
    if (!v.also.empty()) {
      nlohmann::json also = nlohmann::json::array();
      for (const auto& other : v.also) also.push_back(AttributionJson(other));
      s["also"] = also;
    }
    s["secondhand"] = v.secondhand;
    s["chain"] = v.chain >= 0 ? nlohmann::json(v.chain) : nlohmann::json(nullptr);
    s["block"] = v.block;
    sentences.push_back(std::move(s));
  }
  j["sentences"] = std::move(sentences);
  nlohmann::json chains = nlohmann::json::array();
  for (const Chain& c : a.chains) {
    chains.push_back({{"id", c.id},
                      {"hops", c.hops},
                      {"secondhand", c.secondhand},
                      {"sentences", c.sentences},
                      {"share", std::round(c.share * 1000) / 1000}});
  }
  j["chains"] = std::move(chains);
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : a.findings) {
    nlohmann::json fj;
    fj["rule"] = f.rule;
    fj["severity"] = SeverityName(f.severity);
    AddPosition(file, f.begin, f.end, &fj);
    fj["message"] = f.message;
    fj["sentence"] = f.sentence;
    findings.push_back(std::move(fj));
  }
  j["findings"] = std::move(findings);
  j["summary"] = {{"sentences", a.sentences.size()},
                  {"claims", a.claims},
                  {"attributed_claims", a.attributed_claims}};
  nlohmann::json warnings = nlohmann::json::array();
  for (const InputWarning& w : report.warnings) {
    nlohmann::json wj{{"message", w.message}, {"start", w.offset}};
    if (file) {
      LineColumn lc = file->Position(w.offset);
      wj["line"] = lc.line;
      wj["column"] = lc.column;
    }
    warnings.push_back(std::move(wj));
  }
  j["warnings"] = std::move(warnings);
  return j;
}

void JsonDocumentWriter::Begin() { out_ << "{\"version\":" << kJsonVersion << ",\"files\":["; }

std::string RenderJson(const FileReport& report) {
  return FileToJson(report).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void JsonDocumentWriter::Rendered(const std::string& file_json) {
  if (!first_) out_ << ',';
  first_ = false;
  out_ << '\n' << file_json;
}

void JsonDocumentWriter::End() { out_ << "\n]}\n"; }

void WriteJsonLine(const FileReport& report, std::ostream& out) {
  out << RenderJson(report) << '\n';
}

}  // namespace audit
