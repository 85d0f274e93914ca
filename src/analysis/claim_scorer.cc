#include "analysis/claim_scorer.h"

#include <algorithm>

namespace audit {

void ClaimScorer::Score(size_t words, SentenceVerdict* v) const {
  v->signals.clear();
  const bool body = v->role == "body" || v->role == "quotation" || v->role == "list_item";
  if (!body) {
    v->claim = false;
    v->claim_score = 0;
    return;
  }
  double score = kBaseScore;
  for (const ClaimSignal& signal : rules_.claim_signals()) {
    if (RE2::PartialMatch(v->text, *signal.re)) {
      score += signal.weight;
      v->signals.push_back(signal.id);
    }
  }
  score = std::clamp(score, 0.0, 1.0);
  v->claim_score = score;
  v->claim = words >= kMinClaimWords && score >= rules_.claim_threshold();
}

}  // namespace audit
