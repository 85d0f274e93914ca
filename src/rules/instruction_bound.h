// InstructionBound: an upper bound, read from a pattern's text, on the number of instructions RE2
// compiles it to.
//
// A rule pattern is compiled at load only in its form narrowed to the common script (LazyRegex);
// the full form, whose Unicode classes are each a thousand instructions or more, is compiled when a
// text first needs it. A pattern whose full form would be too large for RE2's memory limit ("a
// rule file with a catastrophic pattern") must still be an error at load, at its position. The
// bound says which patterns could be: those it does not clear are compiled whole at load.
//
// The bound counts generously (every Unicode class as the largest there is, every character as
// four bytes with both cases, a counted repetition as that many copies) and saturates instead of
// overflowing. Pure; thread-safe.
#ifndef AUDIT_RULES_INSTRUCTION_BOUND_H_
#define AUDIT_RULES_INSTRUCTION_BOUND_H_

#include <cstddef>
#include <string_view>

namespace audit {

// Patterns with a bound above this are compiled whole at load. RE2 refuses a program of more than
// about 700,000 instructions for a reverse search under the rules' 64 MB limit (RuleRe2Options);
// a pattern under this bound is far from that.
inline constexpr size_t kInstructionsSafeUncompiled = 100000;

size_t InstructionBound(std::string_view pattern);

}  // namespace audit

#endif  // AUDIT_RULES_INSTRUCTION_BOUND_H_
