// The `audit rules` command: lists the active rules (after the config) or, with --check, only
// validates the rule packs and the config, exiting 2 with file:line:col for a problem.
#ifndef AUDIT_CLI_RULES_COMMAND_H_
#define AUDIT_CLI_RULES_COMMAND_H_

#include <string>

namespace audit {

struct RulesArgs {
  std::string config;     // --config FILE; else the nearest .audit.yaml above the working folder
  std::string rules_dir;  // --rules DIR: replaces the config's packs
  std::string format = "text";
  bool check = false;
  bool test = false;  // --test: run every rule's examples
};

int RunRules(const RulesArgs& args);

}  // namespace audit

#endif  // AUDIT_CLI_RULES_COMMAND_H_
