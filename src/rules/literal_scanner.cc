#include "rules/literal_scanner.h"

#include <algorithm>
#include <array>

namespace audit {
namespace {

constexpr std::array<uint8_t, 256> kLower = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[static_cast<size_t>(c)] = static_cast<uint8_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return table;
}();

uint8_t Lower(char c) { return kLower[static_cast<unsigned char>(c)]; }

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Whether `text` at `i` (a lead byte) holds a character whose case folding is an ASCII letter:
// U+212A KELVIN SIGN (E2 84 AA) or U+017F LATIN SMALL LETTER LONG S (C5 BF).
bool FoldsToAscii(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  if (byte(i) == 0xE2) return byte(i + 1) == 0x84 && byte(i + 2) == 0xAA;
  return byte(i) == 0xC5 && byte(i + 1) == 0xBF;
}

}  // namespace

LiteralScanner::LiteralScanner(std::vector<std::string> literals)
    : literals_(std::move(literals)), starts_((size_t{1} << kTableBits) / 64) {
  for (size_t i = 0; i < literals_.size(); ++i) {
    std::string& literal = literals_[i];
    for (char& c : literal) c = static_cast<char>(Lower(c));
    if (literal.size() < kMinLength || !IsAscii(literal)) {
      always_.push_back(static_cast<int>(i));
      continue;
    }
    const uint32_t trigram = static_cast<uint32_t>(static_cast<uint8_t>(literal[0])) << 16 |
                             static_cast<uint32_t>(static_cast<uint8_t>(literal[1])) << 8 |
                             static_cast<uint8_t>(literal[2]);
    const uint32_t slot = Slot(trigram);
    starts_[slot / 64] |= uint64_t{1} << (slot % 64);
    by_trigram_.emplace_back(trigram, static_cast<int>(i));
  }
  std::sort(by_trigram_.begin(), by_trigram_.end());
  size_t capacity = 16;
  while (capacity < 2 * by_trigram_.size()) capacity *= 2;
  ranges_.assign(capacity, TrigramRange());
  range_mask_ = static_cast<uint32_t>(capacity - 1);
  for (size_t i = 0; i < by_trigram_.size();) {
    const uint32_t trigram = by_trigram_[i].first;
    size_t end = i;
    while (end < by_trigram_.size() && by_trigram_[end].first == trigram) ++end;
    uint32_t at = Slot(trigram) & range_mask_;
    while (ranges_[at].trigram != kNoTrigram) at = (at + 1) & range_mask_;
    ranges_[at] = {trigram, static_cast<uint32_t>(i), static_cast<uint32_t>(end)};
    i = end;
  }
}

const LiteralScanner::TrigramRange* LiteralScanner::RangeOf(uint32_t trigram) const {
  for (uint32_t at = Slot(trigram) & range_mask_;; at = (at + 1) & range_mask_) {
    const TrigramRange& r = ranges_[at];
    if (r.trigram == trigram) return &r;
    if (r.trigram == kNoTrigram) return nullptr;
  }
}

void LiteralScanner::FindAll(std::string_view text, std::vector<int>* found,
                             std::vector<uint8_t>* seen) const {
  found->clear();
  // `seen` is all zero between calls: only the literals found are marked, and unmarked at the end,
  // so a call costs what the text holds, not what the scanner knows (hundreds of atoms).
  if (seen->size() != literals_.size()) seen->assign(literals_.size(), 0);
  const auto mark = [&](int i) {
    uint8_t& s = (*seen)[static_cast<size_t>(i)];
    if (!s) {
      s = 1;
      found->push_back(i);
    }
  };
  for (int i : always_) mark(i);
  uint32_t window = 0;  // the lowered bytes text[i-2..i]
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0xC5 && FoldsToAscii(text, i)) {
      for (int k : *found) (*seen)[static_cast<size_t>(k)] = 0;
      found->resize(literals_.size());
      for (size_t k = 0; k < found->size(); ++k) (*found)[k] = static_cast<int>(k);
      return;
    }
    window = (window << 8 | Lower(c)) & 0xFFFFFF;
    if (i < 2) continue;
    const uint32_t slot = Slot(window);
    if (!(starts_[slot / 64] >> (slot % 64) & 1)) continue;
    const size_t start = i - 2;
    const TrigramRange* range = RangeOf(window);
    if (range == nullptr) continue;  // another trigram with the same bit
    for (uint32_t r = range->begin; r < range->end; ++r) {
      const int index = by_trigram_[r].second;
      const std::string& literal = literals_[static_cast<size_t>(index)];
      if (literal.size() > text.size() - start) continue;
      bool equal = true;
      for (size_t k = kMinLength; k < literal.size() && equal; ++k) {
        equal = Lower(text[start + k]) == static_cast<uint8_t>(literal[k]);
      }
      if (equal) mark(index);
    }
  }
  for (int k : *found) (*seen)[static_cast<size_t>(k)] = 0;
  std::sort(found->begin(), found->end());
}

}  // namespace audit
