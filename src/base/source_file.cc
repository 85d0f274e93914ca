#include "base/source_file.h"

#include <algorithm>
#include <cstring>

#include "base/utf8.h"

namespace audit {

void SourceFile::BuildLineIndex() const {
  line_starts_.push_back(0);
  const char* const begin = bytes_.data();
  const char* const end = begin + bytes_.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));) {
    ++p;
    line_starts_.push_back(static_cast<size_t>(p - begin));
  }
}

void SourceFile::BuildColumnIndex() const {
  // Character starts at least kColumnStride bytes apart, with the code points before each: the
  // same walk CountCodePoints makes, so counts from a checkpoint add up exactly.
  size_t next = 0;
  size_t code_points = 0;
  for (size_t i = 0; i < bytes_.size(); ++code_points) {
    if (i >= next) {
      column_checkpoints_.push_back({i, code_points});
      next = i + kColumnStride;
    }
    char32_t cp;
    const size_t len = DecodeUtf8(bytes_, i, &cp);
    i += len ? len : 1;
  }
}

size_t SourceFile::CodePointsBefore(size_t offset) const {
  if (column_checkpoints_.empty()) BuildColumnIndex();
  auto it =
      std::upper_bound(column_checkpoints_.begin(), column_checkpoints_.end(), offset,
                       [](size_t value, const ColumnCheckpoint& c) { return value < c.offset; });
  const ColumnCheckpoint& from = *(it - 1);
  return from.code_points +
         CountCodePoints(std::string_view(bytes_).substr(from.offset, offset - from.offset));
}

size_t SourceFile::LineIndexOf(size_t offset) const {
  // Writers ask in increasing order, a line or two apart: looking on from the last answer's line
  // keeps a long file's positions from each costing a search of a million line starts.
  constexpr size_t kLinesLookedOn = 4;
  if (last_.line_index != SIZE_MAX && line_starts_[last_.line_index] <= offset) {
    for (size_t i = last_.line_index; i < last_.line_index + kLinesLookedOn; ++i) {
      if (i + 1 == line_starts_.size() || offset < line_starts_[i + 1]) return i;
    }
  }
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<size_t>(it - line_starts_.begin()) - 1;
}

LineColumn SourceFile::Position(size_t offset) const {
  if (line_starts_.empty()) BuildLineIndex();
  offset = std::min(offset, bytes_.size());
  const size_t line_index = LineIndexOf(offset);
  const size_t line_start = line_starts_[line_index];
  // Writers ask for positions mostly in increasing order: on the line of the last answer, count on
  // from it. Otherwise count from the line's start, quickest on article-sized lines; a very long
  // line (a whole file without breaks) counts from the nearest checkpoint, so positions stay cheap.
  size_t column;
  if (last_.line_index == line_index && last_.offset <= offset && last_.offset >= line_start) {
    column = last_.column +
             CountCodePoints(std::string_view(bytes_.data() + last_.offset, offset - last_.offset));
  } else if (offset - line_start <= 2 * kColumnStride) {
    column = CountCodePoints(std::string_view(bytes_.data() + line_start, offset - line_start));
  } else {
    column = CodePointsBefore(offset) - CodePointsBefore(line_start);
  }
  last_ = {line_index, offset, column};
  return {static_cast<int>(line_index) + 1, static_cast<int>(column) + 1};
}

std::string_view SourceFile::LineText(size_t offset) const {
  if (line_starts_.empty()) BuildLineIndex();
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t start = *(it - 1);
  size_t end = it == line_starts_.end() ? bytes_.size() : *it - 1;
  if (end > start && bytes_[end - 1] == '\r') --end;
  return std::string_view(bytes_).substr(start, end - start);
}

}  // namespace audit
