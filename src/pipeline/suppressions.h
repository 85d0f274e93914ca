// Inline suppressions: comments in an article (Markdown, HTML, news XML) that switch findings off
// where they stand, so an editor can accept one finding without a config change.
//
//   <!-- audit-ignore -->                      every finding in the next paragraph
//   <!-- audit-ignore anonymous-source -->     only those rules (comma- or space-separated)
//   <!-- audit-off vague-attribution -->       from here on ...
//   <!-- audit-on vague-attribution -->        ... to here (audit-on alone ends every region)
//
// A directive that suppresses nothing, or names a rule the rules do not define, is itself reported
// (rule `unused-suppression`), so stale comments do not pile up and typos do not pass silently.
// Stateless functions; thread-safe.
#ifndef AUDIT_PIPELINE_SUPPRESSIONS_H_
#define AUDIT_PIPELINE_SUPPRESSIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis.h"
#include "rules/rule_set.h"

namespace audit {

struct SuppressionDirective {
  enum class Kind { kIgnoreNext, kOff, kOn, kUnknown };
  Kind kind = Kind::kUnknown;
  std::string text;                // the directive as written, "audit-ignore anonymous-source"
  std::vector<std::string> rules;  // empty: every rule
  size_t begin = 0;                // the comment's byte range in the file
  size_t end = 0;
};

// Every `<!-- audit-... -->` comment in `bytes`, in order.
std::vector<SuppressionDirective> FindSuppressionDirectives(std::string_view bytes);

// Removes the findings the directives in `bytes` suppress and adds an `unused-suppression` finding
// for each directive (or rule named in one) that suppressed nothing.
void ApplySuppressions(const RuleSet& rules, std::string_view bytes, Analysis* analysis);

}  // namespace audit

#endif  // AUDIT_PIPELINE_SUPPRESSIONS_H_
