#include "input/line_cleaner.h"

#include "base/utf8.h"

namespace audit {

namespace {

// ASCII and not white space: copied through unchanged.
bool IsPlainAsciiByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b < 0x80 && b != ' ' && !(b >= '\t' && b <= '\r');
}

}  // namespace

CleanLine CleanLineAt(std::string_view file, size_t begin, size_t end,
                      std::vector<InputWarning>* warnings) {
  CleanLine line;
  line.text.reserve(end - begin);
  line.file_begin = begin;
  line.file_end = end;
  bool in_space = true;  // leading white space is dropped
  bool run_open = false;
  size_t space_begin = begin;  // where the white space before the current byte started
  for (size_t i = begin; i < end;) {
    const unsigned char byte = static_cast<unsigned char>(file[i]);
    char32_t cp = byte;
    size_t len = 1;
    if (byte >= 0x80) {
      len = DecodeUtf8(file, i, &cp);
      if (len == 0) {
        warnings->push_back({i, "invalid UTF-8 byte replaced"});
        if (in_space && line.text.empty()) line.file_begin = i;
        line.runs.emplace_back(line.text.size(), i);
        AppendUtf8(kReplacementChar, &line.text);
        ++i;
        // The three bytes of U+FFFD stand for one: the text after them starts a run of its own.
        line.runs.emplace_back(line.text.size(), i);
        run_open = false;
        in_space = false;
        continue;
      }
    }
    if (IsSpace(cp)) {
      if (!in_space) space_begin = i;
      in_space = true;
      i += len;
      continue;
    }
    if (in_space && !line.text.empty()) {
      // One plain space stays in the run (text and file still advance together); any other white
      // space folds to a space that maps to the byte before the word.
      const bool one_space = i == space_begin + 1 && file[space_begin] == ' ';
      if (!one_space || !run_open) {
        line.runs.emplace_back(line.text.size(), i - 1);
        run_open = false;
      }
      line.text.push_back(' ');
    }
    if (line.text.empty()) line.file_begin = i;
    if (!run_open) {
      line.runs.emplace_back(line.text.size(), i);
      run_open = true;
    }
    // The rest of a run of ASCII goes in at once: non-space bytes, and single spaces between them,
    // which stay in the run as they are (the next iteration would add each with no new run).
    size_t next = i + len;
    if (len == 1) {
      while (next < end) {
        if (IsPlainAsciiByte(file[next])) {
          ++next;
        } else if (file[next] == ' ' && next + 1 < end && IsPlainAsciiByte(file[next + 1])) {
          next += 2;
        } else {
          break;
        }
      }
    }
    line.text.append(file.data() + i, next - i);
    in_space = false;
    i = next;
  }
  return line;
}

bool IsVerbatim(const CleanLine& line) {
  // One run from the line's first byte: text and file advance together to the end of the text.
  return line.runs.size() == 1 && line.runs[0] == std::pair<size_t, size_t>(0, line.file_begin);
}

void AppendLineToBlock(std::string_view file, const CleanLine& line, Block* block) {
  if (line.text.empty()) return;
  const bool first = block->text.empty();
  if (first) {
    block->file_begin = line.file_begin;
  } else {
    block->offsets.AddRun(block->text.size(), line.file_begin - 1);
    block->text.push_back(' ');
  }
  const size_t base = block->text.size();
  for (const auto& [pos, offset] : line.runs) block->offsets.AddRun(base + pos, offset);
  if (first && IsVerbatim(line)) {
    // The line's bytes are its text: the block borrows them (a next line makes it a copy).
    block->text = BlockText::Borrow(file.substr(line.file_begin, line.text.size()));
  } else {
    block->text += line.text;
  }
  block->file_end = line.file_end;
}

}  // namespace audit
