#include "eval/text_compare.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <utility>

namespace audit {

namespace {

// Python's str.isspace(), which `\s`, strip() and split() use: ICU's White_Space property plus the
// four ASCII information separators Python also counts.
bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c) || (c >= 0x1C && c <= 0x1F); }

// Python's `\w` on str: alphanumeric (a letter, or any character with a numeric type) or '_'.
bool IsWordChar(UChar32 c) {
  return c == '_' || u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

UChar32 Translate(UChar32 c) {
  switch (c) {
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
      return '"';
    case 0x2018:  // ‘
    case 0x2019:  // ’
      return '\'';
    case 0x2013:  // –
    case 0x2014:  // —
      return '-';
    case 0x00A0:
      return ' ';
    default:
      return c;
  }
}

std::u32string ToCodePoints(const icu::UnicodeString& text) {
  std::u32string out;
  out.reserve(text.length());
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1))
    out.push_back(text.char32At(i));
  return out;
}

std::string ToUtf8(const std::u32string& code_points) {
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(code_points.data()),
                                    static_cast<int32_t>(code_points.size()));
  std::string out;
  text.toUTF8String(out);
  return out;
}

// Trims Python white space from both ends.
std::u32string Strip(std::u32string s) {
  size_t begin = 0;
  while (begin < s.size() && IsSpace(s[begin])) ++begin;
  size_t end = s.size();
  while (end > begin && IsSpace(s[end - 1])) --end;
  return s.substr(begin, end - begin);
}

std::u32string NormalizedCodePoints(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_SUCCESS(status)) text = nfkc->normalize(text, status);
  std::u32string collapsed;
  bool in_space = false;
  for (UChar32 c : ToCodePoints(text)) {
    c = Translate(c);
    if (IsSpace(c)) {
      if (!in_space) collapsed.push_back(' ');
      in_space = true;
    } else {
      collapsed.push_back(c);
      in_space = false;
    }
  }
  collapsed = Strip(std::move(collapsed));
  // Full case mapping in the root locale, as Python's str.lower() (final sigma included).
  icu::UnicodeString lower = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(collapsed.data()), static_cast<int32_t>(collapsed.size()));
  lower.toLower(icu::Locale::getRoot());
  return ToCodePoints(lower);
}

bool StartsWith(const std::u32string& s, const std::u32string& prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// The aliases ../shared/eval/score.py applies, so the two agree on which names are one outlet.
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kAliases = {{
    {"associated press", "ap"},
    {"the associated press", "ap"},
    {"ap", "ap"},
    {"agence france-presse", "afp"},
    {"agence france presse", "afp"},
    {"afp", "afp"},
    {"reuters", "reuters"},
    {"thomson reuters", "reuters"},
    {"bbc", "bbc"},
    {"bbc news", "bbc"},
    {"the bbc", "bbc"},
    {"wall street journal", "wsj"},
    {"the wall street journal", "wsj"},
    {"wsj", "wsj"},
    {"new york times", "nyt"},
    {"the new york times", "nyt"},
    {"nyt", "nyt"},
}};

std::string_view LastWord(std::string_view s) {
  // NormalizeName leaves single ASCII spaces between words.
  const size_t space = s.rfind(' ');
  return space == std::string_view::npos ? s : s.substr(space + 1);
}

}  // namespace

std::string NormalizeText(std::string_view utf8) { return ToUtf8(NormalizedCodePoints(utf8)); }

std::vector<std::string> TextWords(std::string_view utf8) {
  std::vector<std::string> words;
  std::u32string word;
  for (UChar32 c : NormalizedCodePoints(utf8)) {
    if (IsWordChar(c)) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(ToUtf8(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(ToUtf8(word));
  return words;
}

std::string NormalizeName(std::string_view name) {
  std::u32string s = NormalizedCodePoints(name);
  // A leading article and the white space after it (the text has single spaces by now).
  for (const std::u32string& article :
       {std::u32string(U"the "), std::u32string(U"a "), std::u32string(U"an ")}) {
    if (StartsWith(s, article)) {
      s.erase(0, article.size());
      break;
    }
  }
  std::u32string kept;
  for (UChar32 c : s) {
    if (IsWordChar(c) || IsSpace(c) || c == '-') kept.push_back(c);
  }
  std::string out = ToUtf8(Strip(std::move(kept)));
  for (const auto& [alias, canonical] : kAliases) {
    if (out == alias) return std::string(canonical);
  }
  return out;
}

bool SameSource(std::string_view gold, std::string_view got) {
  const std::string g = NormalizeName(gold);
  const std::string t = NormalizeName(got);
  if (g.empty() || t.empty()) return false;
  if (g == t || t.find(g) != std::string::npos || g.find(t) != std::string::npos) return true;
  return LastWord(g) == LastWord(t);
}

}  // namespace audit
