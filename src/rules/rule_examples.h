// Rule examples: every `examples:` sentence of a pack run against its rule's pattern, for
// `audit rules --test`. Stateless; thread-safe.
#ifndef AUDIT_RULES_RULE_EXAMPLES_H_
#define AUDIT_RULES_RULE_EXAMPLES_H_

#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace audit {

struct ExampleFailure {
  std::string rule;  // the rule's id (a role rule's role)
  RuleExample example;
  std::string problem;  // "should match", "should not match", or what the attribution was instead
};

struct ExampleResults {
  size_t run = 0;
  size_t rules_with_examples = 0;
  size_t rules_without_examples = 0;
  std::vector<ExampleFailure> failures;
};

// Runs every example: a `match` sentence must match the rule's pattern, a `no_match` one must not.
ExampleResults RunRuleExamples(const RuleSet& rules);

}  // namespace audit

#endif  // AUDIT_RULES_RULE_EXAMPLES_H_
