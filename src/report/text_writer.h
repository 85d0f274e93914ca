// The terminal report: findings grouped by file, each as `path:line:col: severity [rule] message`
// with the sentence and its span underlined; then the article's claims, the share attributed, and
// each sourcing chain. Colour only when asked (the CLI decides: a terminal, and NO_COLOR unset).
// Each file renders on its own, so workers can format files in parallel.
#ifndef AUDIT_REPORT_TEXT_WRITER_H_
#define AUDIT_REPORT_TEXT_WRITER_H_

#include <string>

#include "report/file_report.h"

namespace audit {

class TextWriter {
 public:
  // One file's part of the report. Thread-safe: it only reads `report`.
  static std::string RenderFile(const FileReport& report, bool color);
  // The closing totals line.
  static std::string RenderTotals(const ReportTotals& totals);

 private:
  explicit TextWriter(bool color) : color_(color) {}
  std::string Paint(std::string_view text, const char* code) const;
  void File(const FileReport& report);
  void Snippet(const SentenceVerdict& v, TextSpan span);
  void Summary(const FileReport& report);

  std::string out_;
  bool color_;
};

}  // namespace audit

#endif  // AUDIT_REPORT_TEXT_WRITER_H_
