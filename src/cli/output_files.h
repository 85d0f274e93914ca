// Files the CLI writes: every one goes to a temporary name in the same folder and is renamed into
// place when complete, so a run that stops half-way never leaves half a report, baseline or page.
#ifndef AUDIT_CLI_OUTPUT_FILES_H_
#define AUDIT_CLI_OUTPUT_FILES_H_

#include <fstream>
#include <ostream>
#include <string>

namespace audit {

// Writes `text` to `path` through a temporary name; false when either step fails.
bool WriteFileAtomically(const std::string& path, const std::string& text);

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
