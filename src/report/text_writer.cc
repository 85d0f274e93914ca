#include "report/text_writer.h"

#include <fmt/format.h>

#include <cmath>

#include "analysis/chains.h"
#include "base/utf8.h"

namespace audit {

namespace {

constexpr size_t kSnippetWidth = 100;  // code points of a sentence shown under a finding

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError:
      return "1;31";
    case Severity::kWarning:
      return "1;33";
    case Severity::kInfo:
      return "1;36";
  }
  return "0";
}

// Byte offset of the `n`th code point of `s` (or s.size()).
size_t ByteOfCodePoint(std::string_view s, size_t n) {
  size_t i = 0;
  while (n > 0 && i < s.size()) {
    char32_t cp;
    size_t len = DecodeUtf8(s, i, &cp);
    i += len ? len : 1;
    --n;
  }
  return i;
}

}  // namespace

std::string TextWriter::Paint(std::string_view text, const char* code) const {
  if (!color_) return std::string(text);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

void TextWriter::Snippet(const SentenceVerdict& v, TextSpan span) {
  std::string_view text = v.text;
  const size_t b = std::min<size_t>(span.begin, text.size());
  const size_t e = std::min(std::max<size_t>(span.end, b), text.size());
  const size_t cp_begin = CountCodePoints(text.substr(0, b));
  const size_t cp_end = cp_begin + CountCodePoints(text.substr(b, e - b));
  const size_t total = CountCodePoints(text);
  // Show a window of the sentence around the span, marking cut ends with an ellipsis.
  size_t window_start = 0;
  if (cp_begin > kSnippetWidth / 2 && total > kSnippetWidth) {
    window_start = std::min(cp_begin - 20, total - std::min(total, kSnippetWidth));
  }
  const size_t window_end = std::min(total, window_start + kSnippetWidth);
  const size_t byte_start = ByteOfCodePoint(text, window_start);
  const std::string_view shown =
      text.substr(byte_start, ByteOfCodePoint(text, window_end) - byte_start);
  const bool cut_front = window_start > 0;
  out_ += fmt::format("    {}{}{}\n", cut_front ? "…" : "", shown, window_end < total ? "…" : "");
  const size_t shift = cut_front ? 1 : 0;
  const size_t under_begin = (cp_begin > window_start ? cp_begin - window_start : 0) + shift;
  const size_t clipped_end = std::min(cp_end, window_end);
  const size_t under_end = (clipped_end > window_start ? clipped_end - window_start : 0) + shift;
  if (under_end > under_begin) {
    out_ += fmt::format("    {}{}\n", std::string(under_begin, ' '),
                        Paint(std::string(under_end - under_begin, '^'), "32"));
  }
}

void TextWriter::Summary(const FileReport& report) {
  const Analysis& a = report.analysis;
  const size_t unattributed = a.claims - a.attributed_claims;
  const double share =
      a.claims ? 100.0 * static_cast<double>(a.attributed_claims) / a.claims : 100.0;
  out_ += fmt::format("  {}: {}", Paint("publisher", "1"),
                      a.publisher.empty() ? "unknown (set it with --publisher)" : a.publisher);
  if (!a.wire.empty()) out_ += fmt::format("   wire copy: {}", a.wire);
  out_ += '\n';
  out_ += fmt::format("  {}: {} claims, {} attributed ({:.0f}%), {} unattributed\n",
                      Paint("claims", "1"), a.claims, a.attributed_claims, share, unattributed);
  if (!a.chains.empty()) out_ += fmt::format("  {}:\n", Paint("chains", "1"));
  for (const Chain& c : a.chains) {
    out_ += fmt::format("    {}  {} claim{} ({:.0f}%){}\n", ChainText(c), c.sentences.size(),
                        c.sentences.size() == 1 ? "" : "s", std::round(c.share * 100),
                        c.secondhand ? Paint("  secondhand", "33") : "");
  }
}

void TextWriter::File(const FileReport& report) {
  out_ += Paint(report.path, "1;4") + '\n';
  if (report.error) {
    std::string where = report.path;
    if (report.error->offset && report.file) {
      LineColumn lc = report.file->Position(*report.error->offset);
      where += fmt::format(":{}:{}", lc.line, lc.column);
    }
    out_ += fmt::format("  {}: {}: {}\n\n", where, Paint("error", "1;31"), report.error->message);
    return;
  }
  for (const InputWarning& w : report.warnings) {
    LineColumn lc = report.file->Position(w.offset);
    out_ += fmt::format("  {}:{}:{}: {} [input] {}\n", report.path, lc.line, lc.column,
                        Paint("warning", "1;33"), w.message);
  }
  const Analysis& a = report.analysis;
  for (const Finding& f : a.findings) {
    LineColumn lc = report.file->Position(f.begin);
    out_ +=
        fmt::format("  {}:{}:{}: {} [{}] {}\n", report.path, lc.line, lc.column,
                    Paint(SeverityName(f.severity), SeverityColor(f.severity)), f.rule, f.message);
    Snippet(a.sentences[f.sentence], f.span);
  }
  Summary(report);
  out_ += '\n';
}

std::string TextWriter::RenderFile(const FileReport& report, bool color) {
  TextWriter writer(color);
  writer.File(report);
  return std::move(writer.out_);
}

std::string TextWriter::RenderTotals(const ReportTotals& totals) {
  const size_t errors = totals.by_severity[2], warnings = totals.by_severity[1],
               infos = totals.by_severity[0];
  std::string out = fmt::format("{} file{} audited: {} error{}, {} warning{}, {} info",
                                totals.files, totals.files == 1 ? "" : "s", errors,
                                errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", infos);
  if (totals.unreadable) {
    out += fmt::format("; {} file{} could not be audited", totals.unreadable,
                       totals.unreadable == 1 ? "" : "s");
  }
  return out + '\n';
}

}  // namespace audit
