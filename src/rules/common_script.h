// The common script: the characters most news copy is written in (ASCII, the Latin-1 and Latin
// Extended letters, General Punctuation's curly quotes and dashes, currency signs), and rule
// patterns narrowed to it.
//
// Compiling a Unicode property class (\p{L}, \p{Lu}) into RE2's UTF-8 automaton costs about half a
// millisecond, for the hundreds of code point ranges it spans across every script; a rule pack's
// patterns hold dozens, and compiling them was most of audit's start-up. Restricted to the common
// script, the same class is a few ranges and compiles in microseconds. On a text whose every
// character is in the common script, a pattern and its narrowed form match exactly the same
// spans, with the same groups: they differ only on characters the text does not hold. So a
// pattern is compiled narrowed at load and matched against such texts; the full pattern is
// compiled only when a text with other characters (Cyrillic, emoji, invalid UTF-8) needs it.
//
// The common script leaves out the few characters whose case-insensitive matching ((?i)) reaches
// outside it: "ß" matches (?i)\p{Lu} through "ẞ" (U+1E9E), which a narrowed \p{Lu} lacks.
// tests/common_script_test.cc checks every character of the common script against RE2's own
// classes, with and without (?i). Pure functions; thread-safe.
#ifndef AUDIT_RULES_COMMON_SCRIPT_H_
#define AUDIT_RULES_COMMON_SCRIPT_H_

#include <optional>
#include <string>
#include <string_view>

namespace audit {

// Whether `c` is in the common script.
bool IsCommonScript(char32_t c);

// Whether every character of `text` is in the common script (and `text` is valid UTF-8).
bool InCommonScript(std::string_view text);

// `pattern` (RE2 syntax) with each general-category class (\pL, \p{Lu}, \P{N}, \p{^L}) replaced by
// its code points in the common script. Empty when the pattern has none (it needs no second form),
// or has one that cannot be narrowed exactly: a script or unknown name (\p{Greek}), a negated class
// inside brackets ([x\P{L}]), a class as a range's end ([\p{L}-z]), or \Q...\E quoting.
std::optional<std::string> NarrowToCommonScript(std::string_view pattern);

}  // namespace audit

#endif  // AUDIT_RULES_COMMON_SCRIPT_H_
