// ClaimScorer: whether a sentence is a factual claim, with a score in [0, 1] and the signals behind
// it. Body sentences start from a base score; the rule pack's claim signals (figures, dates, names,
// reported events raise it; questions, first-person opinion, statements that something is unknown
// lower it) add their weights. Sentences that are not body text (headlines, captions, credits,
// boilerplate) are never claims. Holds a reference to the RuleSet; thread-safe.
#ifndef AUDIT_ANALYSIS_CLAIM_SCORER_H_
#define AUDIT_ANALYSIS_CLAIM_SCORER_H_

#include <string_view>
#include <vector>

#include "analysis/analysis.h"
#include "rules/rule_set.h"

namespace audit {

class ClaimScorer {
 public:
  explicit ClaimScorer(const RuleSet& rules) : rules_(rules) {}

  // Working memory the caller keeps from one sentence to the next, so that scoring allocates
  // nothing once it has grown.
  struct Scratch {
    std::vector<int> fired;             // indexes of the signals that fired
    std::vector<std::string_view> ids;  // their ids
  };

  // Fills claim, claim_score and signals of `v`, whose text and role are set; the signal list is
  // interned in `lists` (the analysis's), where most sentences find theirs already. `words` is
  // its word count.
  void Score(size_t words, Scratch* scratch, StringListPool* lists, SentenceVerdict* v) const;

  static constexpr double kBaseScore = 0.5;
  static constexpr size_t kMinClaimWords = 2;

 private:
  const RuleSet& rules_;
};

}  // namespace audit

#endif  // AUDIT_ANALYSIS_CLAIM_SCORER_H_
