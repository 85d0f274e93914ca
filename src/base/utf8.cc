#include "base/utf8.h"

#include <cstdint>
#include <cstring>

namespace audit {

namespace utf8_internal {

size_t DecodeMultibyte(std::string_view s, size_t pos, char32_t* cp) {
  *cp = kReplacementChar;
  if (pos >= s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  char32_t value;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, value = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, value = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, value = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (pos + len > s.size()) return 0;
  for (size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return 0;
    value = (value << 6) | (b & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *cp = value;
  return len;
}

bool IsUpperLetterBeyondAscii(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;  // Latin Extended-A alternates upper, lower
  if (cp >= 0x391 && cp <= 0x3AB) return true;         // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;         // Cyrillic
  return false;
}

bool IsLowerLetterBeyondAscii(char32_t cp) {
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 1;
  if (cp >= 0x3AC && cp <= 0x3CE) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  return false;
}

bool IsLetterBeyondAscii(char32_t cp) {
  if (IsUpperLetterBeyondAscii(cp) || IsLowerLetterBeyondAscii(cp)) return true;
  // Other scripts: treat alphabetic-looking ranges as letters, punctuation blocks as not.
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return cp >= 0x180 && cp != kReplacementChar;
}

bool IsSpaceBeyondAscii(char32_t cp) {
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

}  // namespace utf8_internal

size_t DecodeUtf8Before(std::string_view s, size_t pos, char32_t* cp) {
  *cp = 0;
  if (pos == 0) return 0;
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
    --start;
  size_t len = DecodeUtf8(s, start, cp);
  if (len == 0 || start + len != pos) {
    *cp = static_cast<unsigned char>(s[pos - 1]);
    return 1;
  }
  return len;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    // Eight ASCII bytes are eight code points: news text is mostly ASCII, and positions for a
    // report count through all of it.
    uint64_t word;
    if (i + sizeof word <= s.size()) {
      std::memcpy(&word, s.data() + i, sizeof word);
      if ((word & 0x8080808080808080) == 0) {
        i += sizeof word;
        count += sizeof word;
        continue;
      }
    }
    char32_t cp;
    size_t len = DecodeUtf8(s, i, &cp);
    i += len ? len : 1;
    ++count;
  }
  return count;
}

std::string_view PrefixCodePoints(std::string_view s, size_t limit) {
  size_t i = 0;
  for (size_t count = 0; i < s.size() && count < limit; ++count) {
    char32_t cp;
    const size_t len = DecodeUtf8(s, i, &cp);
    i += len ? len : 1;
  }
  return s.substr(0, i);
}

bool IsOpeningQuote(char32_t cp) {
  return cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x201E;
}
bool IsClosingQuote(char32_t cp) { return cp == 0x201D || cp == 0x2019 || cp == 0xBB; }
bool IsDash(char32_t cp) {
  return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2012 || cp == 0x2015;
}

}  // namespace audit
