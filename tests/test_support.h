// Helpers shared by the tests: the default rule pack, loaded once per test binary, and an Auditor
// over it.
#ifndef AUDIT_TESTS_TEST_SUPPORT_H_
#define AUDIT_TESTS_TEST_SUPPORT_H_

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

}  // namespace audit::testing

#endif  // AUDIT_TESTS_TEST_SUPPORT_H_
