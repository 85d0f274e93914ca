// The `audit explain FILE:LINE` command (or FILE --sentence N): prints how one sentence's verdict
// came about, under the file's config and rules.
#ifndef AUDIT_CLI_EXPLAIN_COMMAND_H_
#define AUDIT_CLI_EXPLAIN_COMMAND_H_

#include <string>

namespace audit {

struct ExplainArgs {
  std::string target;  // FILE:LINE or FILE
  int sentence = -1;   // --sentence N (0-based, as in the JSON)
  std::string config;
  std::string rules_dir;
  std::string publisher;
};

int RunExplain(const ExplainArgs& args);

}  // namespace audit

#endif  // AUDIT_CLI_EXPLAIN_COMMAND_H_
