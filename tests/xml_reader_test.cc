// Reading news XML: NITF, NewsML-G2, NewsML 1.2, unknown vocabularies, malformed files, positions.
#include "input/xml_reader.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace audit {
namespace {

Result<Document> ReadXml(const std::string& text) {
  SourceFile file("a.xml", text);
  return ReadNewsXml(file, testing::NewsRules());
}

const char* kNitf =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<nitf>\n"
    "  <head><docdata><doc.copyright holder=\"AP\" year=\"2015\"/></docdata></head>\n"
    "  <body>\n"
    "    <body.head>\n"
    "      <hedline><hl1>Harbour dredging falls behind</hl1></hedline>\n"
    "      <byline>By JANE ORTIZ</byline>\n"
    "    </body.head>\n"
    "    <body.content>\n"
    "      <p>OSLO (AP) &#x2014; The port authority said dredging was late.</p>\n"
    "      <p>Costs rose by &amp;quot;millions&amp;quot;, officials said.</p>\n"
    "    </body.content>\n"
    "  </body>\n"
    "</nitf>\n";

TEST_CASE("NITF gives headline, byline, paragraphs and the wire", "[xml]") {
  Result<Document> doc = ReadXml(kNitf);
  REQUIRE(doc.ok());
  const Document& d = doc.value();
  CHECK(d.meta.headline == "Harbour dredging falls behind");
  CHECK(d.meta.wire == "AP");
  REQUIRE(d.blocks.size() == 4);
  CHECK(d.blocks[0].role == BlockRole::kHeadline);
  CHECK(d.blocks[1].role == BlockRole::kByline);
  CHECK(d.blocks[2].text == "OSLO (AP) \xE2\x80\x94 The port authority said dredging was late.");
}

TEST_CASE("XML text maps back to the bytes of the file past entities", "[xml][positions]") {
  const std::string text = kNitf;
  Result<Document> doc = ReadXml(text);
  REQUIRE(doc.ok());
  const Block& p = doc.value().blocks[2];
  const size_t said = p.text.find("said");
  CHECK(text.substr(p.offsets.ToFile(said), 4) == "said");
  const size_t the = p.text.find("The port");
  CHECK(text.substr(p.offsets.ToFile(the), 8) == "The port");
}

TEST_CASE("NewsML-G2 with inline NITF and a provider", "[xml]") {
  Result<Document> doc = ReadXml(
      "<?xml version=\"1.0\"?>\n"
      "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">\n"
      "  <itemMeta><provider literal=\"reuters.com\"/></itemMeta>\n"
      "  <contentMeta><headline>Gold rises</headline></contentMeta>\n"
      "  <contentSet><inlineXML><nitf><body><body.content>\n"
      "    <p>Gold rose on Tuesday, traders said.</p>\n"
      "  </body.content></body></nitf></inlineXML></contentSet>\n"
      "</newsItem>\n");
  REQUIRE(doc.ok());
  CHECK(doc.value().meta.wire == "Reuters");
  CHECK(doc.value().meta.headline == "Gold rises");
  CHECK(doc.value().blocks.back().text == "Gold rose on Tuesday, traders said.");
}

TEST_CASE("NewsML-G2 inlineData carries HTML paragraphs as text", "[xml]") {
  Result<Document> doc = ReadXml(
      "<newsMessage><itemSet><newsItem><itemMeta><provider literal=\"ansa.it\"/></itemMeta>"
      "<contentSet><inlineData><![CDATA[<p>First paragraph here.</p><p>Second "
      "one.</p>]]></inlineData>"
      "</contentSet></newsItem></itemSet></newsMessage>");
  REQUIRE(doc.ok());
  CHECK(doc.value().meta.wire == "ANSA");
  REQUIRE(doc.value().blocks.size() == 2);
  CHECK(doc.value().blocks[1].text == "Second one.");
}

TEST_CASE("NewsML 1.2 headline and dateline", "[xml]") {
  Result<Document> doc = ReadXml(
      "<NewsML "
      "Version=\"1.2\"><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId>"
      "</NewsIdentifier></Identification><NewsComponent><NewsLines><DateLine>OSLO, May 2 (AFP) "
      "-</DateLine>"
      "<HeadLine>Court accepts receivership</HeadLine></NewsLines><ContentItem><DataContent>"
      "<p>A court accepted the request on Friday, the company said.</p></DataContent></ContentItem>"
      "</NewsComponent></NewsItem></NewsML>");
  REQUIRE(doc.ok());
  CHECK(doc.value().meta.wire == "AFP");
  CHECK(doc.value().meta.headline == "Court accepts receivership");
}

TEST_CASE("Unknown XML and malformed XML are errors", "[xml][errors]") {
  Result<Document> unknown = ReadXml("<?xml version=\"1.0\"?><rss><channel/></rss>");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message == "unsupported XML vocabulary: rss");
  Result<Document> broken = ReadXml("<nitf><body><p>Unclosed</body></nitf>");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().message.rfind("malformed XML: ", 0) == 0);
  CHECK(broken.error().offset.has_value());
}

}  // namespace
}  // namespace audit
