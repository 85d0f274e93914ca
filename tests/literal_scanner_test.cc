// LiteralScanner: the literals that occur in a text, ignoring ASCII case, as a case-insensitive
// RE2::Set of the same strings finds them (the cue prefilter relied on such a set before).
#include "rules/literal_scanner.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace audit {
namespace {

std::vector<int> Found(const LiteralScanner& scanner, std::string_view text) {
  std::vector<int> found;
  std::vector<uint8_t> seen;
  scanner.FindAll(text, &found, &seen);
  return found;
}

// What RE2::Set finds with each literal quoted and matched case-insensitively.
std::vector<int> SetFinds(const std::vector<std::string>& literals, std::string_view text) {
  RE2::Options options;
  options.set_case_sensitive(false);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const std::string& literal : literals)
    REQUIRE(set.Add(RE2::QuoteMeta(literal), nullptr) >= 0);
  REQUIRE(set.Compile());
  std::vector<int> found;
  set.Match(re2::StringPiece(text.data(), text.size()), &found);
  std::sort(found.begin(), found.end());
  return found;
}

TEST_CASE("LiteralScanner finds the literals a text holds, ignoring ASCII case", "[rules]") {
  const LiteralScanner scanner({"said", "according", "laim", "citing ", "redly", "rumo"});
  CHECK(Found(scanner, "The minister said so.") == std::vector<int>{0});
  CHECK(Found(scanner, "ACCORDING TO the claims") == std::vector<int>{1, 2});
  CHECK(Found(scanner, "citing sources") == std::vector<int>{3});
  CHECK(Found(scanner, "citing") == std::vector<int>{});  // the space is part of the literal
  CHECK(Found(scanner, "Rumoredly, Reportedly") == std::vector<int>{4, 5});
  CHECK(Found(scanner, "sai") == std::vector<int>{});  // a literal cut off by the text's end
  CHECK(Found(scanner, "") == std::vector<int>{});
  CHECK(Found(scanner, "Nothing to see here.") == std::vector<int>{});
}

TEST_CASE("LiteralScanner reports what it cannot look for bytewise for every text", "[rules]") {
  // Too short to index, and non-ASCII (its other case is other bytes).
  const LiteralScanner scanner({"to", "élysée", "said"});
  CHECK(Found(scanner, "Nothing here.") == std::vector<int>{0, 1});
  CHECK(Found(scanner, "She said.") == std::vector<int>{0, 1, 2});
  // The Kelvin sign and the long s fold onto "k" and "s" under Unicode case folding, as RE2
  // matches them: every literal may then occur.
  CHECK(Found(scanner,
              "\xC5\xBF"
              "aid") == std::vector<int>{0, 1, 2});
  CHECK(SetFinds({"said"},
                 "\xC5\xBF"
                 "aid") == std::vector<int>{0});
  CHECK(Found(scanner, "5 \xE2\x84\xAA") == std::vector<int>{0, 1, 2});
  // Other non-ASCII text is read as bytes.
  CHECK(Found(scanner, "“Said”, ’tis") == std::vector<int>{0, 1, 2});
  CHECK(Found(LiteralScanner({"said"}), "“Sa’id”") == std::vector<int>{});
}

TEST_CASE("LiteralScanner agrees with a case-insensitive RE2::Set", "[rules]") {
  const std::vector<std::string> literals = {
      "said",  "says",   "according", "reported",  "quoted", "laim", "omment", "that",
      "about", "red",    "rumo",      "redly",     "states", "went", "told",   "citing ",
      "aid",   "saying", "ing",       "statement", "the",    "tha",  "thank",  "rep"};
  const LiteralScanner scanner(literals);
  const std::vector<std::string> texts = {
      "The ministry said in a statement that it would not comment.",
      "ACCORDING TO REPORTS, the claims were quoted by officials.",
      "Rumoured, rumoredly: he thanked them, saying \"That is all\".",
      "States went told citing citing  sources",
      "saidsaysaid",
      "thathathat",
      "x",
      "",
      "Repeated reps report reporting reported.",
      "Ünïcödé tëxt wïth “quotes” and said’s end said",
  };
  for (const std::string& text : texts) {
    INFO(text);
    CHECK(Found(scanner, text) == SetFinds(literals, text));
  }
  // One scratch for every call, as the cue prefilter keeps it: each answer as from a fresh one,
  // after a text with the Kelvin sign (every literal reported) too.
  std::vector<int> found;
  std::vector<uint8_t> seen;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : texts) {
      for (const std::string& t : {text, text + " \xE2\x84\xAA"}) {
        INFO(t);
        scanner.FindAll(t, &found, &seen);
        CHECK(found == Found(scanner, t));
        CHECK(std::count(seen.begin(), seen.end(), 0) == static_cast<long>(seen.size()));
      }
    }
  }
  // Every cut of one text, so literals meet its start and end at every offset.
  const std::string text = "Officials said the report, according to Reuters, was quoted.";
  for (size_t begin = 0; begin < text.size(); ++begin) {
    for (size_t end = begin; end <= text.size(); end += 3) {
      const std::string_view cut = std::string_view(text).substr(begin, end - begin);
      INFO(cut);
      CHECK(Found(scanner, cut) == SetFinds(literals, cut));
    }
  }
}

TEST_CASE("LiteralScanner agrees with RE2::Set on hundreds of literals sharing their starts",
          "[rules]") {
  // Many literals per first three bytes, and more first-three-byte groups than its table has
  // room for without probing.
  std::vector<std::string> literals;
  for (const char* stem : {"sai", "say", "tel", "rep", "sta", "ann", "con", "wri", "not", "add"}) {
    for (const char* end : {"", "d", "s", "ing", "ed", "er", "ment", "ly"}) {
      literals.push_back(std::string(stem) + end);
    }
  }
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'z'; b += 5) literals.push_back(std::string{'q', a, b, 'x'});
  }
  const LiteralScanner scanner(literals);
  for (const std::string& text :
       {std::string("He said, saying it was stated and announced: not added."),
        std::string("QAAX qbfx qzzx tell tells TELLER rep repment wrily"),
        std::string("sa sai say te"), std::string("")}) {
    INFO(text);
    CHECK(Found(scanner, text) == SetFinds(literals, text));
  }
}

TEST_CASE("LiteralScanner ignores the case of ASCII letters only", "[rules]") {
  // The bytes around 'A' and 'Z' ('@', '[', '`', '{') and the same bytes with the high bit set
  // (0xC0, 0xC1, 0xDA, 0xDB) are not letters; literals longer and shorter than eight bytes, ending
  // at every offset of the text.
  const std::vector<std::string> literals = {"ab@[`{yz", "abcdefghijk", "az@a", "zzz`", "@@@"};
  const LiteralScanner scanner(literals);
  for (const std::string& text :
       {std::string("AB@[`{YZ and ABCDEFGHIJK and AZ@A"), std::string("ab`{@[yz abcdefghij"),
        std::string("\xC1\xC2\xDA\xDB \xC0"
                    "B@[`{YZ"),
        std::string("ZZZ` zzz{ ZZZ@ @@@ ```"), std::string("Xab@[`{yZ"),
        std::string("AbCdEfGhIjKaBcDeFgHiJk")}) {
    for (size_t begin = 0; begin < text.size(); ++begin) {
      const std::string_view cut = std::string_view(text).substr(begin);
      INFO(cut);
      CHECK(Found(scanner, cut) == SetFinds(literals, cut));
    }
  }
}

}  // namespace
}  // namespace audit
