// Expands `{lexicon}` references in a rule pattern and compiles it with RE2.
// Stateless apart from the lexicons it is given; thread-compatible.
#ifndef AUDIT_RULES_PATTERN_COMPILER_H_
#define AUDIT_RULES_PATTERN_COMPILER_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/lazy_regex.h"

namespace audit {

// The RE2 alternation for a list of words and phrases: longest first, metacharacters quoted, any
// white space in an entry matching one or more white space characters, and straight and curly
// apostrophes interchangeable.
std::string AlternationFor(const std::vector<std::string>& entries);

// For scanning a pattern's structure: when `pattern[i]` opens an escape or a character class,
// the index of its last character (a class's closing bracket); otherwise `i`. Neither holds
// parentheses or alternatives that count.
size_t EndOfEscapeOrClass(std::string_view pattern, size_t i);

// Whether the named group `name` is the whole of every match of `pattern`: the pattern is the group
// with only zero-width assertions (\b, ^, $, \A, \z) before and after it, as in
// `\b(?P<cue>said|told)\b`. A caller can then ask RE2 for the match alone, which it finds with its
// DFAs, without the slower pass that fills in groups.
bool GroupIsWholeMatch(std::string_view pattern, std::string_view name);

// Whether `pattern` has a group named `name`, `(?P<name>...)`, read from its text (escapes and
// character classes skipped), so that a pattern need not be compiled to be asked.
bool HasNamedGroup(std::string_view pattern, std::string_view name);

class PatternCompiler {
 public:
  // `lexicons` maps a lexicon name to its entries; it must outlive the compiler.
  explicit PatternCompiler(
      const std::unordered_map<std::string, std::vector<std::string>>* lexicons)
      : lexicons_(lexicons) {}

  // Expands and parses `pattern`, which finds every error of syntax, and leaves the compiling to
  // its first use (LazyRegex); a pattern whose full form might be too large to compile
  // (InstructionBound) is compiled, to report it here. Null on an error, with `*error` set
  // ("unknown lexicon 'x'", or RE2's message naming the offending piece) and `*error_column` the
  // 0-based column in `pattern` where the problem starts, when known.
  std::unique_ptr<LazyRegex> Check(std::string_view pattern, std::string* error,
                                   int* error_column) const;
  // As Check, but compiles the form narrowed to the common script now (the one most texts are
  // matched with), for a pattern that will be matched on its own.
  std::unique_ptr<LazyRegex> CompileNarrowed(std::string_view pattern, std::string* error,
                                             int* error_column) const;

  // Only the expansion step, for tests and `audit explain`.
  bool Expand(std::string_view pattern, std::string* out, std::string* error,
              int* error_column) const;

  // The expansion for a prefilter (FilteredRE2), which only asks which words a match needs: each
  // lexicon entry in a group of its own. RE2 factors the letters alternatives share out of an
  // alternation ("pledge|put it" becomes "p(?:ledge|ut it)"), which leaves pieces shorter than the
  // prefilter looks for, and then it gives up on the whole pattern; a group keeps each entry whole.
  // The same texts match. The pattern must expand (Compile succeeded on it); returns it as given
  // otherwise.
  std::string ExpandForPrefilter(std::string_view pattern) const;

 private:
  std::unique_ptr<LazyRegex> Prepare(std::string_view pattern, bool compile_narrowed,
                                     std::string* error, int* error_column) const;
  bool ExpandWith(std::string_view pattern, bool group_entries, std::string* out,
                  std::string* error, int* error_column) const;

  const std::unordered_map<std::string, std::vector<std::string>>* lexicons_;
};

// Options every rule pattern is compiled with: UTF-8, bounded memory, no logging to stderr.
RE2::Options RuleRe2Options();

}  // namespace audit

#endif  // AUDIT_RULES_PATTERN_COMPILER_H_
