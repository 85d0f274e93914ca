// Line cleaning: white space folded, invalid bytes replaced, and every character of the text mapped
// back to the byte of the file it came from.
#include "input/line_cleaner.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace audit {
namespace {

Block CleanBlock(const std::string& file, std::vector<InputWarning>* warnings) {
  Block block;
  AppendLineToBlock(file, CleanLineAt(file, 0, file.size(), warnings), &block);
  return block;
}

TEST_CASE("Cleaning folds white space and trims the ends", "[reader][clean]") {
  std::vector<InputWarning> warnings;
  const Block block = CleanBlock("  Alpha beta\tgamma  delta \xC3\xA9t\xC3\xA9 x  ", &warnings);
  CHECK(block.text == "Alpha beta gamma delta \xC3\xA9t\xC3\xA9 x");
  CHECK(warnings.empty());
  CHECK(block.offsets.ToFile(0) == 2);                      // "Alpha"
  CHECK(block.offsets.ToFile(6) == 8);                      // "beta", after one plain space
  CHECK(block.offsets.ToFile(11) == 13);                    // "gamma", after a tab
  CHECK(block.offsets.ToFile(17) == 20);                    // "delta", after two spaces
  CHECK(block.offsets.ToFileEnd(block.text.size()) == 33);  // past "x"
}

TEST_CASE("Every character of a cleaned line maps to the byte it came from", "[reader][clean]") {
  const std::string pieces[] = {"a",    "word",     "Longer,words.here", " ",    "  ",   "\t",
                                " \t ", "\xC3\xA9", "\xE2\x82\xAC",      "\xFF", "\xC3", "\xC2\xA0",
                                "x y z"};
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) {
    std::string file;
    const size_t count = random() % 40;
    for (size_t i = 0; i < count; ++i) file += pieces[random() % std::size(pieces)];
    std::vector<InputWarning> warnings;
    const Block block = CleanBlock(file, &warnings);
    // No white space at either end, and never two spaces in a row.
    if (!block.text.empty()) {
      CHECK(block.text.front() != ' ');
      CHECK(block.text.back() != ' ');
    }
    CHECK(block.text.find("  ") == std::string::npos);
    CHECK(block.text.find('\t') == std::string::npos);
    // A borrowed text is the file's bytes where the block starts.
    if (block.text.borrowed()) {
      CHECK(block.text.data() == file.data() + block.file_begin);
      CHECK(block.text == std::string_view(file).substr(block.file_begin, block.text.size()));
    }
    for (size_t p = 0; p < block.text.size(); ++p) {
      const unsigned char c = static_cast<unsigned char>(block.text[p]);
      if (c >= 0x80 || c == ' ') continue;
      const size_t offset = block.offsets.ToFile(p);
      REQUIRE(offset < file.size());
      CHECK(file[offset] == block.text[p]);
    }
  }
}

TEST_CASE("A line whose bytes are its text is borrowed from the file, not copied",
          "[reader][clean]") {
  std::vector<InputWarning> warnings;
  const std::string file = "  The council met on Monday.  ";
  Block block = CleanBlock(file, &warnings);
  REQUIRE(block.text.borrowed());
  CHECK(block.text.data() == file.data() + 2);
  CHECK(block.text == "The council met on Monday.");
  CHECK(block.offsets.ToFile(4) == 6);
  CHECK(block.file_end == file.size());

  // Changing it makes it a copy; the file's bytes stay as they were.
  block.text += " It voted.";
  CHECK_FALSE(block.text.borrowed());
  CHECK(block.text == "The council met on Monday. It voted.");
  CHECK(file == "  The council met on Monday.  ");
}

TEST_CASE("A line the cleaning changed has a text of its own", "[reader][clean]") {
  std::vector<InputWarning> warnings;
  for (const std::string file : {"Two  spaces.", "A\ttab.", "Bad \xFF byte."}) {
    const Block block = CleanBlock(file, &warnings);
    CHECK_FALSE(block.text.borrowed());
  }
  // A second line joins the first: the block's text is a copy with both.
  const std::string file = "First line\nsecond line";
  Block block;
  AppendLineToBlock(file, CleanLineAt(file, 0, 10, &warnings), &block);
  CHECK(block.text.borrowed());
  AppendLineToBlock(file, CleanLineAt(file, 11, file.size(), &warnings), &block);
  CHECK_FALSE(block.text.borrowed());
  CHECK(block.text == "First line second line");
  CHECK(block.offsets.ToFile(11) == 11);
}

}  // namespace
}  // namespace audit
