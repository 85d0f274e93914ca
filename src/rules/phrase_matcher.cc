#include "rules/phrase_matcher.h"

#include <unicode/uchar.h>

#include "base/utf8.h"

namespace audit {
namespace {

// RE2's (?i) matches a letter with every letter of its case orbit; Unicode simple case folding
// maps each orbit to one member, so folded code points compare equal exactly when RE2 would match.
char32_t Fold(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
}

// \pL or \pN.
bool IsLetterOrNumber(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) - 'a' < 26 || cp - '0' < 10;
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

// RE2's \s: ASCII white space but the vertical tab.
bool IsRegexSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Whether `pos` is the text's end or starts a code point that is neither a letter nor a number.
// An invalid byte is no boundary: RE2's classes match no invalid UTF-8.
bool BoundaryAt(std::string_view text, size_t pos) {
  if (pos == text.size()) return true;
  char32_t cp;
  return DecodeUtf8(text, pos, &cp) != 0 && !IsLetterOrNumber(cp);
}

}  // namespace

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& entries) {
  for (const std::string& entry : entries) {
    // As PatternCompiler quotes an entry: spaces become one run of white space (none at either
    // end), either apostrophe stands for both.
    Units units;
    bool pending_space = false;
    for (size_t i = 0; i < entry.size();) {
      char32_t cp;
      size_t length = DecodeUtf8(entry, i, &cp);
      if (length == 0) length = 1;  // not UTF-8: stands for U+FFFD, as DecodeUtf8 says
      i += length;
      if (cp == ' ' || cp == '\t') {
        pending_space = true;
        continue;
      }
      if (pending_space && !units.empty()) units.push_back(kSpaceRun);
      pending_space = false;
      units.push_back(IsApostrophe(cp) ? kApostrophe : Fold(cp));
    }
    const auto index = static_cast<uint32_t>(entries_.size());
    if (units.empty()) {
      empty_.push_back(index);
    } else {
      const Candidate candidate{index, units.size() > 1 ? units[1] : kNoUnit};
      if (units[0] < 0x80) {
        ascii_first_[units[0]].push_back(candidate);
      } else {
        other_first_[units[0]].push_back(candidate);
      }
    }
    entries_.push_back(std::move(units));
  }
}

bool PhraseMatcher::MatchesAt(const Units& entry, size_t unit, std::string_view text, size_t pos) {
  for (; unit < entry.size(); ++unit) {
    if (entry[unit] == kSpaceRun) {
      size_t end = pos;
      while (end < text.size() && IsRegexSpace(text[end])) ++end;
      // The rest of the entry usually starts with no space, and takes the whole run; an entry
      // with a space character of its own after a space may need a shorter one, as the regex's
      // backtracking finds.
      for (; end > pos; --end) {
        if (MatchesAt(entry, unit + 1, text, end)) return true;
      }
      return false;
    }
    char32_t cp;
    const size_t length = DecodeUtf8(text, pos, &cp);
    if (length == 0) return false;
    if (entry[unit] == kApostrophe ? !IsApostrophe(cp) : Fold(cp) != entry[unit]) return false;
    pos += length;
  }
  return BoundaryAt(text, pos);
}

bool PhraseMatcher::AnyMatchesAt(char32_t first, size_t length, std::string_view text,
                                 size_t pos) const {
  for (const uint32_t i : empty_) {
    if (MatchesAt(entries_[i], 0, text, pos)) return true;
  }
  const std::vector<Candidate>* candidates = nullptr;
  if (IsApostrophe(first)) first = kApostrophe;
  if (first < 0x80) {
    candidates = &ascii_first_[first];
  } else {
    auto it = other_first_.find(first);
    if (it == other_first_.end()) return false;
    candidates = &it->second;
  }
  if (candidates->empty()) return false;
  // The text's second unit, as an entry would spell it.
  char32_t second = kNoUnit;
  if (const size_t next = pos + length; next < text.size()) {
    char32_t cp;
    if (IsRegexSpace(text[next])) {
      second = kSpaceRun;
    } else if (DecodeUtf8(text, next, &cp) != 0) {
      second = IsApostrophe(cp) ? kApostrophe : Fold(cp);
    }
  }
  for (const Candidate& c : *candidates) {
    // A literal space character (an entry's "\n") is not what `second` calls a space: try it.
    const bool may_match = c.second == kNoUnit || c.second == second ||
                           (c.second < 0x80 && IsRegexSpace(static_cast<char>(c.second)));
    if (may_match && MatchesAt(entries_[c.entry], 0, text, pos)) return true;
  }
  return false;
}

bool PhraseMatcher::Search(std::string_view text) const {
  if (entries_.empty()) return false;
  bool after_boundary = true;  // the text's start
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp;
    const size_t length = DecodeUtf8(text, pos, &cp);
    if (length == 0) {  // an invalid byte: no entry starts here or just after it
      after_boundary = false;
      ++pos;
      continue;
    }
    if (after_boundary && AnyMatchesAt(Fold(cp), length, text, pos)) return true;
    after_boundary = !IsLetterOrNumber(cp);
    pos += length;
  }
  // Only an entry of nothing but spaces matches at the end.
  return after_boundary && !empty_.empty();
}

bool PhraseMatcher::Prefix(std::string_view text) const {
  if (entries_.empty()) return false;
  if (text.empty()) return !empty_.empty();
  char32_t cp;
  const size_t length = DecodeUtf8(text, 0, &cp);
  if (length == 0) {
    // An invalid first byte: only an entry of nothing but spaces, followed by no boundary, could
    // match, and an invalid byte is none.
    return false;
  }
  return AnyMatchesAt(Fold(cp), length, text, 0);
}

}  // namespace audit
