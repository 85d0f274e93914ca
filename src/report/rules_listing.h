// The rule listing `audit rules` prints: every active rule of a loaded pack with its id, type,
// severity (after the config), a one-line description and the file:line that defines it. Only
// formats. Stateless; thread-safe.
#ifndef AUDIT_REPORT_RULES_LISTING_H_
#define AUDIT_REPORT_RULES_LISTING_H_

#include <string>
#include <vector>

#include "pipeline/config.h"
#include "rules/rule_set.h"

namespace audit {

struct RuleRow {
  std::string id;
  std::string type;      // finding, cue, via, claim-signal, role, lexicon, outlet
  std::string severity;  // for findings: info, warning, error or off; else empty
  std::string description;
  RuleLocation where;
};

// Every rule of `rules`, findings first, with severities as `config` sets them at its top level.
std::vector<RuleRow> ListRules(const RuleSet& rules, const Config& config);

// A table for the terminal, paths shown relative to `root` when under it.
std::string RenderRuleTable(const std::vector<RuleRow>& rows, const std::string& root);
// One JSON array of {id, type, severity, description, file, line}.
std::string RenderRuleJson(const std::vector<RuleRow>& rows, const std::string& root);

}  // namespace audit

#endif  // AUDIT_REPORT_RULES_LISTING_H_
