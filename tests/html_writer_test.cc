// The HTML report: every sentence marked by its verdict, escaping of everything an article brings,
// and pages that need nothing from the network.
#include "report/html_writer.h"

#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "test_support.h"

namespace audit {
namespace {

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

const char* kArticle =
    "Council closes pool\n\n"
    "The council voted on Monday to close the pool, the mayor said.\n\n"
    "The city lost 400 jobs last year.\n\n"
    "Experts say the plan will cost jobs.\n\n"
    "The repairs would cost $2 million, Reuters reported, citing a city report.\n";

TEST_CASE("Every sentence is marked with the verdict the analysis gave it", "[html]") {
  const FileReport report = testing::AuditString(kArticle, "Valley Herald", "pool.txt");
  const std::string page = RenderHtmlArticle(report, testing::NewsRules(), "pool.txt");
  const Analysis& a = report.analysis;
  REQUIRE(a.sentences.size() >= 4);
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const std::string mark(SentenceMark(a, i));
    INFO(a.sentences[i].text);
    CHECK(page.find("id=\"s-" + std::to_string(i) + "\" data-id=\"" + std::to_string(i) +
                    "\" data-mark=\"" + mark + "\"") != std::string::npos);
  }
  CHECK(SentenceMark(a, 0) == std::string_view("none"));  // the headline
  CHECK(SentenceMark(a, 1) == std::string_view("attributed"));
  CHECK(SentenceMark(a, 2) == std::string_view("unattributed"));
  CHECK(SentenceMark(a, 3) == std::string_view("weak"));
  CHECK(SentenceMark(a, 4) == std::string_view("secondhand"));
  CHECK(Count(page, "class=\"s v-") == a.sentences.size());
}

TEST_CASE("The page header, chains and filters", "[html]") {
  const FileReport report = testing::AuditString(kArticle, "Valley Herald", "pool.txt");
  const std::string page = RenderHtmlArticle(report, testing::NewsRules(), "pool.txt", "../i.html");
  CHECK(page.find("<h1>Council closes pool</h1>") != std::string::npos);
  CHECK(page.find("<a href=\"../i.html\">") != std::string::npos);
  CHECK(page.find("<b>Valley Herald</b>publisher") != std::string::npos);
  CHECK(page.find("<svg") != std::string::npos);
  CHECK(page.find("Reuters") != std::string::npos);
  for (const char* mark : {"attributed", "unattributed", "secondhand", "weak", "none"}) {
    CHECK(page.find(std::string("data-hide=\"") + mark + "\"") != std::string::npos);
  }
  CHECK(page.find("id=\"rule-vague-attribution\"") != std::string::npos);
  // Sentences with findings carry their worst severity, for the severity filters.
  for (const char* severity : {"error", "warning", "info"}) {
    CHECK(page.find(std::string("data-hide=\"sev-") + severity + "\"") != std::string::npos);
  }
  CHECK(page.find("data-mark=\"weak\" tabindex=\"0\" title=\"weak\" data-findings=\"1\" "
                  "data-severity=\"warning\"") != std::string::npos);
}

TEST_CASE("A hostile article renders as text and cannot reach the network", "[html]") {
  const std::string hostile =
      "<script>document.title='pwned'</script> Officials said the vote failed.\n\n"
      "<img src=x onerror=\"alert(1)\"> The mayor said \xE2\x80\xAE"
      "gnp.exe was safe.\n\n"
      "Click javascript:alert(1) now, the council said. </script><script>alert(2)</script>\n";
  const FileReport report = testing::AuditString(hostile, "", "evil.txt");
  const std::string page = RenderHtmlArticle(report, testing::NewsRules(), "evil<1>.txt");
  // Only the page's own two script elements (data and code) exist.
  CHECK(Count(page, "<script") == 2);
  CHECK(Count(page, "</script>") == 2);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("&lt;script&gt;") != std::string::npos);
  CHECK(page.find("evil&lt;1&gt;.txt") != std::string::npos);
  // The right-to-left override is shown, not obeyed.
  CHECK(page.find("\xE2\x80\xAE") == std::string::npos);
  CHECK(page.find("[U+202E]") != std::string::npos);
  // The data block cannot be closed by article text.
  const size_t data = page.find("id=\"audit-data\">");
  REQUIRE(data != std::string::npos);
  const size_t data_end = page.find("</script>", data);
  CHECK(page.substr(data, data_end - data).find('<') == std::string::npos);
  // No network: a policy forbids it and nothing points outside the page.
  CHECK(page.find("default-src 'none'") != std::string::npos);
  CHECK(!std::regex_search(page, std::regex("(src|href)=\"(https?:)?//")));
}

TEST_CASE("HtmlEscape escapes markup and shows bidi controls", "[html]") {
  CHECK(HtmlEscape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(HtmlEscape("x\xE2\x81\xA6y") == "x[U+2066]y");
  CHECK(HtmlEscape("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(HtmlEscape("bad\xFF") == "bad\xEF\xBF\xBD");
}

TEST_CASE("The corpus index lists every article and the intermediaries", "[html]") {
  const FileReport a = testing::AuditString(kArticle, "Valley Herald", "a.txt");
  const FileReport b = testing::AuditString("Nothing to see.\n", "", "b.txt");
  const std::string page = RenderHtmlIndex({{"Council closes pool", "a.txt", "articles/a.html", &a},
                                            {"<b>", "b.txt", "articles/b.html", &b}});
  CHECK(page.find("<b id=\"stat-articles\">2</b>") != std::string::npos);
  CHECK(page.find("<a href=\"articles/a.html\">Council closes pool</a>") != std::string::npos);
  CHECK(page.find("&lt;b&gt;") != std::string::npos);
  CHECK(page.find("<td>Reuters</td>") != std::string::npos);
  CHECK(page.find("id=\"index-filter\"") != std::string::npos);
}

}  // namespace
}  // namespace audit
