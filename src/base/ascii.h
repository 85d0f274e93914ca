// Small string helpers shared by every stage. Pure functions; thread-safe.
#ifndef AUDIT_BASE_ASCII_H_
#define AUDIT_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace audit {

// An ASCII letter lowered; every other byte (UTF-8 included) kept as it is.
inline char AsciiToLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// ASCII letters lowered; every other byte (UTF-8 included) kept as it is.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiToLower(c);
  return out;
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "Labour's" -> "Labour", "Trump’s" -> "Trump"; other words unchanged.
inline std::string_view StripPossessive(std::string_view w) {
  if (w.size() > 2 && EndsWith(w, "'s")) return w.substr(0, w.size() - 2);
  if (w.size() > 4 && EndsWith(w, "’s")) return w.substr(0, w.size() - 4);
  return w;
}

}  // namespace audit

#endif  // AUDIT_BASE_ASCII_H_
