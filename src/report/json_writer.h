// JSON output: the contract other tools read (docs/json.md). Fields may be added, never renamed or
// removed.
//   {"version": 1, "files": [FILE, ...]}   with --format json
//   FILE per line                          with --format jsonl
// Offsets are bytes into the input file (0-based, end exclusive); lines and columns are 1-based,
// columns in Unicode code points. Stateless functions.
#ifndef AUDIT_REPORT_JSON_WRITER_H_
#define AUDIT_REPORT_JSON_WRITER_H_

#include <ostream>

#include "report/file_report.h"

namespace audit {

inline constexpr int kJsonVersion = 1;

// One file as compact JSON text, without a line break, written straight into the string (no
// tree): keys in byte order, as a std::map-backed JSON library would sort them, which the golden
// files pin. Thread-safe: it only reads `report`.
std::string RenderJson(const FileReport& report);

// The same text written to `out` a megabyte at a time, for results too big to hold whole (a huge
// article's result is several times its size).
void WriteJson(const FileReport& report, std::ostream& out);

// Streams the --format json document: Begin, then File (or Rendered, with RenderJson's text) for
// each file in order, then End. Not thread-safe.
class JsonDocumentWriter {
 public:
  explicit JsonDocumentWriter(std::ostream& out) : out_(out) {}
  void Begin();
  void File(const FileReport& report) { Rendered(RenderJson(report)); }
  void Rendered(const std::string& file_json);
  void Stream(const FileReport& report);  // as File, through WriteJson
  void End();

 private:
  std::ostream& out_;
  bool first_ = true;
};

void WriteJsonLine(const FileReport& report, std::ostream& out);

}  // namespace audit

#endif  // AUDIT_REPORT_JSON_WRITER_H_
