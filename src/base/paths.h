// Paths as reports show them: relative to a root folder (the repository or the working folder) when
// the file lies under it, as given otherwise.
#ifndef AUDIT_BASE_PATHS_H_
#define AUDIT_BASE_PATHS_H_

#include <string>

namespace audit {

std::string DisplayPath(const std::string& path, const std::string& root);

}  // namespace audit

#endif  // AUDIT_BASE_PATHS_H_
