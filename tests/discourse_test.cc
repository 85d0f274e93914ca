// Links between sentences: quotations, references, wire credits, chains.
#include "analysis/discourse.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "analysis/chains.h"
#include "test_support.h"

namespace audit {
namespace {

using testing::AuditString;
using testing::SentenceStartingWith;

TEST_CASE("Inner sentences of a quotation inherit its source", "[discourse][quotes]") {
  FileReport r = AuditString(
      "Mara Quill said the clinic was full. \"We had no beds. We had no staff. Nobody came,\" she "
      "said.\n");
  CHECK(SentenceStartingWith(r, "\"We had no beds.").attribution.status ==
        AttributionStatus::kInherited);
  CHECK(SentenceStartingWith(r, "We had no staff.").attribution.status ==
        AttributionStatus::kInherited);
  CHECK(SentenceStartingWith(r, "Nobody came").attribution.status == AttributionStatus::kDirect);
  CHECK(SentenceStartingWith(r, "We had no staff.").attribution.resolved == "Mara Quill");
}

TEST_CASE("A quotation reopened in the next paragraph keeps its speaker", "[discourse][quotes]") {
  FileReport r = AuditString(
      "Mara Quill said: \"The first night was the worst.\n\n\"By morning the water had gone "
      "down.\"\n");
  const SentenceVerdict& second = SentenceStartingWith(r, "\"By morning");
  CHECK(second.attribution.status == AttributionStatus::kInherited);
  CHECK(second.attribution.source == "Mara Quill");
}

TEST_CASE("A quotation paragraph after an attributed sentence continues its speaker",
          "[discourse][quotes]") {
  FileReport r = AuditString(
      "Deputy chief Ana Silva said crews worked through the night.\n\n\"We did everything we "
      "could.\"\n");
  const SentenceVerdict& quote = SentenceStartingWith(r, "\"We did everything");
  CHECK(quote.attribution.status == AttributionStatus::kInherited);
  CHECK(quote.attribution.source == "Deputy chief Ana Silva");
}

TEST_CASE("A quotation sentence after an attributed one continues it, however short",
          "[discourse][quotes]") {
  FileReport r = AuditString(
      "\u201cThe visit went well,\u201d the minister told reporters. \u201cWe agreed on a "
      "lot.\u201d\n");
  CHECK(SentenceStartingWith(r, "\u201cWe agreed on a lot").attribution.status ==
        AttributionStatus::kInherited);
}

TEST_CASE("A colon introduction gives its speaker to the quotation after it",
          "[discourse][quotes]") {
  FileReport r = AuditString(
      "Marsh continued:\n\n\u201cWe cut the budget. Did anyone notice? Nobody did.\u201d\n");
  for (const char* prefix : {"\u201cWe cut the budget", "Did anyone notice", "Nobody did"}) {
    INFO(prefix);
    CHECK(SentenceStartingWith(r, prefix).attribution.source == "Marsh");
  }
}

TEST_CASE("Doubled apostrophes and misused curly quotes still delimit quotations",
          "[discourse][quotes]") {
  FileReport doubled = AuditString("''We need more buses,'' she said.\n");
  CHECK(doubled.analysis.sentences.at(0).attribution.source == "she");
  FileReport curly = AuditString("\u201cThe ruling surprised us,\u201c said Tom Reed, a lawyer.\n");
  CHECK(curly.analysis.sentences.at(0).attribution.source == "Tom Reed");
}

TEST_CASE("Sentences pointing back at a document's findings continue it",
          "[discourse][documents]") {
  FileReport r = AuditString(
      "A new report by the institute found that bus use has fallen.\n\n"
      "Among its key findings: fares rose faster than pay.\n\nThe rankings were as follows:\n\n1. "
      "Leeds\n\n"
      "2. York\n\nThe mayor said the city would respond.\n\nThe weather was mild.\n");
  CHECK(SentenceStartingWith(r, "Among its key findings").attribution.status ==
        AttributionStatus::kInherited);
  CHECK(SentenceStartingWith(r, "The rankings were").attribution.status ==
        AttributionStatus::kInherited);
  CHECK(SentenceStartingWith(r, "2. York").attribution.status == AttributionStatus::kInherited);
  CHECK(SentenceStartingWith(r, "The weather was mild").attribution.status ==
        AttributionStatus::kNone);
}

TEST_CASE("A colon introduction gives the whole next paragraph to its speaker", "[discourse]") {
  FileReport r = AuditString(
      "The minister wrote:\n\nThe budget is tight. We cut three routes.\n\nBuses ran late.\n");
  CHECK(SentenceStartingWith(r, "The budget is tight").attribution.source == "The minister");
  CHECK(SentenceStartingWith(r, "We cut three routes").attribution.source == "The minister");
  CHECK(SentenceStartingWith(r, "Buses ran late").attribution.status == AttributionStatus::kNone);
}

TEST_CASE("A sentence with a cue of its own does not end the introduced paragraph", "[discourse]") {
  FileReport r = AuditString(
      "The governor added:\n\nThe budget is tight. Everyone said it would be, of course. We cut "
      "three routes.\n\nBuses ran late.\n");
  CHECK(SentenceStartingWith(r, "The budget is tight").attribution.source == "The governor");
  const SentenceVerdict& own = SentenceStartingWith(r, "Everyone said");
  CHECK(own.attribution.status == AttributionStatus::kDirect);
  CHECK(own.attribution.source == "Everyone");
  const SentenceVerdict& after = SentenceStartingWith(r, "We cut three routes");
  CHECK(after.attribution.status == AttributionStatus::kInherited);
  CHECK(after.attribution.source == "The governor");
  CHECK(SentenceStartingWith(r, "Buses ran late").attribution.status == AttributionStatus::kNone);
}

TEST_CASE("A document noun with a participle attributes when nothing else does", "[attribution]") {
  FileReport r = AuditString("Police received calls saying shots had been fired.\n");
  CHECK(r.analysis.sentences.at(0).attribution.source == "calls");
  FileReport governed =
      AuditString("Police say a fire hit the school, with reports saying two were hurt.\n");
  CHECK(governed.analysis.sentences.at(0).attribution.source == "Police");
}

TEST_CASE("A transcript paragraph is its speaker's to the end", "[discourse][transcript]") {
  FileReport r =
      AuditString("MARSH: Well, the budget is tight. We cut three routes. Nobody noticed.\n");
  for (const char* prefix : {"MARSH: Well", "We cut three routes", "Nobody noticed"}) {
    INFO(prefix);
    CHECK(SentenceStartingWith(r, prefix).attribution.source == "MARSH");
  }
  FileReport label = AuditString("FILE PHOTO: The harbour office is seen in Leeds, May 2, 2024.\n");
  CHECK(label.analysis.sentences.at(0).attribution.status == AttributionStatus::kNone);
}

TEST_CASE("Pronouns resolve to the last person named as a source", "[discourse][reference]") {
  FileReport r = AuditString(
      "Ana Silva, the fire chief, said crews were tired. Later she added that two engines had "
      "failed.\n");
  const SentenceVerdict& v = SentenceStartingWith(r, "Later she added");
  CHECK(v.attribution.status == AttributionStatus::kDirect);
  CHECK(v.attribution.resolved == "Ana Silva");
  CHECK(v.attribution.refers_to == 0);
}

TEST_CASE("A surname resolves to the full name mentioned before", "[discourse][reference]") {
  FileReport r =
      AuditString("Ana Silva said crews were tired. \"It was long,\" Silva told reporters.\n");
  CHECK(SentenceStartingWith(r, "\"It was long").attribution.resolved == "Ana Silva");
}

TEST_CASE("'The report' takes the report introduced earlier, with its outlets",
          "[discourse][reference]") {
  FileReport r = AuditString(
      "Auditors said in a report that the fund lost $5 million, according to the AP.\n\n"
      "The report mentioned that losses began in 2023.\n");
  const SentenceVerdict& v = SentenceStartingWith(r, "The report mentioned");
  CHECK(v.attribution.refers_to == 0);
  CHECK(v.attribution.resolved == "Auditors (report)");
  CHECK(v.attribution.via == std::vector<std::string>{"AP"});
  CHECK(v.secondhand);
}

TEST_CASE("'The report' with no report before it is dangling", "[discourse][reference]") {
  FileReport r = AuditString("The report said attacks fell in 2023.\n");
  CHECK(r.analysis.sentences.at(0).attribution.dangling);
  CHECK(testing::CountFindings(r, "dangling-reference") == 1);
}

TEST_CASE("A dateline names the publisher", "[discourse][wire]") {
  FileReport r =
      AuditString("Riverton (Valley Herald) \u2013 The ministry said the border was open.\n");
  CHECK(r.analysis.publisher == "Valley Herald");
  CHECK(r.analysis.wire.empty());
  CHECK_FALSE(r.analysis.sentences.at(0).secondhand);
}

TEST_CASE("A wire dateline puts the wire first in every attributed sentence", "[discourse][wire]") {
  FileReport r = AuditString(
      "OSLO (AP) \u2014 Police say a fire damaged a museum on Thursday.\n\n"
      "The blast was heard across the city.\n",
      "FOX 17");
  CHECK(r.analysis.wire == "AP");
  const SentenceVerdict& attributed = SentenceStartingWith(r, "OSLO");
  CHECK(attributed.attribution.via == std::vector<std::string>{"AP"});
  CHECK(attributed.secondhand);
  const SentenceVerdict& plain = SentenceStartingWith(r, "The blast");
  CHECK(plain.attribution.status == AttributionStatus::kNone);
  CHECK_FALSE(plain.secondhand);
}

TEST_CASE("Repeated reporting through one agency marks wire copy when no publisher is known",
          "[discourse][wire]") {
  FileReport r = AuditString(
      "A senior source told Reuters the talks had stalled. Intelligence reports seen by Reuters "
      "suggest a deal. "
      "The minister said the army was loyal.\n");
  CHECK(r.analysis.wire == "Reuters");
  const SentenceVerdict& minister = SentenceStartingWith(r, "The minister said");
  CHECK(minister.attribution.via == std::vector<std::string>{"Reuters"});
  FileReport own = AuditString(
      "A senior source told Reuters the talks had stalled. Reports seen by Reuters suggest a "
      "deal.\n",
      "Daily Courier");
  CHECK(own.analysis.wire.empty());
}

TEST_CASE("A publisher citing itself is not secondhand", "[discourse][wire]") {
  FileReport r = AuditString("The minister told Reuters that talks would resume.\n", "Reuters");
  const SentenceVerdict& v = r.analysis.sentences.at(0);
  CHECK(v.attribution.via.empty());
  CHECK_FALSE(v.secondhand);
}

TEST_CASE("Chains group claims by intermediaries and source", "[discourse][chains]") {
  FileReport r = AuditString(
      "Ana Silva told Reuters that the plant would close. Silva told Reuters the decision was "
      "final. "
      "The union said it would strike.\n",
      "Daily Courier");
  const auto& chains = r.analysis.chains;
  REQUIRE(chains.size() == 2);
  CHECK(ChainText(chains[0]) == "Daily Courier -> Reuters -> Ana Silva");
  CHECK(chains[0].sentences == std::vector<size_t>{0, 1});
  CHECK(chains[0].secondhand);
  CHECK(ChainText(chains[1]) == "Daily Courier -> The union");
  CHECK_FALSE(chains[1].secondhand);
  CHECK(chains[0].share == Approx(2.0 / 3.0));
}

TEST_CASE("A chain's key ignores case and one leading article of each hop", "[discourse][chains]") {
  Analysis a;
  a.publisher = "Daily Courier";
  auto claim = [&](std::string source, std::vector<std::string> via) {
    SentenceVerdict& v = a.sentences.emplace_back();
    v.claim = true;
    v.attribution.status = AttributionStatus::kDirect;
    v.attribution.source = std::move(source);
    v.attribution.via = std::move(via);
    ++a.claims;
  };
  claim("The Ministry of Health", {});
  claim("the ministry of health", {});
  claim("Ministry of Health", {});
  claim("Ministry of Health", {"The AP"});
  claim("the Ministry of Health", {"AP"});
  claim("The the ministry of health", {});  // one article only: not the ministry's chain
  claim("An Ministry", {});
  claim("a ministry", {});  // "An " and "a " are different articles but leave the same key
  claim("Anna Berg", {});   // a name starting with "An" is not an article
  BuildChains(&a);
  REQUIRE(a.chains.size() == 5);
  CHECK(ChainText(a.chains[0]) == "Daily Courier -> The Ministry of Health");
  CHECK(a.chains[0].sentences == std::vector<size_t>{0, 1, 2});
  CHECK(ChainText(a.chains[1]) == "Daily Courier -> The AP -> Ministry of Health");
  CHECK(a.chains[1].sentences == std::vector<size_t>{3, 4});
  CHECK(a.chains[2].sentences == std::vector<size_t>{5});
  CHECK(a.chains[3].sentences == std::vector<size_t>{6, 7});
  CHECK(ChainText(a.chains[4]) == "Daily Courier -> Anna Berg");
  CHECK(a.sentences[4].chain == 1);
  CHECK(a.chains[0].share == Approx(3.0 / 9.0));
}

TEST_CASE("A headline takes the via of the body sentence that reports it", "[discourse][wire]") {
  FileReport r = AuditString(
      "Envoy claims talks failed\n\nThe envoy told Reuters in an interview that talks failed in "
      "May.\n",
      "Daily Courier");
  const SentenceVerdict& headline = r.analysis.sentences.at(0);
  CHECK(headline.role == "headline");
  CHECK_FALSE(headline.claim);
  CHECK(headline.attribution.via == std::vector<std::string>{"Reuters"});
}

TEST_CASE("Items listed after a colon continue the sentence that introduced them",
          "[discourse][list]") {
  FileReport r = AuditString(
      "Mayor Ana Ruiz said the council would:\n\n- Close the pool in May.\n- Sell the depot.\n\n"
      "The rest of the plan was as follows:\n\n- Repair the bridge.\n- Open a library.\n",
      "", "article.md");
  for (const char* item : {"Close the pool", "Sell the depot"}) {
    const SentenceVerdict& v = SentenceStartingWith(r, item);
    CHECK(v.role == "list_item");
    CHECK(v.attribution.status == AttributionStatus::kInherited);
    CHECK(v.attribution.source == "Mayor Ana Ruiz");
  }
  // The second list follows a sentence without a speaker: the mayor's list has ended.
  for (const char* item : {"Repair the bridge", "Open a library"}) {
    const SentenceVerdict& v = SentenceStartingWith(r, item);
    CHECK(v.role == "list_item");
    CHECK(v.attribution.status == AttributionStatus::kNone);
  }
}

TEST_CASE("A headline looks a bounded number of sentences ahead for the report it summarises",
          "[discourse][wire]") {
  auto article = [](size_t filler) {
    std::string text = "Envoy claims talks failed\n\n";
    for (size_t i = 0; i < filler; ++i) text += fmt::format("Rain fell on day {}. ", i + 1);
    text += "\n\nThe envoy told Reuters in an interview that talks failed in May.\n";
    return AuditString(text, "Daily Courier");
  };
  // The report is the sentence after the headline's last one looked at, or the one after that.
  const FileReport within = article(Discourse::kSummaryLookahead - 1);
  const FileReport beyond = article(Discourse::kSummaryLookahead);
  REQUIRE(within.analysis.sentences.size() == Discourse::kSummaryLookahead + 1);
  REQUIRE(beyond.analysis.sentences.size() == Discourse::kSummaryLookahead + 2);
  CHECK(within.analysis.sentences.back().attribution.via == std::vector<std::string>{"Reuters"});
  CHECK(within.analysis.sentences.at(0).attribution.via == std::vector<std::string>{"Reuters"});
  CHECK(beyond.analysis.sentences.back().attribution.via == std::vector<std::string>{"Reuters"});
  CHECK(beyond.analysis.sentences.at(0).attribution.via.empty());
  CHECK_FALSE(beyond.analysis.sentences.at(0).secondhand);
}

TEST_CASE("Headlines a window apart each find their own report", "[discourse][wire]") {
  // The second report is kSummaryLookahead sentences after the first, where ApplyPublisher keeps
  // the lowered text of the first; the second headline must read its own report's text.
  std::string text =
      "# Envoy claims talks failed\n\n"
      "The envoy told Reuters in an interview that talks failed in May.\n\n";
  for (size_t i = 2; i < Discourse::kSummaryLookahead; ++i) {
    text += fmt::format("Rain fell on day {}. ", i);
  }
  text +=
      "\n\n## Minister claims port closed\n\n"
      "The minister told AFP that the port closed in June.\n";
  const FileReport r = AuditString(text, "Daily Courier", "article.md");
  const auto& s = r.analysis.sentences;
  REQUIRE(s.size() == Discourse::kSummaryLookahead + 2);
  REQUIRE(s.at(Discourse::kSummaryLookahead).role == "heading");
  CHECK(s.at(0).attribution.via == std::vector<std::string>{"Reuters"});
  CHECK(s.at(Discourse::kSummaryLookahead).attribution.via == std::vector<std::string>{"AFP"});
  CHECK(s.at(Discourse::kSummaryLookahead).secondhand);
}

TEST_CASE("A surname reaches back over the last 400 people named, no further",
          "[discourse][reference]") {
  auto article = [](size_t others) {
    std::string text = "Dana Ruiz said the plan works.\n\n";
    for (size_t i = 0; i < others; ++i) {
      // A new full name in each sentence: Alan Zedaa, Alan Zedab, ...
      const std::string surname =
          fmt::format("Zed{}{}{}", static_cast<char>('a' + i / 676),
                      static_cast<char>('a' + i / 26 % 26), static_cast<char>('a' + i % 26));
      text += "Alan " + surname + " visited the port.\n\n";
    }
    return AuditString(text + "Ruiz said the port closed.\n");
  };
  const FileReport within = article(Discourse::kReferenceLookback - 1);
  CHECK(within.analysis.sentences.back().attribution.resolved == "Dana Ruiz");
  const FileReport beyond = article(Discourse::kReferenceLookback);
  CHECK(beyond.analysis.sentences.back().attribution.source == "Ruiz");
  CHECK(beyond.analysis.sentences.back().attribution.resolved.empty());
}

}  // namespace
}  // namespace audit
