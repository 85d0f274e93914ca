// PunctuationFilter: a pattern with no word to look for is skipped for texts lacking the
// punctuation it needs, and never for a text it matches.
#include "rules/punctuation_filter.h"

#include <re2/filtered_re2.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rules/prefilter_stand_in.h"

namespace audit {
namespace {

TEST_CASE("ByteSet holds the bytes of a text", "[rules]") {
  const ByteSet text("a: b");
  CHECK(text.Holds(ByteSet(":")));
  CHECK(text.Holds(ByteSet(": ")));
  CHECK_FALSE(text.Holds(ByteSet(";")));
  CHECK(ByteSet("—").Holds(ByteSet("\xE2")));
  CHECK_FALSE(ByteSet("").Holds(ByteSet("x")));
  CHECK(ByteSet("").Holds(ByteSet("")));
}

TEST_CASE("A pattern that needs a colon is skipped for texts without one", "[rules]") {
  const RE2 speaker(R"(^(?P<source>\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3})\s*:\s*["“])");
  const auto filter = PunctuationFilter::Build(speaker.pattern(), speaker.options());
  REQUIRE(filter != nullptr);
  CHECK(filter->MayMatch(ByteSet("Smith: \"We will.\"")));
  CHECK_FALSE(filter->MayMatch(ByteSet("Smith said \"We will.\"")));
  CHECK_FALSE(filter->MayMatch(ByteSet("")));
}

TEST_CASE("Words beside the punctuation are taken to be present", "[rules]") {
  // A credit after a colon: the outlet's name is a word, the colon is what is looked for.
  const RE2 credit(R"(:\s*(?P<source>Reuters|AP|(?i:reports?|officials?))\s*$)");
  const auto filter = PunctuationFilter::Build(credit.pattern(), credit.options());
  REQUIRE(filter != nullptr);
  CHECK(filter->MayMatch(ByteSet("Photo: Reuters")));
  CHECK(filter->MayMatch(ByteSet("Time: noon")));  // a superset: the colon is there
  CHECK_FALSE(filter->MayMatch(ByteSet("Photo by Reuters")));
}

TEST_CASE("A pattern with no punctuation to need gets no filter", "[rules]") {
  CHECK(PunctuationFilter::Build(R"(\b(?:said|says)\b)", RE2::Options()) == nullptr);
  CHECK(PunctuationFilter::Build(R"(\p{Lu}\p{Ll}+)", RE2::Options()) == nullptr);
  // Either a colon or a word will do: the colon is not needed.
  CHECK(PunctuationFilter::Build(R"(:|\bsaid\b)", RE2::Options()) == nullptr);
}

TEST_CASE("A filter never turns away a text its pattern matches", "[rules]") {
  // Cased letters in an atom are words (their other case is other bytes); dashes and quotes are
  // punctuation in UTF-8.
  const std::vector<std::string> patterns = {
      R"((?i:é)\s*:)",
      R"((?i:ÉTÉ):\s)",
      R"((?i:Ⓐ)\s*:)",
      R"(\d:\d\d)",
      R"([.!?"”…]\s*[-–—―]+\s*(?P<source>\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3})\s*$)",
      R"(^["“]?(?P<source>\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+){0,2})\s*:\s)",
      R"(^[^.!?:]{2,80}?\s(?P<cue>\p{Ll}[\p{Ll}'’-]+)\s*:\s*$)",
      R"(\bstates\s*(?::|,?\s+that\b))",
  };
  const std::vector<std::string> texts = {
      "É: yes",
      "é : yes",
      "ÉTÉ: oui",
      "été: oui",
      "“Go.” — Dana Ruiz",
      "Go! -- Smith",
      "“SMITH: We will.",
      "MARSH: Yes.",
      "He said the following:",
      "It states: none",
      "It states that it is",
      "Ⓐ: one",
      "ⓐ: two",
      "at 9:30",
      "no punctuation here",
      "",
  };
  size_t matched = 0;
  for (const std::string& pattern : patterns) {
    const RE2 re(pattern);
    REQUIRE(re.ok());
    const auto filter = PunctuationFilter::Build(re.pattern(), re.options());
    for (const std::string& text : texts) {
      if (!RE2::PartialMatch(text, re)) continue;
      ++matched;
      INFO(pattern << " on " << text);
      CHECK((filter == nullptr || filter->MayMatch(ByteSet(text))));
    }
  }
  CHECK(matched >= 13);
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

bool SameBytes(const ByteSet& a, const ByteSet& b) { return a.Holds(b) && b.Holds(a); }

// The filter's table, filled in with shortcuts, against FilteredRE2 asked about every combination
// of the punctuation atoms (the words present), as the table stands for.
TEST_CASE("A punctuation filter's table is FilteredRE2's answer for every combination", "[rules]") {
  const std::vector<std::string> patterns = {
      R"(^(?P<source>\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3})\s*:\s*["“])",
      R"([.!?"”…]\s*[-–—―]+\s*(?P<source>\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3})\s*$)",
      R"(\d:\d\d)",
      R"((?i:é)\s*:)",
      R"(x[:;,]y(?:-|—)z)",
      R"(\bstates\s*(?::|,?\s+that\b))",
  };
  size_t compared = 0, filters = 0;
  for (const std::string& pattern : patterns) {
    INFO(pattern);
    const RE2::Options options;
    const auto filter = PunctuationFilter::Build(pattern, options);
    if (!filter) continue;  // needs no punctuation
    ++filters;
    re2::FilteredRE2 reference(1);
    int id = -1;
    REQUIRE(reference.Add(PrefilterStandIn(pattern), options, &id) == RE2::NoError);
    std::vector<std::string> atoms;
    reference.Compile(&atoms);
    // The filter keeps the punctuation atoms in FilteredRE2's order; the rest are words.
    std::vector<int> words, punctuation;
    for (size_t i = 0; i < atoms.size(); ++i) {
      const size_t k = punctuation.size();
      if (k < filter->atoms().size() && SameBytes(ByteSet(atoms[i]), filter->atoms()[k])) {
        punctuation.push_back(static_cast<int>(i));
      } else {
        words.push_back(static_cast<int>(i));
      }
    }
    REQUIRE(punctuation.size() == filter->atoms().size());
    for (size_t m = 0; m < (size_t{1} << punctuation.size()); ++m) {
      std::vector<int> present = words, ids;
      for (size_t i = 0; i < punctuation.size(); ++i) {
        if (m >> i & 1) present.push_back(punctuation[i]);
      }
      reference.AllPotentials(present, &ids);
      CHECK(filter->MayMatchWith(m) == !ids.empty());
      ++compared;
    }
  }
  CHECK(filters >= 4);
  CHECK(compared > 40);
}

}  // namespace
}  // namespace audit
