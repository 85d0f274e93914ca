// Reading Word .docx: paragraphs and styles, what is left out, and archives that are refused.
#include "input/docx_reader.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace audit {
namespace {

Result<Document> ReadFixture(const std::string& name) {
  const std::string path = std::string(AUDIT_SOURCE_DIR) + "/tests/fixtures/docx/" + name;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  SourceFile file(path, bytes.str());
  return ReadDocx(file, testing::NewsRules());
}

TEST_CASE("Word paragraphs and styles become blocks and roles", "[docx]") {
  Result<Document> doc = ReadFixture("article.docx");
  REQUIRE(doc.ok());
  const auto& blocks = doc.value().blocks;
  REQUIRE(blocks.size() == 6);
  CHECK(blocks[0].role == BlockRole::kHeadline);
  CHECK(doc.value().meta.headline == "Council closes the pool");
  CHECK(blocks[1].text ==
        "The council voted on Monday to close the pool, the mayor said.");  // deletion left out
  CHECK(blocks[2].role == BlockRole::kHeading);
  CHECK(blocks[3].role == BlockRole::kQuotation);
  CHECK(blocks[4].role == BlockRole::kListItem);
  CHECK(blocks[5].text == "Tabs and breaks fold.");
}

TEST_CASE("A .docx is audited like any article", "[docx]") {
  const std::string path = std::string(AUDIT_SOURCE_DIR) + "/tests/fixtures/docx/article.docx";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  FileReport r = testing::AuditString(bytes.str(), "", "article.docx");
  REQUIRE_FALSE(r.error.has_value());
  CHECK(testing::SentenceStartingWith(r, "The council voted").attribution.source == "the mayor");
}

TEST_CASE("Damaged and hostile .docx files are refused with a clear error", "[docx][errors]") {
  Result<Document> bomb = ReadFixture("bomb.docx");
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.error().message.rfind("refused: word/document.xml would expand to", 0) == 0);
  Result<Document> missing = ReadFixture("no-document.docx");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "not a Word document: word/document.xml is missing");
  Result<Document> not_zip = ReadFixture("not-a-zip.docx");
  REQUIRE_FALSE(not_zip.ok());
  CHECK(not_zip.error().message.rfind("not a valid .docx (zip) file", 0) == 0);
}

}  // namespace
}  // namespace audit
