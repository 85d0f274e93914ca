// PhraseMatcher: a lexicon's entries on word boundaries, case-insensitively, with the answers of
// the regexes lexicons were matched with before (an alternation of the quoted entries between
// `(?:^|[^\pL\pN])` and `(?:$|[^\pL\pN])`, case-insensitive, UTF-8).
#include "rules/phrase_matcher.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "rules/pattern_compiler.h"

namespace audit {
namespace {

struct RegexPair {
  explicit RegexPair(const std::vector<std::string>& entries)
      : search(fmt::format("(?:^|[^\\pL\\pN]){}(?:$|[^\\pL\\pN])", AlternationFor(entries)),
               Options()),
        prefix(fmt::format("^{}(?:$|[^\\pL\\pN])", AlternationFor(entries)), Options()) {}
  static RE2::Options Options() {
    RE2::Options options = RuleRe2Options();
    options.set_case_sensitive(false);
    return options;
  }
  bool Search(std::string_view text) const {
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), search);
  }
  bool Prefix(std::string_view text) const {
    return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), prefix);
  }
  RE2 search;
  RE2 prefix;
};

TEST_CASE("PhraseMatcher finds whole words and phrases, in any case", "[rules]") {
  const PhraseMatcher m({"official", "White House", "people familiar with", "o'brien"});
  CHECK(m.Search("a senior official said"));
  CHECK(m.Search("OFFICIAL"));
  CHECK(m.Search("the white  house\tsaid"));
  CHECK(m.Search("(People familiar with)"));
  CHECK(m.Search("O’Brien said"));
  CHECK(m.Search("O'BRIEN"));
  CHECK_FALSE(m.Search("officials said"));  // a letter after it
  CHECK_FALSE(m.Search("unofficial"));      // a letter before it
  CHECK_FALSE(m.Search("official2"));       // a number after it
  CHECK_FALSE(m.Search("whitehouse"));      // the space is needed
  CHECK_FALSE(m.Search("white\vhouse"));    // a vertical tab is no regex space
  CHECK_FALSE(m.Search("officialé"));       // a letter beyond ASCII after it
  CHECK(m.Search("«official»"));            // punctuation beyond ASCII is a boundary
  CHECK_FALSE(m.Search("official\xff"));    // an invalid byte is no boundary
  CHECK_FALSE(
      m.Search("\xff"
               "official"));
  CHECK(m.Prefix("Official figures"));
  CHECK_FALSE(m.Prefix("the official"));
  CHECK_FALSE(m.Prefix("officials"));
  CHECK_FALSE(PhraseMatcher().Search("official"));
  CHECK_FALSE(PhraseMatcher().Prefix(""));
}

TEST_CASE("PhraseMatcher folds case beyond ASCII", "[rules]") {
  const PhraseMatcher m({"ministère", "ΣΟΦΟΣ"});
  CHECK(m.Search("le MINISTÈRE a dit"));
  CHECK(m.Search("ο σοφος είπε"));
  CHECK(m.Search("ο σοφοσ"));  // final and medial sigma fold alike
  CHECK_FALSE(m.Search("σοφοςα"));
}

// Random texts and lexicons over an alphabet chosen for the edges: cases, letters and numbers
// beyond ASCII, every kind of space, both apostrophes, punctuation, invalid bytes.
TEST_CASE("PhraseMatcher answers as the lexicon regexes did", "[rules]") {
  const std::vector<std::string> alphabet = {
      "a",  "b",  "o",  "A", "B", "O",    "1",    " ", "  ", "\t",
      "\n", "\v", "\r", "'", "’", ".",    "-",    ",", "é",  "É",
      "ς",  "Σ",  "σ",  "٣", "—", "\xff", "\xc3", "K", "k",  "\xe2\x84\xaa" /* Kelvin */,
      "ſ",  "s",  "S"};
  std::mt19937 rng(20261128);
  auto word = [&](size_t max) {
    std::string out;
    const size_t n = 1 + rng() % max;
    for (size_t i = 0; i < n; ++i) out += alphabet[rng() % alphabet.size()];
    return out;
  };
  size_t searched = 0, found = 0, prefixed = 0;
  for (int lexicon = 0; lexicon < 200; ++lexicon) {
    std::vector<std::string> entries;
    const size_t count = 1 + rng() % 6;
    for (size_t i = 0; i < count; ++i) {
      std::string entry = word(4);
      if (entry.find('\xff') != std::string::npos || entry.find('\xc3') != std::string::npos)
        continue;  // a lexicon is valid UTF-8 (the regex would not compile)
      entries.push_back(entry);
    }
    if (entries.empty()) continue;
    const RegexPair regex(entries);
    REQUIRE(regex.search.ok());
    const PhraseMatcher matcher(entries);
    for (int t = 0; t < 200; ++t) {
      std::string text = word(12);
      // Most random texts hold no entry: plant one in half of them.
      if (rng() % 2) text.insert(rng() % (text.size() + 1), entries[rng() % entries.size()]);
      std::string all;
      for (const std::string& e : entries) all += "[" + e + "]";
      INFO("entries: " << all << " text: " << text);
      const bool expected = regex.Search(text);
      CHECK(matcher.Search(text) == expected);
      CHECK(matcher.Prefix(text) == regex.Prefix(text));
      ++searched;
      found += expected;
      prefixed += regex.Prefix(text);
    }
  }
  // The generator must exercise both answers, or the comparison proves little.
  CHECK(searched > 20000);
  CHECK(found > searched / 5);
  CHECK(prefixed > searched / 50);
}

}  // namespace
}  // namespace audit
