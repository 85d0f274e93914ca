// Sentence splitting: one table row per behaviour.
#include "text/segmenter.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace audit {
namespace {

std::vector<std::string> Split(const std::string& text) {
  Segmenter segmenter(testing::NewsRules());
  Sentences sentences;
  segmenter.Split(text, 0, &sentences);
  std::vector<std::string> out;
  for (const auto& s : sentences) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

struct SplitCase {
  const char* name;
  const char* text;
  std::vector<std::string> sentences;
};

TEST_CASE("Segmenter splits news text into sentences", "[segmenter]") {
  const std::vector<SplitCase> cases = {
      {"two plain sentences",
       "The vote passed. Critics left.",
       {"The vote passed.", "Critics left."}},
      {"title abbreviation", "Mr. Smith arrived. He spoke.", {"Mr. Smith arrived.", "He spoke."}},
      {"military title",
       "Gen. Lee Park said so. Nobody objected.",
       {"Gen. Lee Park said so.", "Nobody objected."}},
      {"state abbreviation mid-sentence",
       "He lives in Fresno, Calif. near the coast.",
       {"He lives in Fresno, Calif. near the coast."}},
      {"U.S. mid-sentence",
       "The U.S. Army said it would help.",
       {"The U.S. Army said it would help."}},
      {"U.S. ending a sentence",
       "He moved to the U.S. The move was quick.",
       {"He moved to the U.S.", "The move was quick."}},
      {"month abbreviation",
       "On Jan. 5 the court met. It ruled.",
       {"On Jan. 5 the court met.", "It ruled."}},
      {"time of day",
       "It began at 4:50 p.m. Thursday in the city.",
       {"It began at 4:50 p.m. Thursday in the city."}},
      {"initials",
       "J. K. Rowling wrote it. Fans cheered.",
       {"J. K. Rowling wrote it.", "Fans cheered."}},
      {"decimal and thousands",
       "Sales rose 3.5 percent to 5,000 units. Profit fell.",
       {"Sales rose 3.5 percent to 5,000 units.", "Profit fell."}},
      {"ellipsis before lowercase",
       "He paused... and went on. Then he left.",
       {"He paused... and went on.", "Then he left."}},
      {"ellipsis before capital", "He paused... Then he left.", {"He paused...", "Then he left."}},
      {"question inside quotation",
       "\"Why now?\" she asked. Nobody knew.",
       {"\"Why now?\" she asked.", "Nobody knew."}},
      {"exclamation inside quotation",
       "\u201cStop!\u201d he shouted at them. They stopped.",
       {"\u201cStop!\u201d he shouted at them.", "They stopped."}},
      {"closing quote after period",
       "\"We will win.\" The crowd cheered.",
       {"\"We will win.\"", "The crowd cheered."}},
      {"curly closing quote after period",
       "\u201cWe will win.\u201d The crowd cheered.",
       {"\u201cWe will win.\u201d", "The crowd cheered."}},
      {"list enumerator", "1. Leeds", {"1. Leeds"}},
      {"paragraph end without punctuation",
       "A headline without a period",
       {"A headline without a period"}},
      {"title with question mark inside quotes",
       "The study \"Who Decides?\" was published in May.",
       {"The study \"Who Decides?\" was published in May."}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(Split(c.text) == c.sentences);
  }
}

TEST_CASE("Segmenter keeps byte offsets into the block text", "[segmenter]") {
  Segmenter segmenter(testing::NewsRules());
  Sentences sentences;
  const std::string text = "First one.  Second one.";
  segmenter.Split(text, 3, &sentences);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].block == 3);
  CHECK(sentences[1].begin == 12);
  CHECK(sentences[1].end == text.size());
}

}  // namespace
}  // namespace audit
