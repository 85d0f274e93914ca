#include "report/json_writer.h"

#include <cmath>

#include "report/json_text.h"

namespace audit {

void JsonDocumentWriter::Begin() { out_ << "{\"version\":" << kJsonVersion << ",\"files\":["; }

namespace {

// Streams one result. Keys are written in the byte order of their names, as nlohmann::json (a
// std::map) writes FileToJson's tree, so the two give the same text; a test holds them together.
class ResultWriter {
 public:
  // With a `sink`, the text is handed to it whenever the buffer passes kSpillBytes, so a huge
  // file's result never sits whole in memory.
  ResultWriter(const FileReport& report, std::string* out, std::ostream* sink = nullptr)
      : report_(report), file_(report.file.get()), out_(out), sink_(sink), j_(out) {}

  void Write() {
    const Analysis& a = report_.analysis;
    j_.BeginObject();
    j_.Key("chains");
    j_.BeginArray();
    for (const Chain& c : a.chains) WriteChain(c);
    j_.EndArray();
    if (report_.error) WriteError(*report_.error);
    j_.Key("findings");
    j_.BeginArray();
    for (const Finding& f : a.findings) {
      WriteFinding(f);
      Spill();
    }
    j_.EndArray();
    j_.Key("path");
    j_.String(report_.path);
    j_.Key("publisher");
    j_.StringOrNull(a.publisher);
    j_.Key("sentences");
    j_.BeginArray();
    for (size_t i = 0; i < a.sentences.size(); ++i) {
      WriteSentence(i, a.sentences[i]);
      Spill();
    }
    j_.EndArray();
    j_.Key("summary");
    j_.BeginObject();
    j_.Key("attributed_claims");
    j_.Unsigned(a.attributed_claims);
    j_.Key("claims");
    j_.Unsigned(a.claims);
    j_.Key("sentences");
    j_.Unsigned(a.sentences.size());
    j_.EndObject();
    j_.Key("warnings");
    j_.BeginArray();
    for (const InputWarning& w : report_.warnings) WriteWarning(w);
    j_.EndArray();
    j_.Key("wire");
    j_.StringOrNull(a.wire);
    j_.EndObject();
    if (sink_) {
      sink_->write(out_->data(), static_cast<std::streamsize>(out_->size()));
      out_->clear();
    }
  }

 private:
  static constexpr size_t kSpillBytes = 1 << 20;

  void Spill() {
    if (!sink_ || out_->size() < kSpillBytes) return;
    sink_->write(out_->data(), static_cast<std::streamsize>(out_->size()));
    out_->clear();
  }

  void WriteChain(const Chain& c) {
    j_.BeginObject();
    j_.Key("hops");
    j_.BeginArray();
    for (const std::string& hop : c.hops) j_.String(hop);
    j_.EndArray();
    j_.Key("id");
    j_.Signed(c.id);
    j_.Key("secondhand");
    j_.Bool(c.secondhand);
    j_.Key("sentences");
    j_.BeginArray();
    for (size_t s : c.sentences) j_.Unsigned(s);
    j_.EndArray();
    j_.Key("share");
    j_.Double(std::round(c.share * 1000) / 1000);
    j_.EndObject();
  }

  void WriteError(const audit::Error& e) {
    j_.Key("error");
    j_.BeginObject();
    const bool placed = e.offset && file_;
    const LineColumn lc = placed ? file_->Position(*e.offset) : LineColumn{};
    if (placed) {
      j_.Key("column");
      j_.Unsigned(lc.column);
      j_.Key("line");
      j_.Unsigned(lc.line);
    }
    j_.Key("message");
    j_.String(e.message);
    if (e.offset) {
      j_.Key("start");
      j_.Unsigned(*e.offset);
    }
    j_.EndObject();
  }

  void WriteFinding(const Finding& f) {
    j_.BeginObject();
    const LineColumn from = file_ ? file_->Position(f.begin) : LineColumn{};
    const LineColumn to = file_ ? file_->Position(f.end) : LineColumn{};
    if (file_) {
      j_.Key("column");
      j_.Unsigned(from.column);
    }
    j_.Key("end");
    j_.Unsigned(f.end);
    if (file_) {
      j_.Key("end_column");
      j_.Unsigned(to.column);
      j_.Key("end_line");
      j_.Unsigned(to.line);
      j_.Key("line");
      j_.Unsigned(from.line);
    }
    j_.Key("message");
    j_.String(f.message);
    j_.Key("rule");
    j_.String(f.rule);
    j_.Key("sentence");
    j_.Unsigned(f.sentence);
    j_.Key("severity");
    j_.String(SeverityName(f.severity));
    j_.Key("start");
    j_.Unsigned(f.begin);
    j_.EndObject();
  }

  void WriteAttribution(const Attribution& a) {
    j_.BeginObject();
    j_.Key("cue");
    j_.StringOrNull(a.cue);
    if (const std::string_view link = report_.analysis.LinkOf(a); !link.empty()) {
      j_.Key("link");
      j_.String(link);
    }
    j_.Key("refers_to");
    if (a.refers_to >= 0)
      j_.Signed(a.refers_to);
    else
      j_.Null();
    j_.Key("resolved");
    j_.StringOrNull(a.resolved);
    if (!a.rule.empty()) {
      j_.Key("rule");
      j_.String(a.rule);
    }
    j_.Key("source");
    j_.StringOrNull(a.source);
    j_.Key("source_type");
    if (a.source_type == SourceType::kUnknown)
      j_.Null();
    else
      j_.String(SourceTypeName(a.source_type));
    j_.Key("status");
    j_.String(StatusName(a.status));
    j_.Key("via");
    j_.BeginArray();
    for (const std::string& v : a.via) j_.String(v);
    j_.EndArray();
    j_.EndObject();
  }

  void WriteSentence(size_t id, const SentenceVerdict& v) {
    j_.BeginObject();
    if (const std::span<const Attribution> also = report_.analysis.AlsoOf(v); !also.empty()) {
      j_.Key("also");
      j_.BeginArray();
      for (const Attribution& other : also) WriteAttribution(other);
      j_.EndArray();
    }
    j_.Key("attribution");
    WriteAttribution(v.attribution);
    j_.Key("block");
    j_.Unsigned(v.block);
    j_.Key("chain");
    if (v.chain >= 0)
      j_.Signed(v.chain);
    else
      j_.Null();
    j_.Key("claim");
    j_.Bool(v.claim);
    j_.Key("claim_score");
    j_.Double(std::round(v.claim_score * 100) / 100);
    const LineColumn from = file_ ? file_->Position(v.begin) : LineColumn{};
    const LineColumn to = file_ ? file_->Position(v.end) : LineColumn{};
    if (file_) {
      j_.Key("column");
      j_.Unsigned(from.column);
    }
    j_.Key("end");
    j_.Unsigned(v.end);
    if (file_) {
      j_.Key("end_column");
      j_.Unsigned(to.column);
      j_.Key("end_line");
      j_.Unsigned(to.line);
    }
    j_.Key("id");
    j_.Unsigned(id);
    if (file_) {
      j_.Key("line");
      j_.Unsigned(from.line);
    }
    j_.Key("role");
    j_.String(v.role);
    j_.Key("secondhand");
    j_.Bool(v.secondhand);
    j_.Key("signals");
    j_.BeginArray();
    for (const std::string& s : v.signals) j_.String(s);
    j_.EndArray();
    j_.Key("start");
    j_.Unsigned(v.begin);
    j_.Key("text");
    j_.String(v.text);
    j_.EndObject();
  }

  void WriteWarning(const InputWarning& w) {
    j_.BeginObject();
    const LineColumn lc = file_ ? file_->Position(w.offset) : LineColumn{};
    if (file_) {
      j_.Key("column");
      j_.Unsigned(lc.column);
      j_.Key("line");
      j_.Unsigned(lc.line);
    }
    j_.Key("message");
    j_.String(w.message);
    j_.Key("start");
    j_.Unsigned(w.offset);
    j_.EndObject();
  }

  const FileReport& report_;
  const SourceFile* file_;
  std::string* out_;
  std::ostream* sink_;
  JsonText j_;
};

}  // namespace

std::string RenderJson(const FileReport& report) {
  std::string out;
  // About what a sentence's fields take beside its text, so the buffer rarely grows twice.
  size_t estimate = 1024 + report.analysis.findings.size() * 400;
  for (const SentenceVerdict& v : report.analysis.sentences) estimate += v.text.size() + 640;
  out.reserve(estimate);
  ResultWriter(report, &out).Write();
  return out;
}

void WriteJson(const FileReport& report, std::ostream& out) {
  std::string buffer;
  ResultWriter(report, &buffer, &out).Write();
}

void JsonDocumentWriter::Rendered(const std::string& file_json) {
  if (!first_) out_ << ',';
  first_ = false;
  out_ << '\n' << file_json;
}

void JsonDocumentWriter::Stream(const FileReport& report) {
  if (!first_) out_ << ',';
  first_ = false;
  out_ << '\n';
  WriteJson(report, out_);
}

void JsonDocumentWriter::End() { out_ << "\n]}\n"; }

void WriteJsonLine(const FileReport& report, std::ostream& out) {
  out << RenderJson(report) << '\n';
}

}  // namespace audit
