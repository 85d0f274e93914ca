// FileReport: everything the writers need about one audited file. Produced by the CLI's workers; a
// writer only formats it and never re-reads the file or re-runs a rule.
#ifndef AUDIT_REPORT_FILE_REPORT_H_
#define AUDIT_REPORT_FILE_REPORT_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "base/error.h"
#include "base/source_file.h"
#include "input/document.h"

namespace audit {

struct FileReport {
  std::string path;
  std::unique_ptr<SourceFile> file;  // null when the file could not be read
  std::optional<Error> error;        // set when the file could not be audited
  std::vector<InputWarning> warnings;
  Analysis analysis;
  // The file's part of the output, formatted on the worker thread that audited it so formatting
  // runs in parallel; the CLI writes it in input order.
  std::string rendered;
  // Fingerprints of the findings a baseline accepted (and removed from analysis.findings).
  std::vector<std::string> baselined;
  // Not an audited file but a path the folder walk could not use (`error` says why): the CLI
  // prints it in its place in the walk, and no writer sees it.
  bool walk_error = false;
};

// Counts over the files of one run, for the closing line of the text report and the exit code.
struct ReportTotals {
  size_t files = 0;
  size_t unreadable = 0;
  size_t by_severity[3] = {0, 0, 0};  // indexed by Severity

  void Add(const FileReport& report) {
    ++files;
    if (report.error) ++unreadable;
    for (const Finding& f : report.analysis.findings) ++by_severity[static_cast<int>(f.severity)];
  }
};

}  // namespace audit

#endif  // AUDIT_REPORT_FILE_REPORT_H_
