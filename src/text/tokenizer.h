// Tokenizer: words and punctuation of one sentence, each marked inside or outside quotation marks.
// Words keep inner apostrophes, hyphens and periods ("Labour's", "US-led", "U.S."). Double
// quotation marks (straight or curly) delimit quotations; a straight quote opens after white space
// or an opening bracket and closes otherwise. Stateless; thread-safe. The caller owns the output
// vector and can reuse it across sentences, so the hot path does not allocate once it has grown.
#ifndef AUDIT_TEXT_TOKENIZER_H_
#define AUDIT_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace audit {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kOpenQuote, kCloseQuote };

struct Token {
  uint32_t begin = 0;  // byte span in the tokenized text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool in_quote = false;     // inside a quotation (quote marks themselves are not)
  bool capitalized = false;  // a word whose first letter is uppercase

  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }
};

// Tokenizes `text`; `starts_in_quote` says a quotation opened earlier is still open. Returns
// whether a quotation is still open at the end.
bool Tokenize(std::string_view text, bool starts_in_quote, std::vector<Token>* out);

// Whether a quotation is open at the end of `text`, given whether one was open at its start.
bool QuoteOpenAfter(std::string_view text, bool starts_in_quote);

}  // namespace audit

#endif  // AUDIT_TEXT_TOKENIZER_H_
