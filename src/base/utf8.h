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
size_t DecodeUtf8(std::string_view s, size_t pos, char32_t* cp);

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
bool IsUpperLetter(char32_t cp);
bool IsLowerLetter(char32_t cp);
bool IsLetter(char32_t cp);
bool IsDigit(char32_t cp);
bool IsSpace(char32_t cp);  // includes no-break space and the Unicode spaces news pages use
bool IsOpeningQuote(char32_t cp);
bool IsClosingQuote(char32_t cp);
bool IsDash(char32_t cp);  // hyphen-minus, en dash, em dash

}  // namespace audit

#endif  // AUDIT_BASE_UTF8_H_
