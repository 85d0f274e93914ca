#include "base/source_file.h"

#include <algorithm>

#include "base/utf8.h"

namespace audit {

void SourceFile::BuildLineIndex() const {
  line_starts_.push_back(0);
  for (size_t i = 0; i < bytes_.size(); ++i) {
    if (bytes_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

LineColumn SourceFile::Position(size_t offset) const {
  if (line_starts_.empty()) BuildLineIndex();
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  size_t line_start = line_starts_[line_index];
  std::string_view before(bytes_.data() + line_start, offset - line_start);
  return {static_cast<int>(line_index) + 1, static_cast<int>(CountCodePoints(before)) + 1};
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
