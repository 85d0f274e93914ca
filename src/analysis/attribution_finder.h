// AttributionFinder: the attribution that governs one sentence, from the sentence alone.
//
// The rule pack's cue patterns are matched first; cues inside quotation marks do not count. Each
// cue's source is found by clause structure: the subject before the verb ("Ruiz told Reuters"),
// after it when inverted
// ("..., said Hugh Hill"), before an appositive ("Hugh Hill, a doctor, said"), or the phrase after
// a preposition ("according to the AP"). Among the cues, the first one in a main clause governs;
// one in a subordinate clause goes to `also`. Outlets the source spoke to ("told Reuters"), outlets
// that reported it ("..., Interfax reported", "according to the AP") and the outlet in "Bloomberg
// reported, citing sources" become the `via` list, outermost first.
//
// Holds a reference to the RuleSet, which must outlive it. Thread-safe: Find keeps its working
// memory in the caller's Scratch.
#ifndef AUDIT_ANALYSIS_ATTRIBUTION_FINDER_H_
#define AUDIT_ANALYSIS_ATTRIBUTION_FINDER_H_

#include <string_view>
#include <vector>

#include "analysis/analysis.h"
#include "analysis/noun_phrase.h"
#include "analysis/source_classifier.h"
#include "rules/rule_set.h"
#include "text/tokenizer.h"

namespace audit {

struct SentenceAttributions {
  Attribution main;  // status kDirect when the sentence has one
  std::vector<Attribution> also;
  std::vector<TextSpan> loaded_cues;
};

// A cue found in a sentence and the source it takes.
struct CueCandidate {
  const CueRule* rule = nullptr;
  TextSpan cue;
  size_t cue_first = 0;  // token indices of the cue
  size_t cue_last = 0;
  TokenRange source;
  bool subordinate = false;
  bool vague = false;
  bool fallback_only = false;  // governs only when no other cue does
};

class AttributionFinder {
 public:
  // Working memory reused across sentences by one thread.
  struct Scratch {
    std::vector<CueCandidate> candidates;
    std::vector<bool> may_match;  // per cue rule, from the prefilter
    CuePrefilter::Scratch prefilter;
  };

  explicit AttributionFinder(const RuleSet& rules)
      : rules_(rules), classifier_(rules), source_words_(NounPhrases::SourceWords(rules)) {}

  void Find(std::string_view text, const std::vector<Token>& tokens, Scratch* scratch,
            SentenceAttributions* out) const;

 private:
  // `common_script`: whether `text` is in the common script (InCommonScript), which says which
  // form of each rule's pattern matches it.
  void CollectCandidates(std::string_view text, const std::vector<Token>& tokens,
                         bool common_script, Scratch* scratch) const;
  bool CueIsVerb(const NounPhrases& np, const std::vector<Token>& tokens,
                 const CueCandidate& c) const;
  bool SubjectHasNoVerb(const NounPhrases& np, const std::vector<Token>& tokens,
                        TokenRange subject) const;
  bool AppositiveSubject(const NounPhrases& np, const std::vector<Token>& tokens, size_t comma,
                         CueCandidate* c) const;
  bool SourceFor(const NounPhrases& np, const std::vector<Token>& tokens, CueCandidate* c) const;
  Attribution ToAttribution(std::string_view text, const std::vector<Token>& tokens,
                            const CueCandidate& c) const;
  void AddVia(std::string_view text, const std::vector<Token>& tokens, bool common_script,
              Attribution* main) const;

  const RuleSet& rules_;
  SourceClassifier classifier_;
  PhraseSet source_words_;  // NounPhrases::SourceWords, built once
};

}  // namespace audit

#endif  // AUDIT_ANALYSIS_ATTRIBUTION_FINDER_H_
