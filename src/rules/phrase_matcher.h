// PhraseMatcher: finds a lexicon's words and phrases in a text, case-insensitively and on word
// boundaries, without a regex. It answers exactly what the lexicon's alternation would as the RE2
// pattern `(?:^|[^\pL\pN])(?:entry|...)(?:$|[^\pL\pN])` (Search) or `^(?:entry|...)(?:$|[^\pL\pN])`
// (Prefix) with case folding: a space in an entry stands for a run of ASCII white space, an
// apostrophe for ' or ’. Those regexes cost a millisecond or more each to compile, most of it for
// the two Unicode classes, which is more than a small archive spends matching them; walking the
// text's word starts costs nothing to build and about as little to run.
//
// Immutable once built; thread-safe; copyable.
#ifndef AUDIT_RULES_PHRASE_MATCHER_H_
#define AUDIT_RULES_PHRASE_MATCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace audit {

class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  explicit PhraseMatcher(const std::vector<std::string>& entries);

  // Whether some entry occurs in `text` with neither a letter nor a number (nor an invalid byte)
  // just before or just after it.
  bool Search(std::string_view text) const;
  // Whether `text` starts with some entry that is followed by the text's end or a character that
  // is neither a letter nor a number.
  bool Prefix(std::string_view text) const;

 private:
  // An entry as a sequence of units: a code point in its case-folded form, or one of these.
  static constexpr char32_t kSpaceRun = 0x110000;    // one or more of \t \n \f \r and space
  static constexpr char32_t kApostrophe = 0x110001;  // ' or ’
  using Units = std::u32string;

  // Whether `entry` from its `unit`th unit on matches `text` at `pos` and is followed by a
  // boundary.
  static bool MatchesAt(const Units& entry, size_t unit, std::string_view text, size_t pos);
  // Whether some entry matches at `pos`, where a code point of `length` bytes folding to `first`
  // starts.
  bool AnyMatchesAt(char32_t first, size_t length, std::string_view text, size_t pos) const;

  // An entry that starts with a given unit, and its second unit (kNoUnit for a one-unit entry):
  // most entries that share a first letter differ in the second, which turns them away without a
  // call.
  static constexpr char32_t kNoUnit = 0x110002;
  struct Candidate {
    uint32_t entry;
    char32_t second;
  };

  std::vector<Units> entries_;
  // Entries by their first unit (code points below 128 in the array, the rest in the map), so a
  // word start tries only the entries that begin with its letter.
  std::vector<Candidate> ascii_first_[128];
  std::unordered_map<char32_t, std::vector<Candidate>> other_first_;
  std::vector<uint32_t> empty_;  // entries of nothing but spaces: they match at any boundary
};

}  // namespace audit

#endif  // AUDIT_RULES_PHRASE_MATCHER_H_
