// The report's destination (standard output or --output), written like every file the tool writes:
// to a temporary name in the same folder, renamed into place when complete (base/atomic_file.h).
#ifndef AUDIT_CLI_OUTPUT_FILES_H_
#define AUDIT_CLI_OUTPUT_FILES_H_

#include <fstream>
#include <ostream>
#include <string>

#include "base/atomic_file.h"

namespace audit {

// The report's destination: standard output, or a file (--output) written through a temporary name.
class OutputTarget {
 public:
  explicit OutputTarget(const std::string& path);
  bool ok() const { return path_.empty() || file_.is_open(); }
  std::ostream& stream();
  // Renames the temporary file into place; false (with the reason in *error) when that fails.
  bool Commit(std::string* error);

 private:
  std::string path_;
  std::string temp_;
  std::ofstream file_;
};

}  // namespace audit

#endif  // AUDIT_CLI_OUTPUT_FILES_H_
