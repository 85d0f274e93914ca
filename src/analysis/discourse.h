// Discourse: the passes that link sentences after each has been analysed on its own.
//
// 1. References: a pronoun ("he"), a surname ("Ruiz"), or a description ("The report", "the
// ministry",
//    "the paper") is resolved to the entity an earlier sentence introduced; the sentence then takes
//    that entity's name (`resolved`), its sentence (`refers_to`) and its via list. A description
//    with nothing to point at is marked dangling.
// 2. Quotations: every sentence of a quotation takes the quotation's source, wherever its cue
// stands, including
//    paragraphs that reopen the quotation; a quotation paragraph right after an attributed sentence
//    continues it.
// 3. Wire and publisher: a wire credit goes first in every attributed sentence's via; the publisher
// never counts
//    as an intermediary of its own article; a headline takes the via of the body sentence that
//    reports it.
// Each pass is linear in the number of sentences. Stateless; thread-safe.
#ifndef AUDIT_ANALYSIS_DISCOURSE_H_
#define AUDIT_ANALYSIS_DISCOURSE_H_

#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "analysis/source_classifier.h"
#include "rules/rule_set.h"

namespace audit {

class Discourse {
 public:
  // How many sentences after a headline or caption ApplyPublisher reads for the body sentence that
  // reports it: more than a long news story has, and a bound that keeps a document of many
  // headlines (or list items) linear in its length.
  static constexpr size_t kSummaryLookahead = 400;
  // How many of the latest entities (people, bodies, documents named) a pronoun, surname or
  // description can point back at: a few paragraphs' worth, and a bound that keeps a very long
  // document linear in its length and its entity table small.
  static constexpr size_t kReferenceLookback = 400;

  explicit Discourse(const RuleSet& rules) : rules_(rules), classifier_(rules) {}

  void ResolveReferences(SentenceVerdicts* sentences) const;
  void InheritQuotations(SentenceVerdicts* sentences) const;
  void ContinueDocuments(SentenceVerdicts* sentences) const;
  // With no publisher known, a news agency the text keeps reporting through ("told Reuters", "seen
  // by Reuters", "the AP noted") marks the article as that agency's copy. Returns its name, or "".
  std::string InferWire(const SentenceVerdicts& sentences) const;
  void ApplyPublisher(const std::string& publisher, const std::string& wire,
                      SentenceVerdicts* sentences) const;

 private:
  const RuleSet& rules_;
  SourceClassifier classifier_;
};

}  // namespace audit

#endif  // AUDIT_ANALYSIS_DISCOURSE_H_
