#include "analysis/claim_scorer.h"

#include <algorithm>

namespace audit {

void ClaimScorer::Score(size_t words, std::vector<int>* fired, SentenceVerdict* v) const {
  v->signals.clear();
  const bool body = v->role == "body" || v->role == "quotation" || v->role == "list_item";
  if (!body) {
    v->claim = false;
    v->claim_score = 0;
    return;
  }
  double score = kBaseScore;
  // Every signal that fires, found in one pass over the sentence.
  fired->clear();
  if (rules_.claim_signal_set()) rules_.claim_signal_set()->Match(v->text, fired);
  std::sort(fired->begin(), fired->end());
  v->signals.reserve(fired->size());
  for (int index : *fired) {
    const ClaimSignal& signal = rules_.claim_signals()[static_cast<size_t>(index)];
    score += signal.weight;
    v->signals.push_back(signal.id);
  }
  score = std::clamp(score, 0.0, 1.0);
  v->claim_score = score;
  v->claim = words >= kMinClaimWords && score >= rules_.claim_threshold();
}

}  // namespace audit
