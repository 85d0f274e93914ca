#include "text/segmenter.h"

#include <string>

#include "base/ascii.h"
#include "base/utf8.h"

namespace audit {

namespace {

bool IsTerminal(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

bool IsCloser(char32_t cp) {
  return IsClosingQuote(cp) || cp == '"' || cp == '\'' || cp == ')' || cp == ']';
}

// The word just before position `end` (letters, digits, periods, apostrophes), without a final
// period.
std::string_view WordBefore(std::string_view text, size_t end) {
  size_t begin = end;
  while (begin > 0) {
    char32_t cp;
    size_t len = DecodeUtf8Before(text, begin, &cp);
    if (!(IsLetter(cp) || IsDigit(cp) || cp == '.' || cp == '\'' || cp == 0x2019 || cp == '-'))
      break;
    begin -= len;
  }
  return text.substr(begin, end - begin);
}

std::string_view WordAt(std::string_view text, size_t begin) {
  size_t end = begin;
  while (end < text.size()) {
    char32_t cp;
    size_t len = DecodeUtf8(text, end, &cp);
    if (len == 0 || !(IsLetter(cp) || IsDigit(cp) || cp == '\'' || cp == 0x2019)) break;
    end += len;
  }
  return text.substr(begin, end - begin);
}

}  // namespace

bool Segmenter::PeriodEndsSentence(std::string_view text, size_t period, size_t next_word) const {
  std::string_view word = WordBefore(text, period);
  if (word.empty()) return true;
  // An enumerator opening a list item: "1. Leeds".
  if (word.find_first_not_of("0123456789") == std::string_view::npos &&
      text.find_first_not_of(' ', 0) == period - word.size()) {
    return false;
  }
  char32_t first;
  DecodeUtf8(word, 0, &first);
  // A single capital letter is an initial ("J. K. Rowling").
  if (word.size() == 1 && IsUpperLetter(first)) return false;
  if (period >= 2 && text.substr(period - 2, 2) == "..")
    return true;  // an ellipsis written as periods
  const std::string lower = AsciiLower(word);
  if (rules_.title_abbreviations().count(lower)) return false;
  const bool abbreviation =
      rules_.abbreviations().count(lower) > 0 || word.find('.') != std::string_view::npos;
  if (!abbreviation) return true;
  return rules_.Words("sentence_starters").Contains(WordAt(text, next_word));
}

void Segmenter::PushBounded(std::string_view text, size_t block_index, size_t begin, size_t end,
                            Sentences* out) {
  while (end - begin > kMaxSentenceBytes) {
    // Cut at the last space before the bound, else at the last character boundary before it.
    size_t cut = text.rfind(' ', begin + kMaxSentenceBytes);
    if (cut == std::string_view::npos || cut <= begin) {
      cut = begin + kMaxSentenceBytes;
      while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    out->push_back({static_cast<uint32_t>(block_index), static_cast<uint32_t>(begin),
                    static_cast<uint32_t>(cut)});
    begin = cut;
    while (begin < end && text[begin] == ' ') ++begin;
  }
  if (end > begin) {
    out->push_back({static_cast<uint32_t>(block_index), static_cast<uint32_t>(begin),
                    static_cast<uint32_t>(end)});
  }
}

void Segmenter::Split(std::string_view text, size_t block_index, Sentences* out) const {
  size_t start = 0;
  while (start < text.size() && text[start] == ' ') ++start;
  for (size_t i = start; i < text.size();) {
    char32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) len = 1;
    if (!IsTerminal(cp)) {
      i += len;
      continue;
    }
    const size_t terminal = i;
    size_t j = i + len;
    // Runs of terminal punctuation ("?!", "...") and then closing quotes and brackets belong to the
    // sentence.
    for (char32_t c; j < text.size() && DecodeUtf8(text, j, &c) && IsTerminal(c);)
      j += DecodeUtf8(text, j, &c);
    for (char32_t c; j < text.size() && DecodeUtf8(text, j, &c) && IsCloser(c);)
      j += DecodeUtf8(text, j, &c);
    i = j;
    if (j >= text.size() || text[j] != ' ') continue;
    size_t k = j + 1;
    while (k < text.size() && text[k] == ' ') ++k;
    char32_t next;
    if (DecodeUtf8(text, k, &next) == 0) continue;
    if (IsLowerLetter(next)) continue;
    const bool plausible_start = IsUpperLetter(next) || IsDigit(next) || IsOpeningQuote(next) ||
                                 next == '"' || next == '\'' || next == '(' || next == '[' ||
                                 IsLetter(next);
    if (!plausible_start) continue;
    if (cp == '.' && !PeriodEndsSentence(text, terminal, k)) continue;
    PushBounded(text, block_index, start, j, out);
    start = k;
  }
  size_t end = text.size();
  while (end > start && text[end - 1] == ' ') --end;
  if (end > start) PushBounded(text, block_index, start, end, out);
}

Sentences Segmenter::SplitDocument(const Document& doc) const {
  Sentences sentences;
  for (size_t b = 0; b < doc.blocks.size(); ++b) Split(doc.blocks[b].text, b, &sentences);
  return sentences;
}

}  // namespace audit
