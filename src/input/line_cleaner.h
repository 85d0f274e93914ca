// Turns one line of raw file bytes into analysable text: invalid UTF-8 replaced by U+FFFD (and
// reported), white space runs folded to one space, ends trimmed, with an OffsetMap back into the
// file. Stateless functions.
#ifndef AUDIT_INPUT_LINE_CLEANER_H_
#define AUDIT_INPUT_LINE_CLEANER_H_

#include <string>
#include <string_view>
#include <vector>

#include "input/document.h"

namespace audit {

struct CleanLine {
  std::string text;
  // (text position, file offset) pairs where the text and the file stop advancing together.
  std::vector<std::pair<size_t, size_t>> runs;
  size_t file_begin = 0;  // first byte of the line's content in the file
  size_t file_end = 0;    // past its last byte (before the line break)
};

// Cleans bytes [begin, end) of `file`. Invalid byte sequences add a warning to `warnings`.
CleanLine CleanLineAt(std::string_view file, size_t begin, size_t end,
                      std::vector<InputWarning>* warnings);

// Whether the line's text is exactly the file's bytes from file_begin on: nothing folded inside
// it or replaced (trailing white space may follow it in the file).
bool IsVerbatim(const CleanLine& line);

// Appends `line`, cleaned from `file`, to a block, separated by one space when the block already
// has text. A first line that IsVerbatim is borrowed from `file`, not copied (BlockText).
void AppendLineToBlock(std::string_view file, const CleanLine& line, Block* block);

}  // namespace audit

#endif  // AUDIT_INPUT_LINE_CLEANER_H_
