// Expands the paths given on the command line into the article files to audit, in a stable order:
// files as given; folders walked recursively (sorted, hidden entries skipped, symlink loops not
// followed), keeping files whose extension is an article format. Problems (a missing path, an
// unreadable folder) are returned as errors alongside the files found, so the rest still gets
// audited.
#ifndef AUDIT_PIPELINE_FILE_WALKER_H_
#define AUDIT_PIPELINE_FILE_WALKER_H_

#include <string>
#include <vector>

#include "base/error.h"

namespace audit {

struct WalkResult {
  std::vector<std::string> files;
  std::vector<Error> errors;
};

WalkResult CollectArticleFiles(const std::vector<std::string>& paths);

// Whether a file name has an extension the readers take when found in a folder walk.
bool IsArticleFileName(const std::string& name);

}  // namespace audit

#endif  // AUDIT_PIPELINE_FILE_WALKER_H_
