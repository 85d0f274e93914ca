#include "text/tokenizer.h"

#include "base/utf8.h"

namespace audit {

namespace {

bool IsWordChar(char32_t cp) { return IsLetter(cp) || IsDigit(cp); }

// Characters that join word parts when a word character follows them: Labour's, US-led, U.S.,
// 5,000, 3.5.
bool IsJoiner(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' || cp == ',' || cp == '&' ||
         cp == '/' || cp == 0x2010 || cp == 0x2011;
}

// Where the contracted verb starts in a pronoun contraction ("He’s" -> 2), or 0.
size_t ContractionStart(std::string_view word) {
  // The apostrophe follows a pronoun of at most four letters; most words have none there. (A loop,
  // not two finds: a library call per word costs more than looking at four bytes.)
  bool apostrophe = false;
  for (const char c : word.substr(1, 4)) apostrophe = apostrophe || c == '\'' || c == '\xE2';
  if (!apostrophe) return 0;
  static constexpr std::string_view kPronouns[] = {"I",   "you",  "You",  "he",  "He",
                                                   "she", "She",  "it",   "It",  "we",
                                                   "We",  "they", "They", "who", "Who"};
  for (std::string_view p : kPronouns) {
    if (word.size() <= p.size() || word.substr(0, p.size()) != p) continue;
    std::string_view rest = word.substr(p.size());
    if (rest[0] == '\'' || rest.substr(0, 3) == "\xE2\x80\x99") return p.size();
  }
  return 0;
}

bool IsDoubleQuote(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB;
}

}  // namespace

bool Tokenize(std::string_view text, bool starts_in_quote, std::vector<Token>* out) {
  out->clear();
  bool in_quote = starts_in_quote;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) len = 1;
    if (IsSpace(cp)) {
      i += len;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    if (IsWordChar(cp)) {
      bool digits_only = IsDigit(cp);
      t.capitalized = IsUpperLetter(cp);
      size_t j = i + len;
      while (j < text.size()) {
        char32_t c;
        size_t l = DecodeUtf8(text, j, &c);
        if (l == 0) break;
        if (IsWordChar(c)) {
          digits_only = digits_only && (IsDigit(c));
          j += l;
          continue;
        }
        // A joiner stays inside the word only when a word character follows it; a comma only
        // between digits.
        char32_t after;
        size_t al = DecodeUtf8(text, j + l, &after);
        if (IsJoiner(c) && al && IsWordChar(after) &&
            (c != ',' || (digits_only && IsDigit(after)))) {
          j += l;
          continue;
        }
        // A period after a single letter or inside an abbreviation ("U.S.") belongs to the word.
        if (c == '.' && j + l <= text.size() && j > i &&
            text.substr(i, j - i).find('.') != std::string_view::npos) {
          j += l;
        }
        break;
      }
      t.end = static_cast<uint32_t>(j);
      t.kind = digits_only ? TokenKind::kNumber : TokenKind::kWord;
      t.in_quote = in_quote;
      // "He’s saying", "they’re": a pronoun and its contracted verb are two words.
      const size_t split = ContractionStart(text.substr(t.begin, t.end - t.begin));
      if (split != 0) {
        Token verb = t;
        t.end = static_cast<uint32_t>(t.begin + split);
        verb.begin = t.end;
        verb.capitalized = false;
        out->push_back(t);
        out->push_back(verb);
      } else {
        out->push_back(t);
      }
      i = j;
      continue;
    }
    t.end = static_cast<uint32_t>(i + len);
    // Two apostrophes or two backticks stand for a double quotation mark in some wire and archive
    // copy.
    // "'''" closes a single quotation and a double one together: the first mark is the single one.
    if (cp == '\'' && in_quote && text.compare(i, 3, "'''") == 0) {
      t.kind = TokenKind::kPunct;
      t.in_quote = true;
      out->push_back(t);
      i += 1;
      continue;
    }
    if ((cp == '\'' || cp == '`') && i + 1 < text.size() && text[i + 1] == static_cast<char>(cp)) {
      const bool opening = cp == '`' || i == 0 ||
                           IsSpace(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '(' ||
                           (!in_quote && !IsWordChar(static_cast<unsigned char>(text[i - 1])));
      t.end = static_cast<uint32_t>(i + 2);
      t.kind =
          opening && !(in_quote && cp == '\'') ? TokenKind::kOpenQuote : TokenKind::kCloseQuote;
      if (cp == '\'' && !in_quote) t.kind = TokenKind::kOpenQuote;
      in_quote = t.kind == TokenKind::kOpenQuote;
      out->push_back(t);
      i += 2;
      continue;
    }
    if (IsDoubleQuote(cp)) {
      bool opening;
      char32_t before = ' ';
      if (i > 0) DecodeUtf8Before(text, i, &before);
      if (cp == 0x201C && in_quote && !IsSpace(before) && before != '(' && !IsDash(before)) {
        opening =
            false;  // "It's unusual,“ said ...": an opening mark typed where a closing one belongs
      } else if (cp == 0x201C || cp == 0x201E || cp == 0xAB) {
        opening = true;
      } else if (cp == 0x201D || cp == 0xBB) {
        opening = false;
      } else {
        char32_t prev = ' ';
        if (i > 0) DecodeUtf8Before(text, i, &prev);
        char32_t next = ' ';
        DecodeUtf8(text, i + len, &next);
        if (IsSpace(prev) || prev == '(' || prev == '[' || IsDash(prev) || i == 0) {
          opening = !(in_quote && (IsSpace(next) || next == 0));
        } else {
          opening = false;
        }
        if (i == 0)
          opening = true;  // a sentence that starts with a quote mark opens (or reopens) one
      }
      t.kind = opening ? TokenKind::kOpenQuote : TokenKind::kCloseQuote;
      in_quote = opening;
      t.in_quote = false;
    } else {
      t.kind = TokenKind::kPunct;
      t.in_quote = in_quote;
    }
    out->push_back(t);
    i += len;
  }
  return in_quote;
}

bool QuoteOpenAfter(std::string_view text, bool starts_in_quote) {
  std::vector<Token> tokens;
  return Tokenize(text, starts_in_quote, &tokens);
}

}  // namespace audit
