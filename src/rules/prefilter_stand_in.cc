#include "rules/prefilter_stand_in.h"

namespace audit {
namespace {

// Stand-ins for a property class and for its negation, as bracket contents. Each, and each one's
// complement, holds far more than four characters, also beside the ASCII ranges a bracket may add:
// Latin-1's upper half is in neither.
constexpr std::string_view kClass = "\\x{100}-\\x{10ffff}";
constexpr std::string_view kNegatedClass = "\\x00-\\x7f\\x{e000}-\\x{10ffff}";

}  // namespace

std::string PrefilterStandIn(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  bool in_bracket = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char kind = pattern[i + 1];
      if (kind != 'p' && kind != 'P') {
        out.append(pattern.substr(i, 2));
        ++i;
        continue;
      }
      // \pL or \p{Name} (\p{^Name} negates).
      size_t end = i + 3;
      bool negated = kind == 'P';
      if (i + 2 < pattern.size() && pattern[i + 2] == '{') {
        const size_t close = pattern.find('}', i + 3);
        if (close == std::string_view::npos) {  // not a class: RE2 will say so
          out.append(pattern.substr(i));
          break;
        }
        if (i + 3 < pattern.size() && pattern[i + 3] == '^') negated = !negated;
        end = close + 1;
      }
      const std::string_view stand_in = negated ? kNegatedClass : kClass;
      if (in_bracket) {
        out.append(stand_in);
      } else {
        out.push_back('[');
        out.append(stand_in);
        out.push_back(']');
      }
      i = end - 1;
      continue;
    }
    if (!in_bracket && c == '[') {
      in_bracket = true;
      out.push_back(c);
      // A leading ^ negates; a ] right after the opening (or the ^) is a literal.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out.push_back(pattern[++i]);
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out.push_back(pattern[++i]);
      continue;
    }
    if (in_bracket && pattern.compare(i, 2, "[:") == 0) {  // [:alpha:] names no property
      const size_t close = pattern.find(":]", i + 2);
      if (close != std::string_view::npos) {
        out.append(pattern.substr(i, close + 2 - i));
        i = close + 1;
        continue;
      }
    }
    if (in_bracket && c == ']') in_bracket = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace audit
