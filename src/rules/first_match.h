// FirstMatch: which of several patterns, tried in order, is the first to match a text somewhere,
// found in RE2::Set passes instead of one search per pattern. Role rules use it: a block or
// sentence takes the role of the first rule that matches, and most match none. Patterns anchored
// at the start share a set searched from the start only, which gives up after a few bytes; the
// others share an unanchored set. A set whose every pattern needs some punctuation (a caption's
// "Photo:") is not searched in a text without it (PunctuationFilters).
//
// The sets are compiled from the patterns' text, on the first call to First (BuiltWhenUsed) or to
// BuildSets, so a pattern is compiled on its own (LazyRegex) only when the sets cannot be built:
// then each pattern is tried in turn, with the same answers. There are two of each: from the
// patterns narrowed to the common script, for texts in it, and from the full patterns, compiled
// when a text outside it first comes (LazyRegex::For). First is const and thread-safe. The
// patterns are borrowed: they must outlive the FirstMatch.
#ifndef AUDIT_RULES_FIRST_MATCH_H_
#define AUDIT_RULES_FIRST_MATCH_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string_view>
#include <vector>

#include "rules/built_when_used.h"
#include "rules/lazy_regex.h"
#include "rules/punctuation_filter.h"

namespace audit {

class FirstMatch {
 public:
  // Compiling the sets costs less than compiling their patterns one by one, which trying them in
  // turn needs: the sets are built at once. Tests ask for the plain path with a later threshold.
  static constexpr size_t kCallsBeforeSets = 0;

  FirstMatch() = default;
  explicit FirstMatch(std::vector<const LazyRegex*> patterns,
                      size_t calls_before_sets = kCallsBeforeSets);

  // The index of the first pattern that matches anywhere in `text`, or -1.
  int First(std::string_view text) const;

  // Builds the sets for texts in the common script now if no call has; false when they cannot be
  // built (or there are no patterns). The rule loader calls it, so that compiling happens at load.
  bool BuildSets() const;

 private:
  struct Group {
    Group(const RE2::Options& options, RE2::Anchor anchor);
    std::unique_ptr<RE2::Set> set;
    std::vector<int> pattern_of;  // set index -> pattern index
    PunctuationFilters punctuation;
    // Every pattern has a filter in `punctuation`. Only unanchored sets are filtered: one searched
    // from the start gives up after a few bytes anyway, and each filter costs a compile.
    bool needs_punctuation = false;
  };
  // Null when the patterns cannot share sets (then each is always tried in turn).
  static std::unique_ptr<std::vector<Group>> CompileSets(
      const std::vector<const LazyRegex*>& patterns, bool common_script);
  int FirstOneByOne(std::string_view text, bool common_script) const;

  std::vector<const LazyRegex*> patterns_;
  // Index 1: from the patterns narrowed to the common script; 0: the full ones.
  std::unique_ptr<BuiltWhenUsed<std::vector<Group>>> sets_[2];
};

}  // namespace audit

#endif  // AUDIT_RULES_FIRST_MATCH_H_
