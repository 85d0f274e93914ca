#include "base/source_file.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"

namespace audit {
namespace {

TEST_CASE("Positions are 1-based lines and code-point columns", "[source_file]") {
  SourceFile file("a.txt",
                  "ab\nc\xC3\xA9"
                  "d\n");
  CHECK(file.Position(0).line == 1);
  CHECK(file.Position(0).column == 1);
  CHECK(file.Position(3).line == 2);
  const LineColumn after_accent = file.Position(6);  // the 'd' after a two-byte character
  CHECK(after_accent.line == 2);
  CHECK(after_accent.column == 3);
  CHECK(file.LineText(4) ==
        "c\xC3\xA9"
        "d");
}

// Code points by the plain walk, one DecodeUtf8 step at a time (an invalid byte counts as one).
size_t NaiveCodePoints(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) {
    char32_t cp;
    const size_t len = DecodeUtf8(s, i, &cp);
    i += len ? len : 1;
  }
  return count;
}

TEST_CASE("Lines and columns agree with a plain count on mixed text", "[source_file]") {
  // ASCII runs longer and shorter than eight bytes, two- and three-byte characters, invalid bytes
  // and a truncated sequence, and line breaks, at every alignment.
  const std::string pieces[] = {"a",        "word ",        "longer words here, ",
                                "\xC3\xA9", "\xE2\x82\xAC", "\n",
                                "\xFF",     "\xE2\x82",     "0123456789abcdef"};
  std::mt19937 random(7);
  std::string text;
  while (text.size() < 20000) text += pieces[random() % std::size(pieces)];
  for (size_t cut : {size_t{0}, size_t{1}, size_t{7}, size_t{8}, size_t{9}, text.size()}) {
    CHECK(CountCodePoints(std::string_view(text).substr(0, cut)) ==
          NaiveCodePoints(std::string_view(text).substr(0, cut)));
  }
  CHECK(CountCodePoints(text) == NaiveCodePoints(text));
  auto expected = [&](size_t offset) {
    const size_t line_start = offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;
    const size_t lines = static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
    return LineColumn{static_cast<int>(lines) + 1,
                      static_cast<int>(NaiveCodePoints(
                          std::string_view(text).substr(line_start, offset - line_start))) +
                          1};
  };
  // Positions are asked for at character starts.
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size();) {
    starts.push_back(i);
    char32_t cp;
    const size_t len = DecodeUtf8(text, i, &cp);
    i += len ? len : 1;
  }
  SourceFile in_order("a.txt", text);
  for (size_t k = 0; k < starts.size(); k += 13) {
    const size_t offset = starts[k];
    const LineColumn got = in_order.Position(offset);
    const LineColumn want = expected(offset);
    REQUIRE(got.line == want.line);
    REQUIRE(got.column == want.column);
  }
  SourceFile shuffled("a.txt", text);
  for (int i = 0; i < 2000; ++i) {
    const size_t offset = starts[random() % starts.size()];
    const LineColumn got = shuffled.Position(offset);
    const LineColumn want = expected(offset);
    REQUIRE(got.line == want.line);
    REQUIRE(got.column == want.column);
  }
}

}  // namespace
}  // namespace audit
