// The article files git reports changed since a revision (added, copied, modified, renamed or
// untracked), for
// `--changed-since REF` in CI: only what a pull request touches gets audited.
#ifndef AUDIT_PIPELINE_CHANGED_FILES_H_
#define AUDIT_PIPELINE_CHANGED_FILES_H_

#include <set>
#include <string>

#include "base/error.h"

namespace audit {

// Canonical absolute paths. Runs git in the working folder; an error when it is not a repository or
// REF is unknown.
Result<std::set<std::string>> FilesChangedSince(const std::string& ref);

// The top folder of the git repository holding the working folder, or empty outside one. CI
// formats and baselines give paths relative to it, as code-scanning services expect.
std::string GitTopLevel();

// The canonical absolute form of a path, for comparing with FilesChangedSince.
std::string CanonicalPath(const std::string& path);

}  // namespace audit

#endif  // AUDIT_PIPELINE_CHANGED_FILES_H_
