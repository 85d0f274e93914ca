// Helpers shared by the tests: the default rule pack, loaded once per test binary, and an Auditor
// over it; running the binary; scratch folders.
#ifndef AUDIT_TESTS_TEST_SUPPORT_H_
#define AUDIT_TESTS_TEST_SUPPORT_H_

#include <filesystem>
#include <string>

#include "pipeline/auditor.h"
#include "rules/rule_set.h"

namespace audit::testing {

// The news pack from rules/news; fails the test run if it does not load.
const RuleSet& NewsRules();

// Audits `text` as a plain-text article named `name`.
FileReport AuditString(const std::string& text, const std::string& publisher = "",
                       const std::string& name = "article.txt");

// The sentence of `report` whose text starts with `prefix`; fails the test when there is none.
const SentenceVerdict& SentenceStartingWith(const FileReport& report, const std::string& prefix);

// Number of findings of `rule` in `report`.
size_t CountFindings(const FileReport& report, const std::string& rule);

// The bytes of a file; empty when it cannot be read.
std::string ReadFile(const std::string& path);

// A shell command's exit code and its standard output and error, together.
struct CommandResult {
  int exit_code = -1;
  std::string out;
};
CommandResult RunCommand(const std::string& command);

// A path under the system temp folder named after `name` and the process (before the extension:
// "a.yaml" becomes "a-1234.yaml"), so that test runs side by side, a sanitizer build's and a plain
// one's, do not remove each other's files.
std::filesystem::path TempPath(const std::string& name);

// A fresh folder under the system temp folder, named after `name` and the process (so test runs
// side by side do not meet), removed with everything in it when the object goes.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string path() const { return path_.string(); }
  const std::filesystem::path& dir() const { return path_; }
  // Writes `text` to the file `relative` under the folder, making folders on the way; its path.
  std::string Write(const std::string& relative, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

}  // namespace audit::testing

#endif  // AUDIT_TESTS_TEST_SUPPORT_H_
