// FileReport: everything the writers need about one audited file. Produced by the CLI's workers; a writer only
// formats it and never re-reads the file or re-runs a rule.
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
};

}  // namespace audit

#endif  // AUDIT_REPORT_FILE_REPORT_H_
