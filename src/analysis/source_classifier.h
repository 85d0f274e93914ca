// Decides what kind of source a phrase names: person, organization, document, outlet, anonymous or
// vague, from the rule pack's lexicons. Stateless apart from the RuleSet it reads; thread-safe.
#ifndef AUDIT_ANALYSIS_SOURCE_CLASSIFIER_H_
#define AUDIT_ANALYSIS_SOURCE_CLASSIFIER_H_

#include <string>
#include <string_view>

#include "analysis/analysis.h"
#include "rules/rule_set.h"

namespace audit {

class SourceClassifier {
 public:
  explicit SourceClassifier(const RuleSet& rules) : rules_(rules) {}

  SourceType Classify(std::string_view source) const;
  // The outlet a source phrase names ("the Associated Press", "Interfax news agency"), or null.
  const Outlet* OutletIn(std::string_view source) const;
  // Whether a phrase names an outlet the lexicon does not know: "The newspaper Kivi".
  bool NamesUnknownOutlet(std::string_view source) const;
  // The head of a phrase: the words before its first "of", "for", "from", "at", "with" or comma.
  static std::string_view Head(std::string_view phrase);
  static bool IsPronoun(std::string_view word);

 private:
  bool HasProperName(std::string_view phrase) const;
  bool EndsInPersonalName(std::string_view phrase) const;

  const RuleSet& rules_;
};

}  // namespace audit

#endif  // AUDIT_ANALYSIS_SOURCE_CLASSIFIER_H_
