#include "base/source_file.h"

#include <catch2/catch.hpp>

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

}  // namespace
}  // namespace audit
