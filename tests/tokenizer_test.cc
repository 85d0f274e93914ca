// The tokenizer: words with their inner joiners, numbers, pronoun contractions, and which tokens
// stand inside a quotation.
#include "text/tokenizer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace audit {
namespace {

std::vector<std::string> Texts(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(t.In(text));
  return out;
}

TEST_CASE("Words keep inner apostrophes, hyphens and periods; numbers their separators",
          "[tokenizer]") {
  const std::string text =
      "Labour's US-led plan, by the U.S. and Smith & Co, cost 5,000 or 3.5 bn.";
  std::vector<Token> tokens;
  CHECK_FALSE(Tokenize(text, false, &tokens));
  CHECK(Texts(text, tokens) ==
        std::vector<std::string>{"Labour's", "US-led", "plan", ",", "by", "the", "U.S.", "and",
                                 "Smith", "&", "Co", ",", "cost", "5,000", "or", "3.5", "bn", "."});
  CHECK(tokens[0].kind == TokenKind::kWord);
  CHECK(tokens[0].capitalized);
  CHECK_FALSE(tokens[2].capitalized);
  CHECK(tokens[13].kind == TokenKind::kNumber);  // 5,000
  CHECK(tokens[15].kind == TokenKind::kNumber);  // 3.5
  CHECK(tokens[3].kind == TokenKind::kPunct);
  // A comma joins digits only.
  const std::string list = "Leeds,York";
  CHECK(Texts(list, (Tokenize(list, false, &tokens), tokens)) ==
        std::vector<std::string>{"Leeds", ",", "York"});
}

TEST_CASE("A pronoun and its contracted verb are two words", "[tokenizer]") {
  std::vector<Token> tokens;
  for (const std::string text : {"He's leaving", "they\xE2\x80\x99re leaving"}) {
    Tokenize(text, false, &tokens);
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].end == tokens[1].begin);
    CHECK_FALSE(tokens[1].capitalized);
    CHECK(tokens[1].In(text).size() >= 2);
  }
  // Not a pronoun: one word.
  const std::string name = "Hugh's leaving";
  Tokenize(name, false, &tokens);
  CHECK(Texts(name, tokens) == std::vector<std::string>{"Hugh's", "leaving"});
}

TEST_CASE("Quotation marks open and close, and mark the words between", "[tokenizer][quotes]") {
  std::vector<Token> tokens;
  const std::string text = "She said \"we won\" on Monday.";
  CHECK_FALSE(Tokenize(text, false, &tokens));
  REQUIRE(tokens.size() == 9);
  CHECK(tokens[2].kind == TokenKind::kOpenQuote);
  CHECK(tokens[5].kind == TokenKind::kCloseQuote);
  CHECK_FALSE(tokens[1].in_quote);  // said
  CHECK(tokens[3].in_quote);        // we
  CHECK(tokens[4].in_quote);        // won
  CHECK_FALSE(tokens[6].in_quote);  // on
  // Curly marks, and a quotation left open at the end.
  const std::string open = "\xE2\x80\x9CWe will stay, she said";
  CHECK(Tokenize(open, false, &tokens));
  CHECK(tokens[0].kind == TokenKind::kOpenQuote);
  CHECK(tokens[1].in_quote);
  // A sentence continuing a quotation starts inside it, and closes it.
  const std::string rest = "Nobody came,\" he said.";
  CHECK_FALSE(Tokenize(rest, true, &tokens));
  CHECK(tokens[0].in_quote);
  CHECK(tokens[3].kind == TokenKind::kCloseQuote);
  CHECK_FALSE(tokens[4].in_quote);
  CHECK(QuoteOpenAfter(open, false));
  CHECK_FALSE(QuoteOpenAfter(rest, true));
}

TEST_CASE("Doubled apostrophes and backticks stand for double quotation marks",
          "[tokenizer][quotes]") {
  std::vector<Token> tokens;
  const std::string text = "He said ``we won'' today.";
  CHECK_FALSE(Tokenize(text, false, &tokens));
  CHECK(Texts(text, tokens) ==
        std::vector<std::string>{"He", "said", "``", "we", "won", "''", "today", "."});
  CHECK(tokens[2].kind == TokenKind::kOpenQuote);
  CHECK(tokens[3].in_quote);
  CHECK(tokens[5].kind == TokenKind::kCloseQuote);
  CHECK_FALSE(tokens[6].in_quote);
}

}  // namespace
}  // namespace audit
