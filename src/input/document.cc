#include "input/document.h"

#include <algorithm>

namespace audit {

std::string_view BlockRoleName(BlockRole role) {
  switch (role) {
    case BlockRole::kParagraph:
      return "body";
    case BlockRole::kHeadline:
      return "headline";
    case BlockRole::kDate:
      return "date";
    case BlockRole::kDateline:
      return "dateline";
    case BlockRole::kByline:
      return "byline";
    case BlockRole::kCaption:
      return "caption";
    case BlockRole::kCredit:
      return "credit";
    case BlockRole::kHeading:
      return "heading";
    case BlockRole::kBoilerplate:
      return "boilerplate";
    case BlockRole::kQuotation:
      return "quotation";
    case BlockRole::kListItem:
      return "list_item";
  }
  return "body";
}

void OffsetMap::AddRun(size_t text_pos, size_t file_offset) {
  if (!runs_.empty() && runs_.back().text_pos == text_pos) {
    runs_.back().file_offset = file_offset;
    return;
  }
  runs_.push_back({text_pos, file_offset});
}

size_t OffsetMap::ToFile(size_t pos) const {
  if (runs_.empty()) return std::min(pos, last_);
  auto it = std::upper_bound(runs_.begin(), runs_.end(), pos,
                             [](size_t p, const Run& r) { return p < r.text_pos; });
  if (it == runs_.begin()) return runs_.front().file_offset;
  --it;
  const size_t offset = std::min(it->file_offset + (pos - it->text_pos), last_);
  // Text longer than its bytes (U+FFFD for one invalid byte) must not map past the next run.
  const auto next = std::next(it);
  if (next != runs_.end() && next->file_offset > it->file_offset)
    return std::min(offset, next->file_offset - 1);
  return offset;
}

void OffsetMap::AppendShifted(const OffsetMap& other, size_t shift) {
  for (const Run& r : other.runs_) AddRun(r.text_pos + shift, r.file_offset);
}

void OffsetMap::ClampTo(size_t size) {
  last_ = size == 0 ? 0 : size - 1;
  for (Run& r : runs_) r.file_offset = std::min(r.file_offset, last_);
}

size_t OffsetMap::ToFileEnd(size_t end) const { return end == 0 ? ToFile(0) : ToFile(end - 1) + 1; }

}  // namespace audit
