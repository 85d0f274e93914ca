#include "rules/pattern_compiler.h"

#include <fmt/format.h>
#include <re2/set.h>

#include <algorithm>

#include "rules/instruction_bound.h"

namespace audit {

size_t EndOfEscapeOrClass(std::string_view pattern, size_t i) {
  if (i >= pattern.size()) return i;
  if (pattern[i] == '\\') return i + 1;  // an escaped character, whatever it is
  if (pattern[i] != '[') return i;
  // A character class: up to its closing bracket (a ']' first in the class is literal).
  ++i;
  if (i < pattern.size() && pattern[i] == '^') ++i;
  if (i < pattern.size() && pattern[i] == ']') ++i;
  while (i < pattern.size() && pattern[i] != ']') {
    if (pattern[i] == '\\') ++i;
    ++i;
  }
  return i;
}

bool GroupIsWholeMatch(std::string_view pattern, std::string_view name) {
  // Zero-width assertions at `pattern[i]`, skipped; returns where they end.
  auto skip_assertions = [&](size_t i) {
    for (;;) {
      if (pattern.compare(i, 2, "\\b") == 0 || pattern.compare(i, 2, "\\A") == 0 ||
          pattern.compare(i, 2, "\\z") == 0) {
        i += 2;
      } else if (i < pattern.size() && (pattern[i] == '^' || pattern[i] == '$')) {
        ++i;
      } else {
        return i;
      }
    }
  };
  const std::string open = "(?P<" + std::string(name) + ">";
  size_t i = skip_assertions(0);
  if (pattern.compare(i, open.size(), open) != 0) return false;
  // Find the group's closing parenthesis: escapes and character classes hold no structure.
  int depth = 0;
  for (; i < pattern.size(); i = EndOfEscapeOrClass(pattern, i) + 1) {
    if (pattern[i] == '(') {
      ++depth;
    } else if (pattern[i] == ')' && --depth == 0) {
      break;
    }
  }
  if (i >= pattern.size()) return false;
  // A quantifier on the group ("(?P<cue>x)?") would let a match leave it empty or repeat it.
  return skip_assertions(i + 1) == pattern.size();
}

bool HasNamedGroup(std::string_view pattern, std::string_view name) {
  const std::string open = fmt::format("(?P<{}>", name);
  for (size_t i = 0; i < pattern.size(); i = EndOfEscapeOrClass(pattern, i) + 1) {
    if (pattern.compare(i, open.size(), open) == 0) return true;
  }
  return false;
}

RE2::Options RuleRe2Options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

namespace {

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9'); }

std::string QuoteEntry(const std::string& entry) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < entry.size(); ++i) {
    char c = entry[i];
    if (c == ' ' || c == '\t') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += "\\s+";
    pending_space = false;
    if (c == '\'') {
      out += "['’]";
    } else if (entry.compare(i, 3, "’") == 0) {
      out += "['’]";
      i += 2;
    } else {
      std::string one(1, c);
      out += RE2::QuoteMeta(one);
    }
  }
  return out;
}

}  // namespace

namespace {

// The alternation of `entries`, each in a capturing group of its own when `group_each`.
std::string Alternation(const std::vector<std::string>& entries, bool group_each) {
  std::vector<std::string> sorted(entries);
  std::sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
    return a.size() > b.size() || (a.size() == b.size() && a < b);
  });
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string out = "(?:";
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i) out += '|';
    if (group_each) out += '(';
    out += QuoteEntry(sorted[i]);
    if (group_each) out += ')';
  }
  out += ')';
  return out;
}

}  // namespace

std::string AlternationFor(const std::vector<std::string>& entries) {
  return Alternation(entries, false);
}

bool PatternCompiler::ExpandWith(std::string_view pattern, bool group_entries, std::string* out,
                                 std::string* error, int* error_column) const {
  out->clear();
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out->append(pattern.substr(i, 2));
      ++i;
      continue;
    }
    if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] >= 'a' && pattern[i + 1] <= 'z') {
      size_t end = i + 1;
      while (end < pattern.size() && IsNameChar(pattern[end])) ++end;
      if (end < pattern.size() && pattern[end] == '}') {
        std::string name(pattern.substr(i + 1, end - i - 1));
        auto it = lexicons_->find(name);
        if (it == lexicons_->end()) {
          *error = "unknown lexicon '" + name + "'";
          *error_column = static_cast<int>(i);
          return false;
        }
        *out += Alternation(it->second, group_entries);
        i = end;
        continue;
      }
    }
    out->push_back(c);
  }
  return true;
}

bool PatternCompiler::Expand(std::string_view pattern, std::string* out, std::string* error,
                             int* error_column) const {
  return ExpandWith(pattern, false, out, error, error_column);
}

std::string PatternCompiler::ExpandForPrefilter(std::string_view pattern) const {
  std::string out, error;
  int column = -1;
  if (!ExpandWith(pattern, true, &out, &error, &column)) return std::string(pattern);
  return out;
}

namespace {

// RE2's error for a pattern that does not compile, with the column in `pattern` (the rule's text,
// before expansion) of the piece it names, when that piece is there.
void DescribeError(const RE2& re, std::string_view pattern, std::string* error, int* error_column) {
  *error = "bad pattern: " + re.error();
  if (!re.error_arg().empty()) {
    size_t at = pattern.find(re.error_arg());
    if (at != std::string_view::npos) *error_column = static_cast<int>(at);
  }
}

}  // namespace

std::unique_ptr<LazyRegex> PatternCompiler::Check(std::string_view pattern, std::string* error,
                                                  int* error_column) const {
  return Prepare(pattern, /*compile_narrowed=*/false, error, error_column);
}

std::unique_ptr<LazyRegex> PatternCompiler::CompileNarrowed(std::string_view pattern,
                                                            std::string* error,
                                                            int* error_column) const {
  return Prepare(pattern, /*compile_narrowed=*/true, error, error_column);
}

std::unique_ptr<LazyRegex> PatternCompiler::Prepare(std::string_view pattern, bool compile_narrowed,
                                                    std::string* error, int* error_column) const {
  std::string expanded;
  *error_column = -1;
  if (!Expand(pattern, &expanded, error, error_column)) return nullptr;
  auto regex = std::make_unique<LazyRegex>(expanded, RuleRe2Options());
  if (compile_narrowed) {
    // Compiling finds every error parsing would, and names the piece.
    const RE2& re = regex->For(/*text_in_common_script=*/true);
    if (!re.ok()) {
      DescribeError(re, pattern, error, error_column);
      return nullptr;
    }
  } else {
    // Adding a pattern to a set parses it without compiling it. The narrowed form parses exactly
    // when the full one does (it only has other classes in the places of Unicode ones) and faster.
    RE2::Set parser(RuleRe2Options(), RE2::UNANCHORED);
    std::string set_error;
    if (parser.Add(regex->pattern_for(/*text_in_common_script=*/true), &set_error) < 0) {
      // Compiled after all, for RE2's error and the piece it names.
      const RE2 re(expanded, RuleRe2Options());
      if (!re.ok()) {
        DescribeError(re, pattern, error, error_column);
      } else {
        *error = "bad pattern: " + set_error;
      }
      return nullptr;
    }
  }
  // Only the narrowed form is compiled at load. A pattern that might be too large to compile
  // whole is compiled now, so that it fails here, at its position, rather than on a text.
  if (InstructionBound(expanded) > kInstructionsSafeUncompiled) {
    const RE2 re(expanded, RuleRe2Options());
    if (!re.ok()) {
      DescribeError(re, pattern, error, error_column);
      return nullptr;
    }
  }
  return regex;
}

}  // namespace audit
