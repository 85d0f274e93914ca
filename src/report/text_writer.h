// The terminal report: findings grouped by file, each as `path:line:col: severity [rule] message` with the
// sentence and its span underlined; then the article's claims, the share attributed, and each sourcing chain.
// Colour only when asked (the CLI decides: a terminal, and NO_COLOR unset). Not thread-safe; one per output.
#ifndef AUDIT_REPORT_TEXT_WRITER_H_
#define AUDIT_REPORT_TEXT_WRITER_H_

#include <ostream>

#include "report/file_report.h"

namespace audit {

class TextWriter {
 public:
  TextWriter(std::ostream& out, bool color) : out_(out), color_(color) {}

  void File(const FileReport& report);
  // The closing totals line.
  void End();

 private:
  std::string Paint(std::string_view text, const char* code) const;
  void Snippet(const SentenceVerdict& v, TextSpan span);
  void Summary(const FileReport& report);

  std::ostream& out_;
  bool color_;
  size_t files_ = 0;
  size_t by_severity_[3] = {0, 0, 0};
  size_t errors_ = 0;
};

}  // namespace audit

#endif  // AUDIT_REPORT_TEXT_WRITER_H_
