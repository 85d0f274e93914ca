// Reading Markdown: front matter, block roles, what is never prose, links, positions.
#include "input/markdown_reader.h"

#include <catch2/catch.hpp>

#include "input/reader.h"
#include "test_support.h"

namespace audit {
namespace {

Document ReadMd(const std::string& text) {
  SourceFile file("a.md", text);
  Result<Document> doc = ReadMarkdown(file, testing::NewsRules());
  REQUIRE(doc.ok());
  return doc.take();
}

const char* kArticle =
    "---\n"
    "title: Council closes the pool \n"
    "author: Jane Ortiz\n"
    "publisher: Valley Herald\n"
    "--- \n"
    "\n"
    "The council voted to close the pool, the mayor *said* on [Monday](https://example.org/vote).\n"
    "\n"
    "## Reactions\n"
    "\n"
    "> \"We will fight this,\" said Dana Ruiz.\n"
    "\n"
    "- Swimmers protested outside.\n"
    "\n"
    "```\n"
    "code is never prose\n"
    "```\n"
    "\n"
    "Use `inline code` with  two  spaces.\n";

TEST_CASE("Front matter gives the headline, byline and publisher", "[markdown]") {
  Document doc = ReadMd(kArticle);
  CHECK(doc.meta.headline == "Council closes the pool");
  CHECK(doc.meta.byline == "Jane Ortiz");
  CHECK(doc.meta.publisher == "Valley Herald");
  REQUIRE_FALSE(doc.blocks.empty());
  CHECK(doc.blocks[0].role == BlockRole::kHeadline);
  CHECK(doc.blocks[0].text == "Council closes the pool");
}

TEST_CASE("Markdown blocks keep their roles; code is never prose", "[markdown]") {
  Document doc = ReadMd(kArticle);
  std::vector<std::pair<BlockRole, std::string>> got;
  for (const auto& b : doc.blocks) got.emplace_back(b.role, b.text);
  REQUIRE(got.size() == 6);
  CHECK(got[1].second == "The council voted to close the pool, the mayor said on Monday.");
  CHECK(got[2].first == BlockRole::kHeading);
  CHECK(got[3].first == BlockRole::kQuotation);
  CHECK(got[4].first == BlockRole::kListItem);
  CHECK(got[5].second == "Use with two spaces.");
}

TEST_CASE("Markdown links keep their URL and span", "[markdown]") {
  Document doc = ReadMd(kArticle);
  const Block& b = doc.blocks[1];
  REQUIRE(b.links.size() == 1);
  CHECK(b.links[0].url == "https://example.org/vote");
  CHECK(b.text.substr(b.links[0].begin, b.links[0].end - b.links[0].begin) == "Monday");
}

TEST_CASE("Markdown text maps back to the bytes of the file", "[markdown][positions]") {
  const std::string text = kArticle;
  Document doc = ReadMd(text);
  const Block& b = doc.blocks[1];
  const size_t said = b.text.find("said");
  CHECK(text.substr(b.offsets.ToFile(said), 4) == "said");
  const size_t monday = b.text.find("Monday");
  CHECK(text.substr(b.offsets.ToFile(monday), 6) == "Monday");
  const Block& headline = doc.blocks[0];
  CHECK(text.substr(headline.offsets.ToFile(0), 7) == "Council");
}

TEST_CASE("A finding in Markdown points at the right line and column", "[markdown][positions]") {
  FileReport r = testing::AuditString(kArticle, "", "a.md");
  const SentenceVerdict& v = testing::SentenceStartingWith(r, "The council voted");
  LineColumn lc = r.file->Position(v.begin);
  CHECK(lc.line == 7);
  CHECK(lc.column == 1);
  CHECK(r.analysis.publisher == "Valley Herald");
  CHECK(v.attribution.source == "the mayor");
}

TEST_CASE("Broken front matter is an error with its line", "[markdown][errors]") {
  SourceFile file("bad.md", "---\ntitle: [unclosed\n---\n\nBody text here.\n");
  Result<Document> doc = ReadMarkdown(file, testing::NewsRules());
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().line >= 2);
  CHECK(doc.error().message.rfind("front matter is not valid YAML", 0) == 0);
}

TEST_CASE("Formats are told by extension, then by content", "[reader]") {
  CHECK(DetectFormat("a.md", "") == InputFormat::kMarkdown);
  CHECK(DetectFormat("a.MARKDOWN", "") == InputFormat::kMarkdown);
  CHECK(DetectFormat("a.htm", "") == InputFormat::kHtml);
  CHECK(DetectFormat("a.docx", "") == InputFormat::kDocx);
  CHECK(DetectFormat("story", "<?xml version=\"1.0\"?><nitf/>") == InputFormat::kXml);
  CHECK(DetectFormat("story", "<!DOCTYPE html><html>") == InputFormat::kHtml);
  CHECK(DetectFormat("story", std::string("PK\x03\x04", 4)) == InputFormat::kDocx);
  CHECK(DetectFormat("story", "Plain words.") == InputFormat::kText);
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

TEST_CASE("Front matter audit settings and character references", "[markdown]") {
  FileReport r = testing::AuditString(
      "---\ntitle: Talking Pools&#58; A Report\naudit:\n  publisher: Valley Herald\n  skip: "
      "[anonymous-source]\n---\n\n"
      "A senior official said the pool would close in May.\n",
      "", "a.md");
  CHECK(r.analysis.publisher == "Valley Herald");
  CHECK(r.analysis.sentences.at(0).text == "Talking Pools: A Report");
  CHECK(testing::CountFindings(r, "anonymous-source") == 0);
}

}  // namespace
}  // namespace audit
