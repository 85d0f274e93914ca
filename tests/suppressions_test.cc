// Inline suppressions: audit-ignore, audit-off and audit-on comments, and the report on comments
// that suppress nothing.
#include "pipeline/suppressions.h"

#include <catch2/catch.hpp>
#include <string>

#include "test_support.h"

namespace audit {
namespace {

using testing::AuditString;
using testing::CountFindings;

// Three claims no one attributes, and a vague one.
const std::string kClaims =
    "The council approved the budget on Tuesday, raising spending by 12 percent.\n\n"
    "The city lost 400 jobs last year.\n\n"
    "Experts say the plan will cost jobs.\n\n";

std::vector<std::string> UnusedMessages(const FileReport& report) {
  std::vector<std::string> messages;
  for (const Finding& f : report.analysis.findings) {
    if (f.rule == "unused-suppression") messages.emplace_back(f.message);
  }
  return messages;
}

TEST_CASE("Directives are read from comments with their rules and byte range", "[suppress]") {
  const std::string text =
      "A.\n<!-- audit-ignore anonymous-source, vague-attribution -->\n<!--audit-off-->\n"
      "<!-- not ours --> <!-- audit-on x y -->";
  const auto directives = FindSuppressionDirectives(text);
  REQUIRE(directives.size() == 3);
  CHECK(directives[0].kind == SuppressionDirective::Kind::kIgnoreNext);
  CHECK(directives[0].rules == std::vector<std::string>{"anonymous-source", "vague-attribution"});
  CHECK(text.substr(directives[0].begin, 4) == "<!--");
  CHECK(text.substr(directives[0].end - 3, 3) == "-->");
  CHECK(directives[1].kind == SuppressionDirective::Kind::kOff);
  CHECK(directives[1].rules.empty());
  CHECK(directives[2].kind == SuppressionDirective::Kind::kOn);
  CHECK(directives[2].rules == std::vector<std::string>{"x", "y"});
  CHECK(FindSuppressionDirectives("<!-- audit-ignore").empty());  // never closed
}

TEST_CASE("audit-ignore silences the next paragraph only", "[suppress]") {
  const FileReport plain = AuditString(kClaims, "", "a.md");
  REQUIRE(CountFindings(plain, "unattributed-claim") == 2);
  const FileReport ignored = AuditString("<!-- audit-ignore -->\n" + kClaims, "", "a.md");
  CHECK(CountFindings(ignored, "unattributed-claim") == 1);
  CHECK(CountFindings(ignored, "vague-attribution") == 1);
  CHECK(UnusedMessages(ignored).empty());
  CHECK(testing::SentenceStartingWith(ignored, "The council").claim_score > 0);  // still analysed
}

TEST_CASE("audit-ignore covers every sentence of the paragraph after it", "[suppress]") {
  const std::string paragraph =
      "The council approved the budget on Tuesday. The city lost 400 jobs last year.\n\n";
  const std::string next = "The port closed in 2019 after losing its last tenant.\n";
  REQUIRE(CountFindings(AuditString(paragraph + next, "", "a.md"), "unattributed-claim") == 3);
  const FileReport report =
      AuditString("<!-- audit-ignore unattributed-claim -->\n" + paragraph + next, "", "a.md");
  REQUIRE(CountFindings(report, "unattributed-claim") == 1);
  for (const Finding& f : report.analysis.findings) {
    if (f.rule == "unattributed-claim") {
      CHECK(report.analysis.sentences[f.sentence].text.rfind("The port", 0) == 0);
    }
  }
}

TEST_CASE("audit-ignore with rule ids silences only those rules", "[suppress]") {
  const std::string text =
      "The council approved the budget on Tuesday, raising spending by 12 percent.\n\n"
      "<!-- audit-ignore vague-attribution -->\nExperts say the plan will cost jobs.\n";
  const FileReport report = AuditString(text, "", "a.md");
  CHECK(CountFindings(report, "vague-attribution") == 0);
  CHECK(CountFindings(report, "unattributed-claim") == 1);
  CHECK(UnusedMessages(report).empty());
}

TEST_CASE("audit-off and audit-on bound a region", "[suppress]") {
  const std::string text = "<!-- audit-off unattributed-claim -->\n" + kClaims +
                           "<!-- audit-on -->\n\n" +
                           "The school district cut 30 teachers in June.\n";
  const FileReport report = AuditString(text, "", "a.html");
  CHECK(CountFindings(report, "unattributed-claim") == 1);
  CHECK(CountFindings(report, "vague-attribution") == 1);
  CHECK(UnusedMessages(report).empty());

  // Without audit-on the region runs to the end of the file.
  const FileReport open = AuditString(
      "<!-- audit-off -->\n" + kClaims + "The district cut 30 teachers in June.\n", "", "a.md");
  CHECK(open.analysis.findings.empty());
}

TEST_CASE("A directive that suppresses nothing is reported, with the reason", "[suppress]") {
  const std::string text = "<!-- audit-ignore vauge-attribution -->\n" + kClaims +
                           "<!-- audit-ignore anonymous-source -->\nThe port closed in 2019.\n\n"
                           "<!-- audit-frob -->\n";
  const FileReport report = AuditString(text, "", "a.md");
  const auto messages = UnusedMessages(report);
  REQUIRE(messages.size() == 3);
  CHECK(messages[0].find("'vauge-attribution' is not a rule") != std::string::npos);
  CHECK(messages[1].find("nothing here is reported as anonymous-source") != std::string::npos);
  CHECK(messages[2].find("not a directive") != std::string::npos);
  // The typo left the finding it meant to silence in place.
  CHECK(CountFindings(report, "unattributed-claim") == 3);
  for (size_t i = 1; i < report.analysis.findings.size(); ++i) {
    CHECK(report.analysis.findings[i - 1].begin <= report.analysis.findings[i].begin);
  }
}

TEST_CASE("In plain text a comment line is an instruction, not a sentence", "[suppress]") {
  const FileReport report = AuditString("<!-- audit-ignore -->\n" + kClaims, "", "a.txt");
  CHECK(CountFindings(report, "unattributed-claim") == 1);
  for (const SentenceVerdict& v : report.analysis.sentences) {
    CHECK(v.text.find("<!--") == std::string::npos);
  }
}

TEST_CASE("Every directive that covers a finding counts as used, among many", "[suppress]") {
  const std::vector<std::string> claims = {
      "The council approved the budget on Tuesday, raising spending by 12 percent.",
      "The city lost 400 jobs last year.",
      "The port closed in 2019 after losing its last tenant.",
      "The school district cut 30 teachers in June.",
      "The mill cut 200 jobs in 2020.",
      "The bakery closed 12 stores in 2021."};
  std::string plain;
  for (const std::string& c : claims) plain += c + "\n\n";
  REQUIRE(CountFindings(AuditString(plain, "", "a.md"), "unattributed-claim") == 6);
  const std::string text =
      // Two directives over one paragraph: both used.
      "<!-- audit-ignore -->\n<!-- audit-ignore unattributed-claim -->\n" + claims[0] + "\n\n" +
      // Two regions of one rule, and a paragraph between them that neither covers.
      "<!-- audit-off unattributed-claim -->\n" + claims[1] +
      "\n<!-- audit-on unattributed-claim -->\n\n" + claims[2] + "\n\n" +
      "<!-- audit-off unattributed-claim -->\n<!-- audit-off -->\n" + claims[3] +
      "\n<!-- audit-on -->\n\n" + claims[4] + "\n\n" +
      // A region of another rule, and an audit-ignore with nothing after it: both unused.
      "<!-- audit-off vague-attribution -->\n" + claims[5] +
      "\n<!-- audit-on -->\n\n<!-- audit-ignore -->\n";
  const FileReport report = AuditString(text, "", "a.md");
  std::vector<std::string> flagged;
  for (const Finding& f : report.analysis.findings) {
    if (f.rule == "unattributed-claim")
      flagged.emplace_back(report.analysis.sentences[f.sentence].text);
  }
  CHECK(flagged == std::vector<std::string>{claims[2], claims[4], claims[5]});
  const auto messages = UnusedMessages(report);
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].find("nothing here is reported as vague-attribution") != std::string::npos);
  CHECK(messages[1].find("nothing here is reported") != std::string::npos);
  CHECK(messages[1].find("nothing here is reported as") == std::string::npos);
}

}  // namespace
}  // namespace audit
