// FirstMatch: which of several patterns, tried in order, is the first to match a text somewhere,
// found in RE2::Set passes instead of one search per pattern. Role rules use it: a block or
// sentence takes the role of the first rule that matches, and most match none. Patterns anchored
// at the start share a set searched from the start only, which gives up after a few bytes; the
// others share an unanchored set.
//
// Built once with the RuleSet; First is const and thread-safe. The patterns are borrowed: they
// must outlive the FirstMatch.
#ifndef AUDIT_RULES_FIRST_MATCH_H_
#define AUDIT_RULES_FIRST_MATCH_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string_view>
#include <vector>

namespace audit {

class FirstMatch {
 public:
  FirstMatch() = default;
  explicit FirstMatch(std::vector<const RE2*> patterns);

  // The index of the first pattern that matches anywhere in `text`, or -1.
  int First(std::string_view text) const;

 private:
  struct Group {
    Group(const RE2::Options& options, RE2::Anchor anchor);
    std::unique_ptr<RE2::Set> set;
    std::vector<int> pattern_of;  // set index -> pattern index
  };

  std::vector<const RE2*> patterns_;
  std::vector<Group> groups_;
  bool use_sets_ = false;  // false when the patterns cannot share sets: each is tried in turn
};

}  // namespace audit

#endif  // AUDIT_RULES_FIRST_MATCH_H_
