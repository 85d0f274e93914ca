// CuePrefilter: which cue rules can possibly match a sentence. RE2's FilteredRE2 reduces each
// rule's pattern to literal strings ("atoms") one of which a match must contain; one LiteralScanner
// pass finds the atoms in a sentence, and only the rules they allow scan it with their own DFA.
// A rule with no word to look for may still need punctuation (a colon, a dash): PunctuationFilter
// checks the sentence has its bytes. Other rules always scan. The answer is a superset: no match
// is ever lost.
//
// The filter is compiled once MayMatch has been called kCallsBeforeFilter times (BuiltWhenUsed):
// until then, and if it cannot be built, every rule may match. MayMatch is const and thread-safe
// (the caller owns the scratch).
#ifndef AUDIT_RULES_CUE_PREFILTER_H_
#define AUDIT_RULES_CUE_PREFILTER_H_

#include <re2/filtered_re2.h>

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/built_when_used.h"
#include "rules/literal_scanner.h"
#include "rules/punctuation_filter.h"

namespace audit {

class CuePrefilter {
 public:
  // About a hundred articles' sentences: the filter costs about as much to compile as it saves on
  // that many.
  static constexpr size_t kCallsBeforeFilter = 2000;

  CuePrefilter() = default;
  // `patterns` (RE2 syntax, compiled with `options`) in rule order; index i of MayMatch's answer is
  // rule i. They need only match what the rules match: the rules' own patterns, or patterns of the
  // same language that reduce to better atoms (PatternCompiler::ExpandForPrefilter).
  CuePrefilter(std::vector<std::string> patterns, const RE2::Options& options,
               size_t calls_before_filter = kCallsBeforeFilter);

  // Working memory for MayMatch, reused across calls by one thread.
  struct Scratch {
    std::vector<int> atoms;
    std::vector<uint8_t> seen_atoms;
    std::vector<int> rules;  // FilteredRE2 ids
  };

  // (*may_match)[i] is true when rule i can match `text`.
  void MayMatch(std::string_view text, std::vector<bool>* may_match, Scratch* scratch) const;

 private:
  struct Filter {
    re2::FilteredRE2 filter{LiteralScanner::kMinLength};
    LiteralScanner atoms;                // index i is the filter's atom i
    std::vector<int> rule_of_filter_id;  // FilteredRE2 id -> rule index
    std::vector<int> unfiltered;         // the rules that scan whatever the atoms
    // Rules without words filtered by their punctuation: the word filter lets them through, and
    // its answer for them is ignored.
    PunctuationFilters punctuation;
    std::vector<size_t> rule_of_punctuation;  // punctuation filter -> rule index
    std::vector<bool> by_punctuation;         // per rule
  };
  // Null when no filter can be built (then every rule scans).
  static std::unique_ptr<Filter> Build(const std::vector<std::string>& patterns,
                                       const RE2::Options& options);

  size_t size_ = 0;
  std::unique_ptr<BuiltWhenUsed<Filter>> filter_;
};

}  // namespace audit

#endif  // AUDIT_RULES_CUE_PREFILTER_H_
