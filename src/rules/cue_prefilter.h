// CuePrefilter: which cue rules can possibly match a sentence. RE2's FilteredRE2 reduces each
// rule's pattern to literal strings ("atoms") one of which a match must contain; one RE2::Set pass
// finds the atoms in a sentence, and only the rules they allow scan it with their own DFA. Rules
// with no usable atom always scan. The answer is a superset: no match is ever lost.
//
// Built once with the RuleSet; MayMatch is const and thread-safe (the caller owns the scratch).
#ifndef AUDIT_RULES_CUE_PREFILTER_H_
#define AUDIT_RULES_CUE_PREFILTER_H_

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <memory>
#include <string_view>
#include <vector>

namespace audit {

class CuePrefilter {
 public:
  CuePrefilter() = default;
  // `patterns` in rule order; index i of MayMatch's answer is rule i.
  explicit CuePrefilter(const std::vector<const RE2*>& patterns);

  // (*may_match)[i] is true when rule i can match `text`. `atoms` is scratch.
  void MayMatch(std::string_view text, std::vector<bool>* may_match, std::vector<int>* atoms,
                std::vector<int>* rules) const;

 private:
  size_t size_ = 0;
  bool everything_ = true;  // no prefilter could be built: every rule scans
  re2::FilteredRE2 filter_{3};
  std::unique_ptr<RE2::Set> atoms_;
  std::vector<int> rule_of_filter_id_;  // FilteredRE2 id -> rule index
};

}  // namespace audit

#endif  // AUDIT_RULES_CUE_PREFILTER_H_
