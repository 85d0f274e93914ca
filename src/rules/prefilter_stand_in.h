// PrefilterStandIn: a pattern that RE2's FilteredRE2 reduces to the same atoms as `pattern`, and
// that compiles in a fraction of the time.
//
// FilteredRE2 compiles every pattern it is given, but the cue prefilter and the punctuation filters
// only ask it for atoms (Compile, AllPotentials), never to match. Its prefilter treats any
// character class of more than four characters as "any character", whatever the characters; a
// Unicode property class (\p{L}, \p{Lu}, \pN, \P{L}) is thousands of characters, and compiling
// its UTF-8 automaton is most of the cost of compiling a rule pattern. The stand-in replaces each
// with a class of a few code point ranges that is just as large for the prefilter, alone, in a
// bracket, or negated.
//
// Only for patterns that are not matched: the stand-in matches other texts. Pure; thread-safe.
#ifndef AUDIT_RULES_PREFILTER_STAND_IN_H_
#define AUDIT_RULES_PREFILTER_STAND_IN_H_

#include <string>
#include <string_view>

namespace audit {

std::string PrefilterStandIn(std::string_view pattern);

}  // namespace audit

#endif  // AUDIT_RULES_PREFILTER_STAND_IN_H_
