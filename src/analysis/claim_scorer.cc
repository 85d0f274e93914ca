#include "analysis/claim_scorer.h"

#include <algorithm>

#include "rules/common_script.h"

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
  const bool common_script = InCommonScript(v->text);
  if (const RE2::Set* set = rules_.claim_signal_set(common_script)) {
    set->Match(v->text, fired);
  } else {
    for (size_t i = 0; i < rules_.claim_signals().size(); ++i) {
      if (RE2::PartialMatch(v->text, rules_.claim_signals()[i].re->For(common_script)))
        fired->push_back(static_cast<int>(i));
    }
  }
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
