#include "analysis/claim_scorer.h"

#include <algorithm>

#include "rules/common_script.h"

namespace audit {

void ClaimScorer::Score(size_t words, Scratch* scratch, StringListPool* lists,
                        SentenceVerdict* v) const {
  v->signals = {};
  const bool body = v->role == "body" || v->role == "quotation" || v->role == "list_item";
  if (!body) {
    v->claim = false;
    v->claim_score = 0;
    return;
  }
  double score = kBaseScore;
  // Every signal that fires, found in one pass over the sentence.
  std::vector<int>* fired = &scratch->fired;
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
  scratch->ids.clear();
  for (int index : *fired) {
    const ClaimSignal& signal = rules_.claim_signals()[static_cast<size_t>(index)];
    score += signal.weight;
    scratch->ids.push_back(signal.id);
  }
  v->signals = lists->Intern(scratch->ids);
  score = std::clamp(score, 0.0, 1.0);
  v->claim_score = score;
  v->claim = words >= kMinClaimWords && score >= rules_.claim_threshold();
}

}  // namespace audit
