// The nesting estimate that keeps pathological pages away from the HTML parser.
#include "input/html_depth.h"

#include <catch2/catch.hpp>
#include <string>

namespace audit {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST_CASE("Nesting depth counts elements that must be closed", "[html][depth]") {
  // Three <div>s and a <section> deep: too deep for 3, not for 4.
  const std::string page =
      "<html><body><div><DIV class=\"a>b\"><div><section>x</section></div>"
      "</div></div></body></html>";
  CHECK(FindTooDeep(page, 4) == std::nullopt);
  REQUIRE(FindTooDeep(page, 3).has_value());
  CHECK(page.compare(*FindTooDeep(page, 3), 9, "<section>") == 0);
  // Closed elements do not add up, however many.
  CHECK(FindTooDeep(Repeat("<div>x</div>", 5000), 1) == std::nullopt);
}

TEST_CASE("Nesting depth leaves out what the parser closes itself", "[html][depth]") {
  // Void elements, optional end tags, self-closed tags.
  CHECK(FindTooDeep(Repeat("<p>one<li>two<br><img src=x><td>three<svg/>", 3000), 2) ==
        std::nullopt);
  // Comments, declarations and stray angle brackets.
  CHECK(FindTooDeep("<!DOCTYPE html><!-- <div><div><div> -->a < b <?x?>", 1) == std::nullopt);
  // Tags inside script or style are text, up to the end tag in any case.
  CHECK(FindTooDeep("<script>var s = '<div><div><div>';</SCRIPT><div></div>", 1) == std::nullopt);
  CHECK(FindTooDeep("<style>a<b{}</style><div><div>", 1).has_value());
}

TEST_CASE("Unclosed elements count as nested", "[html][depth]") {
  const std::string page = "<body>" + Repeat("<div>text", 1500);
  REQUIRE(FindTooDeep(page, kMaxHtmlDepth).has_value());
  CHECK(*FindTooDeep(page, kMaxHtmlDepth) == 6 + kMaxHtmlDepth * 9);  // the 1001st <div>
  CHECK(FindTooDeep(page, 1500) == std::nullopt);
}

}  // namespace
}  // namespace audit
