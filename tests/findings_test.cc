// Every finding the analysis emits, with its rule id, severity and span.
#include "analysis/findings.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace audit {
namespace {

using testing::AuditString;
using testing::CountFindings;

const Finding& Only(const FileReport& r, const std::string& rule) {
  const Finding* found = nullptr;
  for (const auto& f : r.analysis.findings) {
    if (f.rule == rule) {
      REQUIRE(found == nullptr);
      found = &f;
    }
  }
  REQUIRE(found != nullptr);
  return *found;
}

TEST_CASE("Messages fill their placeholders and keep other braces as written", "[findings]") {
  const std::vector<std::pair<std::string, std::string>> values = {{"source", "Reuters"},
                                                                   {"share", "40%"}};
  CHECK(FormatMessage("from {source} ({share})", values) == "from Reuters (40%)");
  CHECK(FormatMessage("{source}{share}", values) == "Reuters40%");
  CHECK(FormatMessage("no placeholder", values) == "no placeholder");
  CHECK(FormatMessage("", values).empty());
  CHECK(FormatMessage("{unknown} and {source}", values) == "{unknown} and Reuters");
  CHECK(FormatMessage("{a{source}", values) == "{aReuters");
  CHECK(FormatMessage("open { without end {source", values) == "open { without end {source");
  CHECK(FormatMessage("{source} then {", values) == "Reuters then {");
}

TEST_CASE("An unattributed claim is reported with severity from its score", "[findings]") {
  FileReport strong = AuditString("The council cut 120 jobs in Leeds on Monday.\n");
  FileReport weak = AuditString("The mood in the town hall changed quickly.\n");
  CHECK(Only(strong, "unattributed-claim").severity == Severity::kWarning);
  CHECK(Only(weak, "unattributed-claim").severity == Severity::kInfo);
}

TEST_CASE("A secondhand chain is reported once with its share", "[findings]") {
  FileReport r = AuditString(
      "Ana Silva told Reuters the plant would close. Silva told Reuters the decision was final. "
      "The union said it would strike. Workers gathered at the gate on Monday.\n",
      "Daily Courier");
  const Finding& f = Only(r, "secondhand-sourcing");
  CHECK(f.message.find("Daily Courier -> Reuters -> Ana Silva") != std::string::npos);
  CHECK(f.message.find("50%") != std::string::npos);
  CHECK(f.sentence == 0);
}

TEST_CASE("Anonymous and vague sources are reported on the source span", "[findings]") {
  FileReport anon = AuditString("A senior official said the talks had failed.\n");
  const Finding& a = Only(anon, "anonymous-source");
  CHECK(a.severity == Severity::kInfo);
  CHECK(anon.file->bytes().substr(a.begin, a.end - a.begin) == "A senior official");
  FileReport vague = AuditString("Experts say the drought will worsen.\n");
  const Finding& v = Only(vague, "vague-attribution");
  CHECK(vague.file->bytes().substr(v.begin, v.end - v.begin) == "Experts");
}

TEST_CASE("A loaded cue is reported on the cue", "[findings]") {
  FileReport r = AuditString("The senator insisted the vote was fair.\n");
  const Finding& f = Only(r, "loaded-cue");
  CHECK(r.file->bytes().substr(f.begin, f.end - f.begin) == "insisted");
  CHECK(f.severity == Severity::kWarning);
}

TEST_CASE("A quotation without a speaker is an error", "[findings]") {
  FileReport r =
      AuditString("The rally ended late. \"We will never give up this fight for our town.\"\n");
  CHECK(Only(r, "unattributed-quote").severity == Severity::kError);
}

TEST_CASE("A dangling reference is an error", "[findings]") {
  FileReport r = AuditString("The study found that 40% of pupils walk to school.\n");
  CHECK(CountFindings(r, "dangling-reference") == 1);
  FileReport introduced = AuditString(
      "A new study was published by the university on Monday. The study found that 40% of pupils "
      "walk.\n");
  CHECK(CountFindings(introduced, "dangling-reference") == 0);
}

TEST_CASE("Finding spans map to line and column in a wrapped file", "[findings][positions]") {
  FileReport r = AuditString(
      "The mayor said the pool would reopen.\n\nA senior official said the\nplan had failed.\n");
  const Finding& f = Only(r, "anonymous-source");
  LineColumn lc = r.file->Position(f.begin);
  CHECK(lc.line == 3);
  CHECK(lc.column == 1);
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

TEST_CASE("Findings are ordered by start, ties in the order they were added", "[findings]") {
  // Each case: the starts in the order added. The rule field records that order.
  const std::vector<std::vector<size_t>> cases = {
      {},
      {5},
      {1, 2, 2, 9},                 // already ordered
      {1, 4, 4, 8, 2, 4, 4, 9},     // two ordered runs, with ties across them
      {3, 3, 1, 1, 2, 5, 5, 0, 4},  // no order
      {7, 6, 5, 4, 3, 2, 1, 0},
  };
  for (const auto& starts : cases) {
    Findings findings;
    std::vector<std::string> names;  // what the findings' rule views point into
    for (size_t i = 0; i < starts.size(); ++i) names.push_back(std::to_string(i));
    for (size_t i = 0; i < starts.size(); ++i) {
      Finding f;
      f.begin = starts[i];
      f.rule = names[i];
      findings.push_back(f);
    }
    Findings expected = findings;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
    SortFindingsByStart(&findings);
    std::vector<std::string> got, want;
    for (const Finding& f : findings) got.emplace_back(f.rule);
    for (const Finding& f : expected) want.emplace_back(f.rule);
    CHECK(got == want);
  }
}

}  // namespace
}  // namespace audit
