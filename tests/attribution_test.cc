// Attribution within one sentence: every cue construction and every source type, one table row each.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace audit {
namespace {

struct CueCase {
  const char* name;
  const char* sentence;
  const char* source;  // as written; "" for no attribution
  const char* cue;
  SourceType type;
  std::vector<std::string> via;
};

void CheckCase(const CueCase& c) {
  INFO(c.name << ": " << c.sentence);
  // A body paragraph needs final punctuation to be read as body text; every case sentence has it.
  FileReport report = testing::AuditString(std::string(c.sentence) + "\n");
  REQUIRE(report.analysis.sentences.size() == 1);
  const Attribution& a = report.analysis.sentences[0].attribution;
  if (std::string(c.source).empty()) {
    CHECK(a.status == AttributionStatus::kNone);
    return;
  }
  CHECK(a.status == AttributionStatus::kDirect);
  CHECK(a.source == c.source);
  CHECK(a.cue == c.cue);
  CHECK(SourceTypeName(a.source_type) == SourceTypeName(c.type));
  CHECK(a.via == c.via);
}

TEST_CASE("Cue constructions name the source", "[attribution]") {
  const std::vector<CueCase> cases = {
      {"subject before verb", "Romanowski told reporters the mission continues.", "Romanowski", "told",
       SourceType::kPerson, {}},
      {"verb before subject after a quotation", "\"We are ready,\" said Hugh Hill.", "Hugh Hill", "said",
       SourceType::kPerson, {}},
      {"subject before verb after a quotation", "\u201cWe are ready,\u201d Hill said.", "Hill", "said",
       SourceType::kPerson, {}},
      {"appositive after the name", "Hugh Hill, a doctor at the clinic, said the ward was full.", "Hugh Hill",
       "said", SourceType::kPerson, {}},
      {"name as the appositive", "The county sheriff, Dana Ruiz, said deputies were on the scene.", "Dana Ruiz",
       "said", SourceType::kPerson, {}},
      {"several appositives", "Mara Quill, 34, a nurse from Leeds, said the wait was long.", "Mara Quill", "said",
       SourceType::kPerson, {}},
      {"adverb between subject and verb", "The mayor also confirmed the road would reopen.", "The mayor",
       "confirmed", SourceType::kPerson, {}},
      {"time phrase between subject and verb", "A ministry source on Tuesday said talks had stalled.",
       "A ministry source", "said", SourceType::kAnonymous, {}},
      {"parenthesis after the name", "Sen. Ada Byrne (D-Ore.) said the bill would pass.", "Sen. Ada Byrne", "said",
       SourceType::kPerson, {}},
      {"according to", "The bridge will close in May, according to the transport department.",
       "the transport department", "according to", SourceType::kOrganization, {}},
      {"in a statement", "The ministry said in a statement that exports rose.", "The ministry",
       "said in a statement", SourceType::kOrganization, {}},
      {"document cue", "Auditors said in a report that the fund lost money.", "Auditors", "said in a report",
       SourceType::kDocument, {}},
      {"document as subject", "A new study shows that sleep improves memory.", "A new study", "shows",
       SourceType::kDocument, {}},
      {"document at the end", "Sleep improves memory, a new study shows.", "a new study", "shows",
       SourceType::kDocument, {}},
      {"passive told", "Male members jeered during speeches, researchers were told.", "researchers",
       "were told", SourceType::kAnonymous, {}},
      {"relative clause before the verb", "The report that reached the council warned of shortages.",
       "The report", "warned", SourceType::kDocument, {}},
      {"as the report notes", "As the report notes: the plan has failed.", "the report", "notes",
       SourceType::kDocument, {}},
      {"participle after a comma", "Lena Ortiz posted the video, saying it was taken on Monday.", "Lena Ortiz",
       "saying", SourceType::kPerson, {}},
      {"colon speaker", "Lena Ortiz: \"We will not stop.\"", "Lena Ortiz", ":", SourceType::kPerson, {}},
      {"dash speaker", "\"We will not stop.\" \u2014 Lena Ortiz", "Lena Ortiz", "\u2014", SourceType::kPerson, {}},
      {"vague adverb", "The minister reportedly resigned on Friday.", "reportedly", "reportedly",
       SourceType::kVague, {}},
      {"impersonal passive", "It is believed that the vault was empty.", "It is believed", "It is believed",
       SourceType::kVague, {}},
      {"vague subject", "Experts say the drought will worsen.", "Experts", "say", SourceType::kVague, {}},
      {"anonymous subject", "Sources familiar with the matter said the deal was close.",
       "Sources familiar with the matter", "said", SourceType::kAnonymous, {}},
      {"anonymous officials", "U.S. officials said the strike hit its target.", "U.S. officials", "said",
       SourceType::kAnonymous, {}},
      {"outlet as source", "Bloomberg reported that the merger was off.", "Bloomberg", "reported",
       SourceType::kOutlet, {}},
      {"closing attribution governs", "Two aides are insisting the plan will work, a source said.", "a source",
       "said", SourceType::kAnonymous, {}},
      {"dash appositive", "Jason Reyes \u2014 a teacher from Dover \u2014 says he changed his vote.", "Jason Reyes",
       "says", SourceType::kPerson, {}},
      {"head before a preposition agrees", "Aides to the governor say the bill is dead.", "Aides to the governor",
       "say", SourceType::kAnonymous, {}},
      {"coordinated subject", "Ana Silva and Tom Reed say the plant will close.", "Ana Silva and Tom Reed", "say",
       SourceType::kPerson, {}},
      {"contracted pronoun", "He\u2019s predicting that turnout will rise.", "He", "predicting",
       SourceType::kPerson, {}},
      {"number as subject", "Now, 52 percent said the mayor would be better.", "52 percent", "said",
       SourceType::kPerson, {}},
      {"sentence-initial verb", "Said Dora Pike, who grew up nearby: \"We were proud.\"", "Dora Pike", "Said",
       SourceType::kPerson, {}},
      {"passive belief", "The virus is thought to have spread widely.", "is thought to", "is thought to",
       SourceType::kVague, {}},
      {"statement act", "Fiona Hale issued a plea for people to stay away from the pills.", "Fiona Hale",
       "issued a plea", SourceType::kPerson, {}},
      {"colon introduction", "Cruz continued:", "Cruz", "continued", SourceType::kPerson, {}},
      {"states that", "The report states that nobody may vote twice.", "The report", "states",
       SourceType::kDocument, {}},
      {"as X said, with words before the colon", "As the mayor said in a letter last month: \"We are broke.\"",
       "the mayor", "said in a letter", SourceType::kPerson, {}},
      {"unnamed outlet relays whom it cites",
       "The newspaper Kivi on its website cited an unidentified witness as saying the gas bottle exploded.",
       "an unidentified witness", "cited", SourceType::kAnonymous, {"Kivi"}},
  };
  for (const auto& c : cases) CheckCase(c);
}

TEST_CASE("Outlets between publisher and source become the via list", "[attribution][via]") {
  const std::vector<CueCase> cases = {
      {"told an outlet", "Romanowski told Reuters the mission continues.", "Romanowski", "told",
       SourceType::kPerson, {"Reuters"}},
      {"according to an outlet after another cue",
       "Auditors said in a report that the fund lost money, according to the AP.", "Auditors",
       "said in a report", SourceType::kDocument, {"AP"}},
      {"outlet citing a source", "Bloomberg reported the merger was off, citing people familiar with the matter.",
       "people familiar with the matter", "reported", SourceType::kAnonymous, {"Bloomberg"}},
      {"outlet reporting what a source said",
       "A ministry source said launches were planned, Interfax news agency reported.", "A ministry source",
       "said", SourceType::kAnonymous, {"Interfax"}},
      {"interview with an outlet", "In an interview with the BBC, the minister said taxes would rise.",
       "the minister", "said", SourceType::kPerson, {"BBC"}},
  };
  for (const auto& c : cases) CheckCase(c);
}

TEST_CASE("Words that only look like cues do not attribute", "[attribution]") {
  const std::vector<CueCase> cases = {
      {"noun after a determiner", "Among the accused were three bankers.", "", "", SourceType::kUnknown, {}},
      {"noun-like verb form before a participle", "Intelligence reports seen overnight were alarming.", "", "",
       SourceType::kUnknown, {}},
      {"bare verb after a singular noun", "A government claim accusing the firms was rejected.", "", "",
       SourceType::kUnknown, {}},
      {"cue inside a quotation only", "\"They say it never rains here,\" the sign read at the gate.", "", "",
       SourceType::kUnknown, {}},
      {"non-speech object", "The team claimed victory in the final round.", "", "", SourceType::kUnknown, {}},
      {"absolute participle", "Shares rose, with the bank showing the largest gain.", "", "",
       SourceType::kUnknown, {}},
      {"passive participle", "The full results can be found online today.", "", "", SourceType::kUnknown, {}},
      {"plain report", "The river flooded three villages on Sunday.", "", "", SourceType::kUnknown, {}},
      {"negated cue", "The source did not clarify what type of launch was planned.", "", "", SourceType::kUnknown, {}},
      {"contracted negation", "The mayor didn't say when the pool would reopen.", "", "", SourceType::kUnknown, {}},
      {"infinitive", "The firms were not available to respond to a request for comment.", "", "",
       SourceType::kUnknown, {}},
      {"future", "On Friday, the administration will announce a new strategy.", "", "", SourceType::kUnknown, {}},
      {"passive told with an instruction", "Parents have been told for years to avoid peanuts.", "", "",
       SourceType::kUnknown, {}},
      {"continue to", "Prices continued to rise in March.", "", "", SourceType::kUnknown, {}},
      {"object after an adjective", "China maintains tight control over firearms.", "", "", SourceType::kUnknown, {}},
      {"told is not inverted", "The hostility, Harriet Vance told researchers: \"You only got in because of luck.\"",
       "Harriet Vance", "told", SourceType::kPerson, {}},
  };
  for (const auto& c : cases) CheckCase(c);
}

TEST_CASE("A cue in a subordinate clause goes to 'also'", "[attribution]") {
  FileReport report = testing::AuditString("Oil fell after traders told Reuters that supplies were ample.\n");
  const SentenceVerdict& v = report.analysis.sentences.at(0);
  CHECK(v.attribution.status == AttributionStatus::kNone);
  REQUIRE(v.also.size() == 1);
  CHECK(v.also[0].source == "traders");
}

TEST_CASE("Loaded cues are recorded with their span", "[attribution]") {
  FileReport report = testing::AuditString("The senator claimed the vote was rigged.\n");
  const SentenceVerdict& v = report.analysis.sentences.at(0);
  REQUIRE(v.loaded_cues.size() == 1);
  CHECK(v.text.substr(v.loaded_cues[0].begin, v.loaded_cues[0].end - v.loaded_cues[0].begin) == "claimed");
}

}  // namespace
}  // namespace audit
