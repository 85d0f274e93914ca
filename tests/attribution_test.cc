// Attribution within one sentence: every cue construction and every source type, one table row
// each.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "pipeline/auditor.h"
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
      {"subject before verb",
       "Ruiz told reporters the mission continues.",
       "Ruiz",
       "told",
       SourceType::kPerson,
       {}},
      {"verb before subject after a quotation",
       "\"We are ready,\" said Hugh Hill.",
       "Hugh Hill",
       "said",
       SourceType::kPerson,
       {}},
      {"subject before verb after a quotation",
       "\u201cWe are ready,\u201d Hill said.",
       "Hill",
       "said",
       SourceType::kPerson,
       {}},
      {"appositive after the name",
       "Hugh Hill, a doctor at the clinic, said the ward was full.",
       "Hugh Hill",
       "said",
       SourceType::kPerson,
       {}},
      {"name as the appositive",
       "The county sheriff, Dana Ruiz, said deputies were on the scene.",
       "Dana Ruiz",
       "said",
       SourceType::kPerson,
       {}},
      {"several appositives",
       "Mara Quill, 34, a nurse from Leeds, said the wait was long.",
       "Mara Quill",
       "said",
       SourceType::kPerson,
       {}},
      {"adverb between subject and verb",
       "The mayor also confirmed the road would reopen.",
       "The mayor",
       "confirmed",
       SourceType::kPerson,
       {}},
      {"time phrase between subject and verb",
       "A ministry source on Tuesday said talks had stalled.",
       "A ministry source",
       "said",
       SourceType::kAnonymous,
       {}},
      {"parenthesis after the name",
       "Sen. Ada Byrne (D-Ore.) said the bill would pass.",
       "Sen. Ada Byrne",
       "said",
       SourceType::kPerson,
       {}},
      {"according to",
       "The bridge will close in May, according to the transport department.",
       "the transport department",
       "according to",
       SourceType::kOrganization,
       {}},
      {"according to a document whose noun is also a cue verb",
       "The work is needed after cracks appeared, according to the city's inspection report.",
       "the city's inspection report",
       "according to",
       SourceType::kDocument,
       {}},
      {"transcript speaker: the rule's type, though capitals look like an acronym",
       "RUIZ: We have not decided yet.",
       "RUIZ",
       ":",
       SourceType::kPerson,
       {}},
      {"expletive it with a passive reporting verb",
       "It is widely believed that the vote will fail.",
       "It is widely believed",
       "It is widely believed",
       SourceType::kVague,
       {}},
      {"an outlet not in the list, named by its masthead word",
       "The closure was first reported by the Valley Herald.",
       "the Valley Herald",
       "reported by",
       SourceType::kOutlet,
       {}},
      {"what the source spoke about is not part of it",
       "The change followed complaints from residents about noise.",
       "residents",
       "complaints from",
       SourceType::kAnonymous,
       {}},
      {"according to a city",
       "The bridge will reopen in May, according to the city.",
       "the city",
       "according to",
       SourceType::kOrganization,
       {}},
      {"in a statement",
       "The ministry said in a statement that exports rose.",
       "The ministry",
       "said in a statement",
       SourceType::kOrganization,
       {}},
      {"document cue",
       "Auditors said in a report that the fund lost money.",
       "Auditors",
       "said in a report",
       SourceType::kDocument,
       {}},
      {"document as subject",
       "A new study shows that sleep improves memory.",
       "A new study",
       "shows",
       SourceType::kDocument,
       {}},
      {"document at the end",
       "Sleep improves memory, a new study shows.",
       "a new study",
       "shows",
       SourceType::kDocument,
       {}},
      {"passive told",
       "Staff were shouted at during meetings, inspectors were told.",
       "inspectors",
       "were told",
       SourceType::kAnonymous,
       {}},
      {"relative clause before the verb",
       "The report that reached the council warned of shortages.",
       "The report",
       "warned",
       SourceType::kDocument,
       {}},
      {"as the report notes",
       "As the report notes: the plan has failed.",
       "the report",
       "notes",
       SourceType::kDocument,
       {}},
      {"participle after a comma",
       "Lena Ortiz posted the video, saying it was taken on Monday.",
       "Lena Ortiz",
       "saying",
       SourceType::kPerson,
       {}},
      {"colon speaker",
       "Lena Ortiz: \"We will not stop.\"",
       "Lena Ortiz",
       ":",
       SourceType::kPerson,
       {}},
      {"dash speaker",
       "\"We will not stop.\" \u2014 Lena Ortiz",
       "Lena Ortiz",
       "\u2014",
       SourceType::kPerson,
       {}},
      {"vague adverb",
       "The minister reportedly resigned on Friday.",
       "reportedly",
       "reportedly",
       SourceType::kVague,
       {}},
      {"impersonal passive",
       "It is believed that the vault was empty.",
       "It is believed",
       "It is believed",
       SourceType::kVague,
       {}},
      {"vague subject",
       "Experts say the drought will worsen.",
       "Experts",
       "say",
       SourceType::kVague,
       {}},
      {"anonymous subject",
       "Sources familiar with the matter said the deal was close.",
       "Sources familiar with the matter",
       "said",
       SourceType::kAnonymous,
       {}},
      {"anonymous officials",
       "U.S. officials said the strike hit its target.",
       "U.S. officials",
       "said",
       SourceType::kAnonymous,
       {}},
      {"outlet as source",
       "Bloomberg reported that the merger was off.",
       "Bloomberg",
       "reported",
       SourceType::kOutlet,
       {}},
      {"closing attribution governs",
       "Two aides are insisting the plan will work, a source said.",
       "a source",
       "said",
       SourceType::kAnonymous,
       {}},
      {"dash appositive",
       "Lena Ortiz \u2014 a nurse from Dover \u2014 says she changed her vote.",
       "Lena Ortiz",
       "says",
       SourceType::kPerson,
       {}},
      {"head before a preposition agrees",
       "Aides to the governor say the bill is dead.",
       "Aides to the governor",
       "say",
       SourceType::kAnonymous,
       {}},
      {"quantifier subject",
       "But some note that the plan costs more.",
       "some",
       "note",
       SourceType::kVague,
       {}},
      {"conjunction inside the subject",
       "Political observers in Leeds and around the country say the vote is close.",
       "Political observers in Leeds and around the country",
       "say",
       SourceType::kVague,
       {}},
      {"coordinated subject",
       "Ana Silva and Tom Reed say the plant will close.",
       "Ana Silva and Tom Reed",
       "say",
       SourceType::kPerson,
       {}},
      {"contracted pronoun",
       "He\u2019s predicting that turnout will rise.",
       "He",
       "predicting",
       SourceType::kPerson,
       {}},
      {"number as subject",
       "In May, 52 percent said the mayor was doing well.",
       "52 percent",
       "said",
       SourceType::kPerson,
       {}},
      {"sentence-initial verb",
       "Said Dora Pike, a local grocer: \"Business has never been better.\"",
       "Dora Pike",
       "Said",
       SourceType::kPerson,
       {}},
      {"impersonal judgement",
       "It is clear that the plan has failed.",
       "It is clear that",
       "It is clear that",
       SourceType::kVague,
       {}},
      {"passive belief",
       "The fire is thought to have started in the kitchen.",
       "is thought to",
       "is thought to",
       SourceType::kVague,
       {}},
      {"statement act",
       "Nora Hale issued a plea for people to stay away from the pills.",
       "Nora Hale",
       "issued a plea",
       SourceType::kPerson,
       {}},
      {"colon introduction", "Marsh continued:", "Marsh", "continued", SourceType::kPerson, {}},
      {"states that",
       "The report states that nobody may vote twice.",
       "The report",
       "states",
       SourceType::kDocument,
       {}},
      {"as X said, with words before the colon",
       "As the mayor said in a letter last month: \"We are broke.\"",
       "the mayor",
       "said in a letter",
       SourceType::kPerson,
       {}},
      {"unnamed outlet relays whom it cites",
       "The newspaper Kivi on its website cited an unidentified witness as saying the gas bottle "
       "exploded.",
       "an unidentified witness",
       "cited",
       SourceType::kAnonymous,
       {"Kivi"}},
      {"told with an addressee that is also a thing won (delegates)",
       "Former Governor Rita Voss told delegates at the convention that the plan had failed.",
       "Former Governor Rita Voss",
       "told",
       SourceType::kPerson,
       {}},
      {"told after a quotation and an appositive",
       "\"Order matters,\" Speaker Tom Lee, the convention chair, told the delegates before the "
       "vote.",
       "Speaker Tom Lee",
       "told",
       SourceType::kPerson,
       {}},
      {"a share of a group takes the group's verb",
       "Seventy percent of registered voters say they back the levy.",
       "Seventy percent of registered voters",
       "say",
       SourceType::kPerson,
       {}},
      {"half of a group",
       "About half of the residents say the road is unsafe.",
       "About half of the residents",
       "say",
       SourceType::kPerson,
       {}},
      {"a second verb of the subject after an auxiliary",
       "Voss did not name her rivals, but told supporters that the plan had failed.",
       "Voss",
       "told",
       SourceType::kPerson,
       {}},
      {"a sentence opening with its document",
       "In a county survey released Monday, 52 percent of residents backed the levy.",
       "a county survey released Monday",
       "In",
       SourceType::kDocument,
       {}},
      {"a person noun that is not a title (farmer)",
       "After the vote, a local farmer complained that the road was closed.",
       "a local farmer",
       "complained",
       SourceType::kAnonymous,
       {}},
      {"a campaign's strategist is a person, not the campaign",
       "On Monday, the campaign strategist insisted that the race was close.",
       "the campaign strategist",
       "insisted",
       SourceType::kPerson,
       {}},
      {"election returns after according to",
       "The levy passed with 60 percent, according to early returns.",
       "early returns",
       "according to",
       SourceType::kDocument,
       {}},
  };
  for (const auto& c : cases) CheckCase(c);
}

TEST_CASE("Outlets between publisher and source become the via list", "[attribution][via]") {
  const std::vector<CueCase> cases = {
      {"told an outlet",
       "Ruiz told Reuters the mission continues.",
       "Ruiz",
       "told",
       SourceType::kPerson,
       {"Reuters"}},
      {"according to an outlet after another cue",
       "Auditors said in a report that the fund lost money, according to the AP.",
       "Auditors",
       "said in a report",
       SourceType::kDocument,
       {"AP"}},
      {"outlet citing a source",
       "Bloomberg reported the merger was off, citing people familiar with the matter.",
       "people familiar with the matter",
       "reported",
       SourceType::kAnonymous,
       {"Bloomberg"}},
      {"outlet reporting what a source said",
       "A port official said exports were delayed, Interfax news agency reported.",
       "A port official",
       "said",
       SourceType::kAnonymous,
       {"Interfax"}},
      {"interview with an outlet",
       "In an interview with the BBC, the minister said taxes would rise.",
       "the minister",
       "said",
       SourceType::kPerson,
       {"BBC"}},
  };
  for (const auto& c : cases) CheckCase(c);
}

TEST_CASE("Words that only look like cues do not attribute", "[attribution]") {
  const std::vector<CueCase> cases = {
      {"noun after a determiner",
       "The accused were led out of court.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"noun-like verb form before a participle",
       "Police reports seen overnight were alarming.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"bare verb after a singular noun",
       "A council claim accusing the builders was rejected.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"cue inside a quotation only",
       "\"They say it never rains here,\" the sign read at the gate.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"a weak cue after a clause of the subject",
       "Voss was sixth in the final but is hoping for a better result next year.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"an opening phrase that names no document",
       "In a surprise move, the council closed the bridge.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"won delegates",
       "Voss claimed delegates in three states.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"non-speech object",
       "The team claimed victory in the final round.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"absolute participle",
       "Shares rose, with the bank showing the largest gain.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"passive participle",
       "The full results can be found online today.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"plain report",
       "The river flooded three villages on Sunday.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"negated cue",
       "The spokesman did not clarify when the plant would reopen.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"contracted negation",
       "The mayor didn't say when the pool would reopen.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"infinitive",
       "The builders were not available to respond to questions.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"future",
       "Next week, the council will announce a new budget.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"passive told with an instruction",
       "Drivers have been told for months to avoid the bridge.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"continue to", "Prices continued to rise in March.", "", "", SourceType::kUnknown, {}},
      {"an order still reports",
       "The mayor told his aides to close the pool.",
       "The mayor",
       "told",
       SourceType::kPerson,
       {}},
      {"progressive past adverbs",
       "The senator is once again questioning the count.",
       "The senator",
       "questioning",
       SourceType::kPerson,
       {}},
      {"compared with",
       "Men earned $98,000, compared with $90,000 for women.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"phrasal verb", "The real mayor showed up at the debate.", "", "", SourceType::kUnknown, {}},
      {"conditional",
       "His company would assume the debts of the mine.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"negated after an appositive",
       "Nia Holt, a campaign spokeswoman, did not respond to my messages.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"label before a colon",
       "Editor's note: This story has been corrected.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"possessive before a noun-like cue",
       "The mayor's comments came as the vote neared.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"noun-like cue before have",
       "Health worries have dogged the senator this month.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"object after an adjective",
       "The club maintains tight control over ticket sales.",
       "",
       "",
       SourceType::kUnknown,
       {}},
      {"told is not inverted",
       "The hostility, Harriet Vance told researchers: \"You only got in because of luck.\"",
       "Harriet Vance",
       "told",
       SourceType::kPerson,
       {}},
  };
  for (const auto& c : cases) CheckCase(c);
}

TEST_CASE("A cue in a subordinate clause goes to 'also'", "[attribution]") {
  FileReport report =
      testing::AuditString("Oil fell after traders told Reuters that supplies were ample.\n");
  const SentenceVerdict& v = report.analysis.sentences.at(0);
  CHECK(v.attribution.status == AttributionStatus::kNone);
  const std::span<const Attribution> also = report.analysis.AlsoOf(v);
  REQUIRE(also.size() == 1);
  CHECK(also[0].source == "traders");
}

TEST_CASE("Only sentences with a subordinate cue or a loaded cue take an entry beside the verdicts",
          "[attribution]") {
  FileReport report = testing::AuditString(
      "The bridge closed on Monday, the mayor said.\n\n"
      "Oil fell after traders told Reuters that supplies were ample.\n\n"
      "The repairs will take six months.\n\nThe senator claimed the vote was rigged.\n");
  const Analysis& a = report.analysis;
  REQUIRE(a.sentences.size() == 4);
  CHECK(a.extras.size() == 2);
  CHECK(a.sentences[0].extras == SentenceVerdict::kNoExtras);
  CHECK(a.AlsoOf(a.sentences[0]).empty());
  CHECK(a.LoadedCuesOf(a.sentences[0]).empty());
  CHECK(a.AlsoOf(a.sentences[1]).size() == 1);
  CHECK(a.sentences[2].extras == SentenceVerdict::kNoExtras);
  CHECK(a.AlsoOf(a.sentences[3]).empty());
  CHECK(a.LoadedCuesOf(a.sentences[3]).size() == 1);
}

TEST_CASE("Loaded cues are recorded with their span", "[attribution]") {
  FileReport report = testing::AuditString("The senator claimed the vote was rigged.\n");
  const SentenceVerdict& v = report.analysis.sentences.at(0);
  const std::span<const TextSpan> cues = report.analysis.LoadedCuesOf(v);
  REQUIRE(cues.size() == 1);
  CHECK(v.text.substr(cues[0].begin, cues[0].end - cues[0].begin) == "claimed");
}

// The news pack with `rules` (YAML list items) placed before its own attribution rules.
RuleSet NewsRulesWithFirst(const std::string& rules) {
  std::map<std::string, std::string> files;
  const std::string dir = std::string(AUDIT_SOURCE_DIR) + "/rules/news";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    files[entry.path().string()] = testing::ReadFile(entry.path().string());
  }
  std::string& attribution = files.at(dir + "/attribution.yaml");
  const size_t list = attribution.find("attribution:\n");
  REQUIRE(list != std::string::npos);
  attribution.insert(list + std::string("attribution:\n").size(), rules);
  Result<RuleSet> loaded = RuleSet::LoadFiles(files);
  REQUIRE(loaded.ok());
  return loaded.take();
}

Attribution OnlyAttribution(const RuleSet& rules, const std::string& sentence) {
  const FileReport report = Auditor(rules, AuditOptions()).AuditText("a.txt", sentence + "\n");
  REQUIRE(report.analysis.sentences.size() == 1);
  return report.analysis.sentences[0].attribution;
}

TEST_CASE("The first rule in pack order to accept a cue keeps it", "[attribution]") {
  // Both rules below and the pack's reporting-verb rule match "said".
  const RuleSet rules = NewsRulesWithFirst(
      "  - id: said-source-after\n    pattern: '\\b(?P<cue>said)\\b'\n    source: after\n"
      "  - id: said-subject\n    pattern: '\\b(?P<cue>said)\\b'\n    source: subject\n");
  // Nothing after the cue: the first rule finds no source, so the next rule claims the cue.
  const Attribution closing = OnlyAttribution(rules, "The plan failed, Dana Ruiz said.");
  CHECK(closing.rule == "said-subject");
  CHECK(closing.source == "Dana Ruiz");
  // A source after the cue: the first rule keeps it, and later rules at the same cue are dropped.
  const Attribution after = OnlyAttribution(rules, "The plan, said Dana Ruiz, had failed.");
  CHECK(after.rule == "said-source-after");
  CHECK(after.source == "Dana Ruiz");
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

// Paragraph text "Reuters reported that step 0 cost 0 dollars. Reuters reported ..." with the
// source of each sentence linked to its own page, as a reader would give it.
Document LinkedParagraph(size_t sentences) {
  Block block;
  for (size_t i = 0; i < sentences; ++i) {
    if (i) block.text += ' ';
    const size_t begin = block.text.size();
    block.text += "Reuters";
    block.links.push_back(
        {begin, block.text.size(), "https://www.reuters.com/" + std::to_string(i)});
    block.text +=
        " reported that step " + std::to_string(i) + " cost " + std::to_string(i) + " dollars.";
  }
  block.offsets.AddRun(0, 0);
  block.file_end = block.text.size();
  Document doc;
  doc.blocks.push_back(std::move(block));
  return doc;
}

TEST_CASE("Every sentence of a paragraph takes the link on its own source",
          "[attribution][links]") {
  const Analyzer analyzer(testing::NewsRules());
  Document doc = LinkedParagraph(50);
  const Analysis in_order = analyzer.Analyze(doc, {});
  REQUIRE(in_order.sentences.size() == 50);
  for (size_t i = 0; i < 50; ++i) {
    CHECK(in_order.LinkOf(in_order.sentences[i].attribution) ==
          "https://www.reuters.com/" + std::to_string(i));
  }
  // Links a reader left out of order are still found, each on its own sentence.
  std::reverse(doc.blocks[0].links.begin(), doc.blocks[0].links.end());
  const Analysis reversed = analyzer.Analyze(doc, {});
  REQUIRE(reversed.sentences.size() == 50);
  for (size_t i = 0; i < 50; ++i) {
    CHECK(reversed.LinkOf(reversed.sentences[i].attribution) ==
          "https://www.reuters.com/" + std::to_string(i));
  }
}

TEST_CASE("A quotation's next sentence inherits the link with the attribution",
          "[attribution][links]") {
  // The link lives beside the verdicts (Analysis::links); the attribution holds its index, which
  // the discourse passes copy with the rest when a sentence inherits it.
  const FileReport report = testing::AuditString(
      "# Harbor\n\n\"We need more time,\" [the chair told Reuters](https://www.reuters.com/x) on "
      "Monday. \"The bids were too high and the schedule was wrong.\"\n",
      "Valley Herald", "story.md");
  const SentenceVerdict& said = testing::SentenceStartingWith(report, "\"We need");
  const SentenceVerdict& next = testing::SentenceStartingWith(report, "\"The bids");
  REQUIRE(next.attribution.status == AttributionStatus::kInherited);
  CHECK(report.analysis.LinkOf(said.attribution) == "https://www.reuters.com/x");
  CHECK(report.analysis.LinkOf(next.attribution) == "https://www.reuters.com/x");
  // An attribution with no link, and one that is not this analysis's, have none.
  CHECK(report.analysis.LinkOf(Attribution()).empty());
}

}  // namespace
}  // namespace audit
