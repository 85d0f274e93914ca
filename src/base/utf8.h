// UTF-8 helpers used by every stage. Pure functions over bytes; thread-safe.
#ifndef AUDIT_BASE_UTF8_H_
#define AUDIT_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace audit {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at `pos`. Returns its length in bytes (1..4), or 0 when the bytes
// there are not valid UTF-8 (overlong forms, surrogates and truncated sequences included); `*cp` is
// then U+FFFD.
inline size_t DecodeUtf8(std::string_view s, size_t pos, char32_t* cp);

// The code point that ends just before `pos`, and its length; 0 at the start of `s`.
size_t DecodeUtf8Before(std::string_view s, size_t pos, char32_t* cp);

void AppendUtf8(char32_t cp, std::string* out);

// Counts code points, each invalid byte counting as one.
size_t CountCodePoints(std::string_view s);

// The first `limit` code points of `s` (all of it when shorter), never cutting a character in two.
std::string_view PrefixCodePoints(std::string_view s, size_t limit);

// Character classes for the segmenter and tokenizer. Letters cover Latin, Greek and Cyrillic well
// enough to tell upper from lower case; everything else outside ASCII counts as a lowercase-less
// letter.
inline bool IsUpperLetter(char32_t cp);
inline bool IsLowerLetter(char32_t cp);
inline bool IsLetter(char32_t cp);
inline bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }
inline bool IsSpace(char32_t cp);  // includes no-break space and the Unicode spaces news pages use
bool IsOpeningQuote(char32_t cp);
bool IsClosingQuote(char32_t cp);
bool IsDash(char32_t cp);  // hyphen-minus, en dash, em dash

// The tokenizer, segmenter and line cleaner call these for every character, and nearly every
// character is ASCII: the ASCII answers are inline, the rest out of line.
namespace utf8_internal {
size_t DecodeMultibyte(std::string_view s, size_t pos, char32_t* cp);
bool IsUpperLetterBeyondAscii(char32_t cp);
bool IsLowerLetterBeyondAscii(char32_t cp);
bool IsLetterBeyondAscii(char32_t cp);
bool IsSpaceBeyondAscii(char32_t cp);
}  // namespace utf8_internal

inline size_t DecodeUtf8(std::string_view s, size_t pos, char32_t* cp) {
  if (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) {
    *cp = static_cast<unsigned char>(s[pos]);
    return 1;
  }
  return utf8_internal::DecodeMultibyte(s, pos, cp);
}

inline bool IsUpperLetter(char32_t cp) {
  return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : utf8_internal::IsUpperLetterBeyondAscii(cp);
}

inline bool IsLowerLetter(char32_t cp) {
  return cp < 0x80 ? cp >= 'a' && cp <= 'z' : utf8_internal::IsLowerLetterBeyondAscii(cp);
}

inline bool IsLetter(char32_t cp) {
  return cp < 0x80 ? (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'
                   : utf8_internal::IsLetterBeyondAscii(cp);
}

inline bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');  // \t \n \v \f \r
  return utf8_internal::IsSpaceBeyondAscii(cp);
}

}  // namespace audit

#endif  // AUDIT_BASE_UTF8_H_
