// Reading HTML pages: the article body found and page furniture dropped, metadata, roles, links,
// positions.
#include "input/html_reader.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace audit {
namespace {

const char* kPage =
    "<!DOCTYPE html>\n"
    "<html><head><title>Pool closes | Valley Herald</title>\n"
    "<meta property=\"og:site_name\" content=\"Valley Herald\">\n"
    "<meta name=\"author\" content=\"Jane Ortiz\">\n"
    "<script>document.title = 'changed';</script><style>p { color: red }</style></head>\n"
    "<body class=\"no-sidebars\">\n"
    "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n"
    "<div class=\"share-tools\">Share this on Facebook</div>\n"
    "<article>\n"
    "<h1>Pool closes</h1>\n"
    "<p>The council voted on Monday to close the pool, the mayor said in a\n"
    "<a href=\"https://example.org/minutes\">statement</a>.</p>\n"
    "<blockquote><p>&ldquo;We could not afford the repairs,&rdquo; said Dana "
    "Ruiz.</p></blockquote>\n"
    "<figure><img src=\"pool.jpg\"><figcaption>The pool in 2019.</figcaption></figure>\n"
    "<ul><li>Swimmers protested outside the hall on Tuesday.</li></ul>\n"
    "<p>Repairs would cost &pound;2 million, the council&#39;s report found.</p>\n"
    "</article>\n"
    "<aside class=\"related\"><p>Related: Council budget cut by 5%</p></aside>\n"
    "<footer><p>Copyright Valley Herald</p></footer>\n"
    "</body></html>\n";

Document Read(const std::string& text) {
  SourceFile file("page.html", text);
  Result<Document> doc = ReadHtml(file, testing::NewsRules());
  REQUIRE(doc.ok());
  return doc.take();
}

TEST_CASE("The article body is kept and page furniture dropped", "[html]") {
  Document doc = Read(kPage);
  std::string all;
  for (const auto& b : doc.blocks) (all += b.text.view()) += "\n";
  CHECK(all.find("The council voted") != std::string::npos);
  CHECK(all.find("Home") == std::string::npos);
  CHECK(all.find("Share this") == std::string::npos);
  CHECK(all.find("Related:") == std::string::npos);
  CHECK(all.find("Copyright") == std::string::npos);
  CHECK(all.find("changed") == std::string::npos);
  CHECK(all.find("color") == std::string::npos);
}

TEST_CASE("HTML metadata, headline and roles", "[html]") {
  Document doc = Read(kPage);
  CHECK(doc.meta.publisher == "Valley Herald");
  CHECK(doc.meta.byline == "Jane Ortiz");
  CHECK(doc.meta.headline == "Pool closes");
  REQUIRE(doc.blocks.size() == 6);
  CHECK(doc.blocks[0].role == BlockRole::kHeadline);
  CHECK(doc.blocks[2].role == BlockRole::kQuotation);
  CHECK(doc.blocks[3].role == BlockRole::kCaption);
  CHECK(doc.blocks[4].role == BlockRole::kListItem);
}

TEST_CASE("HTML entities are decoded and links keep their URL", "[html]") {
  Document doc = Read(kPage);
  CHECK(doc.blocks[2].text ==
        "\xE2\x80\x9CWe could not afford the repairs,\xE2\x80\x9D said Dana Ruiz.");
  CHECK(doc.blocks[5].text ==
        "Repairs would cost \xC2\xA3"
        "2 million, the council's report found.");
  const Block& p = doc.blocks[1];
  REQUIRE(p.links.size() == 1);
  CHECK(p.links[0].url == "https://example.org/minutes");
  CHECK(p.text.substr(p.links[0].begin, p.links[0].end - p.links[0].begin) == "statement");
}

TEST_CASE("HTML text maps to the line and column of the page source", "[html][positions]") {
  FileReport r = testing::AuditString(kPage, "", "page.html");
  const SentenceVerdict& v = testing::SentenceStartingWith(r, "Repairs would cost");
  const LineColumn lc = r.file->Position(v.begin);
  CHECK(lc.line == 16);
  CHECK(lc.column == 4);
  const SentenceVerdict& first = testing::SentenceStartingWith(r, "The council voted");
  CHECK(first.attribution.source == "the mayor");
  CHECK(r.analysis.publisher == "Valley Herald");
}

TEST_CASE("Misleading class names around the article fall back to tags alone", "[html]") {
  std::string long_text;
  for (int i = 0; i < 12; ++i)
    long_text +=
        "<p>The council met again on Monday evening to debate the plan for the pool.</p>\n";
  Document doc = Read("<html><body><div class=\"panel-two-col-sidebar\">" + long_text +
                      "</div></body></html>");
  CHECK(doc.blocks.size() >= 12);
}

TEST_CASE("A hostile page is read as text and runs nothing", "[html]") {
  Document doc = Read(
      "<html><body><article><p>Officials said the vote was close.<script>alert(1)</script>"
      "<img src=x onerror=\"alert(2)\"></p><p>More text <b>here</b> and <i>there</i> follows in "
      "this paragraph "
      "so that the article is long enough.</p></article></body></html>");
  for (const auto& b : doc.blocks) CHECK(b.text.find("alert") == std::string::npos);
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

TEST_CASE("A linked cue or source is a cited attribution; a link to another outlet is flagged",
          "[html][links]") {
  FileReport cited = testing::AuditString(
      "<html><body><article><p>Exports fell, <a href=\"https://www.reuters.com/markets/x\">Reuters "
      "reported</a> on Monday, in a story about the harbour and its troubled dredging "
      "contracts.</p>"
      "</article></body></html>",
      "Valley Herald", "page.html");
  const SentenceVerdict& first = testing::SentenceStartingWith(cited, "Exports fell");
  CHECK(cited.analysis.LinkOf(first.attribution) == "https://www.reuters.com/markets/x");
  CHECK(testing::CountFindings(cited, "link-outlet-mismatch") == 0);
  FileReport mismatched = testing::AuditString(
      "<html><body><article><p>Exports fell, according to <a "
      "href=\"https://apnews.com/article/y\">Reuters</a>, "
      "in a story about the harbour and its troubled dredging contracts and the "
      "delays.</p></article></body></html>",
      "Valley Herald", "page.html");
  CHECK(testing::CountFindings(mismatched, "link-outlet-mismatch") == 1);
}

TEST_CASE("An AP story republished on another site rests on AP", "[html][wire]") {
  FileReport r = testing::AuditString(
      "<html><head><meta property=\"og:site_name\" content=\"FOX 17\"></head><body><article>"
      "<h1>Fire damages museum</h1><p>OSLO (AP) \xE2\x80\x94 Police say a fire damaged a museum on "
      "Thursday "
      "and that nobody was hurt in the blaze, which started before "
      "dawn.</p></article></body></html>",
      "", "page.html");
  CHECK(r.analysis.publisher == "FOX 17");
  CHECK(r.analysis.wire == "AP");
  const SentenceVerdict& v = testing::SentenceStartingWith(r, "OSLO (AP)");
  CHECK(v.attribution.via == std::vector<std::string>{"AP"});
  CHECK(v.secondhand);
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

TEST_CASE("JSON-LD names the publisher when og:site_name does not", "[html]") {
  SourceFile file(
      "page.html",
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@type\":\"NewsArticle\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Valley "
      "Herald\"}}"
      "</script></head><body><article><p>The council voted to close the pool on Monday evening "
      "after "
      "a long debate about repairs.</p></article></body></html>");
  Result<Document> doc = ReadHtml(file, testing::NewsRules());
  REQUIRE(doc.ok());
  CHECK(doc.value().meta.publisher == "Valley Herald");
}

}  // namespace
}  // namespace audit
