// CuePrefilter: which cue rules can possibly match a sentence. RE2's FilteredRE2 reduces each
// rule's pattern to literal strings ("atoms") a match must contain, combined by AND and OR; one
// LiteralScanner pass finds the atoms in a sentence, and only the rules they allow scan it with
// their own DFA. A rule with no word to look for may still need punctuation (a colon, a dash):
// PunctuationFilter checks the sentence has its bytes. Other rules always scan. The answer is a
// superset: no match is ever lost.
//
// The atoms found decide without FilteredRE2 at match time: asking it (AllPotentials) walks its
// tree of every rule's atoms and makes half a dozen allocations sized by that tree per sentence,
// which were most of the allocations of an audit and, on two threads, trips through the
// allocator's shared lists. Instead each rule's own atoms are listed at build time, each marked
// with whether it lets the rule through alone (an atom of an OR of words) or only with another (an
// atom under an AND): a sentence lets a rule through when it holds one atom of the first kind or
// two of the second. That is a superset of FilteredRE2's answer (an AND of three atoms is let
// through by two) and, on the news pack, almost the same rules: most cue patterns are an OR of
// verb forms.
//
// The filter is compiled once MayMatch has been called kCallsBeforeFilter times (BuiltWhenUsed):
// until then, and if it cannot be built, every rule may match. MayMatch is const and thread-safe
// (the caller owns the scratch), and does not allocate once the scratch has grown to size.
#ifndef AUDIT_RULES_CUE_PREFILTER_H_
#define AUDIT_RULES_CUE_PREFILTER_H_

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
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
    // Per rule: whether the sentence holds one of its atoms that needs another; zero between
    // calls (only the rules marked are cleared, listed in `marked`).
    std::vector<uint8_t> has_atom;
    std::vector<uint32_t> marked;
  };

  // (*may_match)[i] is true when rule i can match `text`.
  void MayMatch(std::string_view text, std::vector<bool>* may_match, Scratch* scratch) const;

 private:
  // A rule one atom is found in.
  struct Posting {
    uint32_t rule;
    bool alone;  // the atom lets the rule through by itself; otherwise only with another of its own
  };
  struct Filter {
    LiteralScanner atoms;
    std::vector<Posting> postings;        // by atom: atom i's are [posting_begin[i], [i + 1])
    std::vector<uint32_t> posting_begin;  // one more than the atoms
    std::vector<int> unfiltered;          // the rules that scan whatever the atoms
    // Rules without words, filtered by the punctuation they need (they have no postings).
    PunctuationFilters punctuation;
    std::vector<size_t> rule_of_punctuation;  // punctuation filter -> rule index
  };
  // Null when no filter can be built (then every rule scans).
  static std::unique_ptr<Filter> Build(const std::vector<std::string>& patterns,
                                       const RE2::Options& options);

  size_t size_ = 0;
  std::unique_ptr<BuiltWhenUsed<Filter>> filter_;
};

}  // namespace audit

#endif  // AUDIT_RULES_CUE_PREFILTER_H_
