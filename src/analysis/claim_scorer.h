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

  // Fills claim, claim_score and signals of `v`, whose text and role are set. `words` is its word
  // count. `fired` is working memory the caller keeps from one sentence to the next, so scoring a
  // sentence allocates nothing but its signal list.
  void Score(size_t words, std::vector<int>* fired, SentenceVerdict* v) const;

  static constexpr double kBaseScore = 0.5;
  static constexpr size_t kMinClaimWords = 2;

 private:
  const RuleSet& rules_;
};

}  // namespace audit

#endif  // AUDIT_ANALYSIS_CLAIM_SCORER_H_
