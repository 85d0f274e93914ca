#include "rules/instruction_bound.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace audit {
namespace {

constexpr size_t kSaturated = std::numeric_limits<size_t>::max() / 4;
// RE2's largest Unicode class (\P{L} with (?i)) compiles to about 1,200 instructions.
constexpr size_t kUnicodeClass = 4000;
// A character: up to four UTF-8 bytes, in both cases, with the instructions joining them.
constexpr size_t kCharacter = 16;
// The instructions every program has (fail, match, the unanchored loop).
constexpr size_t kProgramOverhead = 16;

size_t Add(size_t a, size_t b) { return std::min(a + b, kSaturated); }
size_t Times(size_t a, size_t n) { return n != 0 && a > kSaturated / n ? kSaturated : a * n; }

// A recursive reading of the pattern's structure: alternatives, groups, atoms and quantifiers.
class Reader {
 public:
  explicit Reader(std::string_view pattern) : p_(pattern) {}

  // Alternatives up to a closing parenthesis (not consumed) or the end.
  size_t Alternation() {
    size_t total = 0;
    for (;;) {
      total = Add(total, Sequence());
      if (i_ < p_.size() && p_[i_] == '|') {
        ++i_;
        total = Add(total, 2);
        continue;
      }
      return total;
    }
  }

  // Past a ')' that closes nothing (RE2 refuses such a pattern; the bound counts on after it).
  bool SkipStrayParenthesis() {
    if (i_ >= p_.size()) return false;
    ++i_;
    return true;
  }

 private:
  size_t Sequence() {
    size_t total = 0;
    while (i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      total = Add(total, Quantified(Atom()));
    }
    return total;
  }

  size_t Atom() {
    const char c = p_[i_];
    if (c == '(') {
      ++i_;
      // Deeper than any rule needs: counted as too large, which compiles the pattern at load (RE2
      // has its own limits) rather than recursing on.
      if (++depth_ > kMaxDepth) {
        i_ = p_.size();
        return kSaturated;
      }
      if (i_ < p_.size() && p_[i_] == '?') {
        // (?:...), (?P<name>...), (?i:...) or a bare flag setting (?i).
        while (i_ < p_.size() && p_[i_] != ':' && p_[i_] != ')' && p_[i_] != '>') ++i_;
        if (i_ < p_.size() && p_[i_] == ')') {
          ++i_;
          return 0;
        }
        ++i_;
      }
      const size_t inside = Alternation();
      if (i_ < p_.size()) ++i_;  // ')'
      --depth_;
      return Add(inside, 2);
    }
    if (c == '[') return Bracket();
    if (c == '\\') return Escape();
    ++i_;
    return kCharacter;
  }

  size_t Escape() {
    ++i_;  // the backslash
    if (i_ >= p_.size()) return kCharacter;
    const char c = p_[i_++];
    if (c == 'p' || c == 'P') {
      SkipBraces();
      return kUnicodeClass;
    }
    if (c == 'x') {
      SkipBraces();
      return kCharacter;
    }
    if (c == 'Q') {  // quoted to \E: each a character
      const size_t end = p_.find("\\E", i_);
      const size_t stop = end == std::string_view::npos ? p_.size() : end;
      const size_t n = stop - i_;
      i_ = end == std::string_view::npos ? p_.size() : end + 2;
      return Times(kCharacter, n);
    }
    return kCharacter;
  }

  void SkipBraces() {
    if (i_ < p_.size() && p_[i_] == '{') {
      const size_t close = p_.find('}', i_);
      i_ = close == std::string_view::npos ? p_.size() : close + 1;
    } else if (i_ < p_.size()) {
      ++i_;  // a one-letter name: \pL
    }
  }

  size_t Bracket() {
    ++i_;  // '['
    size_t total = kCharacter;
    if (i_ < p_.size() && p_[i_] == '^') ++i_;
    if (i_ < p_.size() && p_[i_] == ']') {
      ++i_;
      total = Add(total, kCharacter);
    }
    while (i_ < p_.size() && p_[i_] != ']') {
      if (p_[i_] == '\\') {
        total = Add(total, Escape());
      } else if (p_.compare(i_, 2, "[:") == 0) {
        const size_t close = p_.find(":]", i_);
        i_ = close == std::string_view::npos ? p_.size() : close + 2;
        total = Add(total, kCharacter);
      } else {
        ++i_;
        total = Add(total, kCharacter);
      }
    }
    if (i_ < p_.size()) ++i_;  // ']'
    return total;
  }

  // `atom` repeated by the quantifier that follows it, if any.
  size_t Quantified(size_t atom) {
    if (i_ >= p_.size()) return atom;
    const char c = p_[i_];
    size_t copies = 0;
    if (c == '*' || c == '+' || c == '?') {
      ++i_;
      copies = 1;
    } else if (c == '{') {
      size_t j = i_ + 1;
      size_t low = 0, high = 0;
      bool digits = false, comma = false;
      while (j < p_.size() && (std::isdigit(static_cast<unsigned char>(p_[j])) || p_[j] == ',')) {
        if (p_[j] == ',') {
          comma = true;
        } else {
          size_t& n = comma ? high : low;
          n = std::min<size_t>(n * 10 + static_cast<size_t>(p_[j] - '0'), 100000);
          digits = true;
        }
        ++j;
      }
      if (!digits || j >= p_.size() || p_[j] != '}') return atom;  // a literal brace
      i_ = j + 1;
      copies = std::max<size_t>(std::max(low, high), 1) + 1;
    } else {
      return atom;
    }
    if (i_ < p_.size() && p_[i_] == '?') ++i_;  // non-greedy
    // A quantified quantifier ("x{10}{10}") multiplies.
    return Quantified(Add(Times(atom, copies), Times(2, copies)));
  }

  static constexpr int kMaxDepth = 200;
  std::string_view p_;
  size_t i_ = 0;
  int depth_ = 0;
};

}  // namespace

size_t InstructionBound(std::string_view pattern) {
  Reader reader(pattern);
  size_t total = kProgramOverhead;
  // A stray ')' ends an alternation early; count what follows it too.
  for (;;) {
    total = Add(total, reader.Alternation());
    if (!reader.SkipStrayParenthesis()) return total;
  }
}

}  // namespace audit
