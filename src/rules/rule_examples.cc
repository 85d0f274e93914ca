#include "rules/rule_examples.h"

namespace audit {

namespace {

void Run(const std::string& id, const RE2& re, const std::vector<RuleExample>& examples,
         ExampleResults* results) {
  if (examples.empty()) {
    ++results->rules_without_examples;
    return;
  }
  ++results->rules_with_examples;
  for (const RuleExample& example : examples) {
    ++results->run;
    if (RE2::PartialMatch(example.text, re) != example.match) {
      results->failures.push_back(
          {id, example, example.match ? "should match" : "should not match"});
    }
  }
}

}  // namespace

ExampleResults RunRuleExamples(const RuleSet& rules) {
  ExampleResults results;
  for (const CueRule& c : rules.cue_rules()) Run(c.id, c.re->Get(), c.examples, &results);
  for (const CueRule& c : rules.via_rules()) Run(c.id, c.re->Get(), c.examples, &results);
  for (const RoleRule& r : rules.role_rules()) Run(r.role, r.re->Get(), r.examples, &results);
  for (const ClaimSignal& s : rules.claim_signals()) Run(s.id, s.re->Get(), s.examples, &results);
  return results;
}

}  // namespace audit
