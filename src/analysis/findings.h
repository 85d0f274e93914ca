// Turns verdicts and chains into findings, with each rule's severity and message from the rule
// pack. A rule switched off in the pack yields nothing. Stateless; thread-safe.
#ifndef AUDIT_ANALYSIS_FINDINGS_H_
#define AUDIT_ANALYSIS_FINDINGS_H_

#include "analysis/analysis.h"
#include "rules/rule_set.h"

namespace audit {

// The finding rule ids the analysis emits.
namespace rule_ids {
inline constexpr const char* kUnattributedClaim = "unattributed-claim";
inline constexpr const char* kSecondhand = "secondhand-sourcing";
inline constexpr const char* kAnonymous = "anonymous-source";
inline constexpr const char* kVague = "vague-attribution";
inline constexpr const char* kLoadedCue = "loaded-cue";
inline constexpr const char* kUnattributedQuote = "unattributed-quote";
inline constexpr const char* kDanglingReference = "dangling-reference";
inline constexpr const char* kLinkMismatch = "link-outlet-mismatch";
}  // namespace rule_ids

// Fills analysis->findings, ordered by position. `claim_strong` is the claim score at and above
// which an unattributed claim keeps its rule's full severity; below it, the finding is one step
// milder.
void AddFindings(const RuleSet& rules, Analysis* analysis);

// Orders findings by their start in the file, findings at the same start in the order they were
// added (as std::stable_sort would). Findings usually arrive as two ordered runs (per sentence,
// then per chain, or the analysis's and then suppression reports), which are merged in linear time;
// only other orders pay for a full sort.
void SortFindingsByStart(Findings* findings);

// Expands {name} placeholders in a finding message.
std::string FormatMessage(std::string_view templ,
                          const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace audit

#endif  // AUDIT_ANALYSIS_FINDINGS_H_
