// Reading plain text: paragraphs, roles, datelines, encodings, positions.
#include "input/text_reader.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace audit {
namespace {

// The blocks as read, each text detached from the file, which ends here.
Document Read(const std::string& text) {
  SourceFile file("a.txt", text);
  Result<Document> doc = ReadPlainText(file, testing::NewsRules());
  REQUIRE(doc.ok());
  for (Block& block : doc.value().blocks) block.text.Detach();
  return doc.take();
}

TEST_CASE("Blank lines separate paragraphs; wrapped lines join", "[reader]") {
  Document doc = Read(
      "First paragraph that is long enough to be wrapped across\nseveral lines.\n\nSecond one.\n");
  REQUIRE(doc.blocks.size() == 2);
  CHECK(doc.blocks[0].text ==
        "First paragraph that is long enough to be wrapped across several lines.");
  CHECK(doc.blocks[1].text == "Second one.");
}

TEST_CASE("Files written one paragraph a line split at each line", "[reader]") {
  Document doc =
      Read("The council met on Monday.\nIt voted to close the pool.\nResidents objected.\n");
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[1].text == "It voted to close the pool.");
}

TEST_CASE("Hard-wrapped runs of lines join; runs of finished lines split", "[reader]") {
  Document wrapped = Read(
      "The council met on Monday evening to discuss the budget for the coming\n"
      "year and agreed after a long debate that the swimming pool on the east\n"
      "side of town would close in the spring.\n");
  CHECK(wrapped.blocks.size() == 1);
  Document lines =
      Read("(Reporting by Jo Park)\nPort source says exports are delayed: report\nLabels:\n");
  CHECK(lines.blocks.size() == 3);
}

TEST_CASE("A title-case headline still shows its cue", "[reader][roles]") {
  FileReport r =
      testing::AuditString("Council Members Blame Storm For Delays\n\nThe buses ran late.\n");
  const SentenceVerdict& headline = r.analysis.sentences.at(0);
  CHECK(headline.role == "headline");
  CHECK(headline.attribution.cue == "Blame");
  CHECK(headline.attribution.source == "Council Members");
}

TEST_CASE("Block roles come from position and the role patterns", "[reader][roles]") {
  Document doc = Read(
      "Friday, November 22, 2024\n\nCouncil closes pool\n\nBy Jane Ortiz\n\nThe council voted to "
      "close the pool.\n\n"
      "Photo: City archive\n\nSubscribe to our newsletter\n\nBudget\n\nThe budget was cut by "
      "5%.\n");
  REQUIRE(doc.blocks.size() == 8);
  CHECK(doc.blocks[0].role == BlockRole::kDate);
  CHECK(doc.blocks[1].role == BlockRole::kHeadline);
  CHECK(doc.blocks[2].role == BlockRole::kByline);
  CHECK(doc.blocks[3].role == BlockRole::kParagraph);
  CHECK(doc.blocks[4].role == BlockRole::kCredit);
  CHECK(doc.blocks[5].role == BlockRole::kBoilerplate);
  CHECK(doc.blocks[6].role == BlockRole::kDateline);
  CHECK(doc.meta.headline == "Council closes pool");
}

TEST_CASE("Items listed after a colon are list items, not headings", "[reader][roles]") {
  Document doc = Read("The ranking was as follows:\n\n1. Leeds\n\n2. York\n");
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[1].role == BlockRole::kListItem);
  CHECK(doc.blocks[2].role == BlockRole::kListItem);
}

TEST_CASE("A wire dateline names the wire; another outlet's names the publisher",
          "[reader][dateline]") {
  Document wire = Read("OSLO (AP) \u2014 Police say a fire damaged a museum.\n");
  CHECK(wire.meta.wire == "AP");
  CHECK(wire.meta.publisher.empty());
  Document own = Read("Riverton (Valley Herald) \u2013 The ministry said the border was open.\n");
  CHECK(own.meta.publisher == "Valley Herald");
  CHECK(own.meta.wire.empty());
}

TEST_CASE("A dateline on a line of its own opens the next paragraph", "[reader][dateline]") {
  Document doc = Read("NAIROBI (Reuters) -\nA port official said exports were delayed.\n");
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].text == "NAIROBI (Reuters) - A port official said exports were delayed.");
  CHECK(doc.meta.wire == "Reuters");
}

TEST_CASE("A byline naming an outlet names the publisher", "[reader][roles]") {
  Document doc =
      Read("Analysis: Jon Park, BBC News, Washington\n\nThe president said he was frustrated.\n");
  CHECK(doc.meta.publisher == "BBC");
}

TEST_CASE("BOM and CRLF are accepted and offsets stay in the file", "[reader][encoding]") {
  const std::string text = "\xEF\xBB\xBFOne line.\r\n\r\nTwo lines.\r\n";
  SourceFile file("a.txt", text);
  Result<Document> doc = ReadPlainText(file, testing::NewsRules());
  REQUIRE(doc.ok());
  REQUIRE(doc.value().blocks.size() == 2);
  const Block& second = doc.value().blocks[1];
  CHECK(second.text == "Two lines.");
  CHECK(text.substr(second.offsets.ToFile(0), 3) == "Two");
  CHECK(second.offsets.ToFileEnd(second.text.size()) == text.find("\r\n", 16));
}

TEST_CASE("Invalid UTF-8 is replaced and reported with its offset", "[reader][encoding]") {
  const std::string text = "Caf\xE9 owners said prices rose.\n";
  SourceFile file("a.txt", text);
  Result<Document> doc = ReadPlainText(file, testing::NewsRules());
  REQUIRE(doc.ok());
  REQUIRE(doc.value().warnings.size() == 1);
  CHECK(doc.value().warnings[0].offset == 3);
  CHECK(doc.value().blocks[0].text == "Caf\xEF\xBF\xBD owners said prices rose.");
}

TEST_CASE("A binary file is an error naming its position", "[reader][encoding]") {
  SourceFile file("b.bin", std::string("abc\0def", 7));
  Result<Document> doc = ReadPlainText(file, testing::NewsRules());
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().offset == std::optional<size_t>(3));
  CHECK(doc.error().message ==
        "this looks like a binary file (it has NUL bytes), not a text article");
}

TEST_CASE("Folded line breaks map back to the right bytes", "[reader][positions]") {
  const std::string text =
      "A line that is long enough to count as wrapped text in\nthe file said the mayor.\n";
  SourceFile file("a.txt", text);
  Result<Document> doc = ReadPlainText(file, testing::NewsRules());
  REQUIRE(doc.ok());
  const Block& block = doc.value().blocks.at(0);
  const size_t at = block.text.find("the file");
  CHECK(block.offsets.ToFile(at) == text.find("the file"));
}

TEST_CASE("One-line paragraphs borrow the file's bytes; joined lines are copies",
          "[reader][memory]") {
  const std::string text =
      "The council met on Monday, the clerk said.\n\n"
      "A paragraph that is long enough to count as wrapped text in\n"
      "the file, the mayor said.\n";
  SourceFile file("a.txt", text);
  Result<Document> doc = ReadPlainText(file, testing::NewsRules());
  REQUIRE(doc.ok());
  REQUIRE(doc.value().blocks.size() == 2);
  const Block& first = doc.value().blocks[0];
  CHECK(first.text.borrowed());
  CHECK(first.text.data() == file.bytes().data());
  CHECK_FALSE(doc.value().blocks[1].text.borrowed());
}

TEST_CASE("An audited plain-text file's sentences are views of its bytes", "[reader][memory]") {
  const FileReport report = testing::AuditString(
      "The council met on Monday, the clerk said.\n\nIt voted to close the pool.\n");
  const std::string_view bytes = report.file->bytes();
  REQUIRE(report.analysis.sentences.size() == 2);
  for (const SentenceVerdict& v : report.analysis.sentences) {
    CHECK(v.text.data() == bytes.data() + v.begin);
    CHECK(v.text == bytes.substr(v.begin, v.end - v.begin));
  }
  CHECK(report.analysis.texts.empty());  // no block needed a copy
}

TEST_CASE("Only a dateline with a credit is compiled on its own to read it", "[reader][dateline]") {
  // Rules of their own: the shared pack's patterns may have been compiled by other tests.
  Result<RuleSet> loaded = RuleSet::LoadDirectory(std::string(AUDIT_SOURCE_DIR) + "/rules/news");
  REQUIRE(loaded.ok());
  const RuleSet& rules = loaded.value();
  size_t with_credit = 0, without_credit = 0;
  for (const RoleRule& rule : rules.role_rules()) {
    if (rule.role != "dateline" || rule.sentence_scope) continue;
    const bool has_group = rule.re->pattern().find("(?P<credit>") != std::string::npos;
    CHECK(rule.reads_credit == has_group);
    (has_group ? with_credit : without_credit) += 1;
  }
  REQUIRE(with_credit > 0);
  REQUIRE(without_credit > 0);  // the pack's "LONDON" line: matched in the block role set
  // The first paragraph has no dateline: every dateline rule is tried on it.
  for (const char* text : {"Talks resumed on Monday, the envoy said.\n\nThey end on Friday.\n",
                           "BEIJING (AP) — Talks resumed on Monday.\n\nThe envoy said so.\n"}) {
    SourceFile file("a.txt", text);
    Result<Document> doc = ReadPlainText(file, rules);
    REQUIRE(doc.ok());
    CHECK(doc.value().meta.dateline_credit == (text[0] == 'B' ? "AP" : ""));
  }
  for (const RoleRule& rule : rules.role_rules()) {
    if (rule.role != "dateline" || rule.sentence_scope) continue;
    INFO(rule.re->pattern());
    CHECK(rule.re->compiled() == rule.reads_credit);
  }
}

}  // namespace
}  // namespace audit
