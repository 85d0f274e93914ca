#include "rules/common_script.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <utility>
#include <vector>

namespace audit {
namespace {

// The blocks of the common script: Basic Latin to the Combining Diacritical Marks (Latin-1, Latin
// Extended-A and B, IPA, spacing modifier letters), and General Punctuation to the Currency Symbols
// assigned before Unicode 14 (RE2's and ICU's tables agree on them).
constexpr char32_t kLatinEnd = 0x36F;
constexpr char32_t kPunctuationBegin = 0x2000;
constexpr char32_t kPunctuationEnd = 0x20BF;

// Characters of those blocks that (?i) matches through a partner outside them (ß and U+1E9E, µ and
// Greek mu, IPA letters and their capitals in Latin Extended-C): a narrowed class misses the
// partner, so texts holding them take the full patterns. tests/common_script_test.cc finds any
// character missing here, or here for no reason.
constexpr char32_t kFoldsOutside[] = {0xB5,  0xDF,  0x23A, 0x23E, 0x23F, 0x240, 0x250, 0x251,
                                      0x252, 0x25C, 0x261, 0x265, 0x266, 0x26A, 0x26B, 0x26C,
                                      0x271, 0x27D, 0x282, 0x287, 0x29D, 0x29E, 0x345};

// kFoldsOutside as a bit per code point of the Latin blocks, so that a text's check is one lookup.
constexpr std::array<uint64_t, (kLatinEnd + 64) / 64> FoldsOutsideBits() {
  std::array<uint64_t, (kLatinEnd + 64) / 64> bits{};
  for (const char32_t c : kFoldsOutside) bits[c / 64] |= uint64_t{1} << (c % 64);
  return bits;
}
constexpr std::array<uint64_t, (kLatinEnd + 64) / 64> kFoldsOutsideBits = FoldsOutsideBits();

// A general category named in a pattern (\pL, \p{Lu}), as ICU's mask; 0 for any other name.
uint32_t CategoryMask(std::string_view name) {
  struct Category {
    const char* name;
    uint32_t mask;
  };
  static constexpr Category kCategories[] = {
      {"L", U_GC_L_MASK},   {"Lu", U_GC_LU_MASK}, {"Ll", U_GC_LL_MASK}, {"Lt", U_GC_LT_MASK},
      {"Lm", U_GC_LM_MASK}, {"Lo", U_GC_LO_MASK}, {"M", U_GC_M_MASK},   {"Mn", U_GC_MN_MASK},
      {"Mc", U_GC_MC_MASK}, {"Me", U_GC_ME_MASK}, {"N", U_GC_N_MASK},   {"Nd", U_GC_ND_MASK},
      {"Nl", U_GC_NL_MASK}, {"No", U_GC_NO_MASK}, {"P", U_GC_P_MASK},   {"Pc", U_GC_PC_MASK},
      {"Pd", U_GC_PD_MASK}, {"Ps", U_GC_PS_MASK}, {"Pe", U_GC_PE_MASK}, {"Pi", U_GC_PI_MASK},
      {"Pf", U_GC_PF_MASK}, {"Po", U_GC_PO_MASK}, {"S", U_GC_S_MASK},   {"Sm", U_GC_SM_MASK},
      {"Sc", U_GC_SC_MASK}, {"Sk", U_GC_SK_MASK}, {"So", U_GC_SO_MASK}, {"Z", U_GC_Z_MASK},
      {"Zs", U_GC_ZS_MASK}, {"Zl", U_GC_ZL_MASK}, {"Zp", U_GC_ZP_MASK},
  };
  for (const Category& c : kCategories) {
    if (name == c.name) return c.mask;
  }
  return 0;
}

// The code points of the common script's blocks in the categories of `mask`, as the inside of a
// bracketed class ("\x{41}-\x{5A}\x{61}-\x{7A}...").
std::string RangesOf(uint32_t mask) {
  std::string out;
  for (const auto& [begin, end] :
       {std::pair(char32_t{0}, kLatinEnd), std::pair(kPunctuationBegin, kPunctuationEnd)}) {
    char32_t run = 0;
    bool in_run = false;
    for (char32_t c = begin; c <= end + 1; ++c) {
      const bool in = c <= end && (U_GET_GC_MASK(static_cast<UChar32>(c)) & mask) != 0;
      if (in && !in_run) run = c;
      if (!in && in_run) {
        fmt::format_to(std::back_inserter(out), "\\x{{{:X}}}", static_cast<uint32_t>(run));
        if (c - 1 != run)
          fmt::format_to(std::back_inserter(out), "-\\x{{{:X}}}", static_cast<uint32_t>(c - 1));
      }
      in_run = in;
    }
  }
  return out;
}

// A property class at `pattern[i]` (a backslash before 'p' or 'P'): its category mask, whether it
// is negated, and where it ends (one past). Mask 0 when it cannot be narrowed.
struct PropertyClass {
  uint32_t mask = 0;
  bool negated = false;
  size_t end = 0;
};

PropertyClass ReadPropertyClass(std::string_view pattern, size_t i) {
  PropertyClass p;
  p.negated = pattern[i + 1] == 'P';
  size_t name_begin = i + 2;
  size_t name_end = name_begin + 1;
  if (name_begin < pattern.size() && pattern[name_begin] == '{') {
    ++name_begin;
    name_end = pattern.find('}', name_begin);
    if (name_end == std::string_view::npos) return p;
    p.end = name_end + 1;
  } else {
    p.end = name_end;
  }
  if (name_end > pattern.size() || name_begin >= name_end) return p;
  std::string_view name = pattern.substr(name_begin, name_end - name_begin);
  if (name.front() == '^') {
    p.negated = !p.negated;
    name.remove_prefix(1);
  }
  p.mask = CategoryMask(name);
  return p;
}

bool IsPropertyClass(std::string_view pattern, size_t i) {
  return pattern[i] == '\\' && i + 1 < pattern.size() &&
         (pattern[i + 1] == 'p' || pattern[i + 1] == 'P');
}

}  // namespace

bool IsCommonScript(char32_t c) {
  if (c <= kLatinEnd) return !(kFoldsOutsideBits[c / 64] >> (c % 64) & 1);
  return c >= kPunctuationBegin && c <= kPunctuationEnd;
}

bool InCommonScript(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (i < n) {
    // Most text is ASCII: 32 bytes at a time, then eight.
    if (i + 32 <= n) {
      uint64_t words[4];
      std::memcpy(words, s + i, sizeof words);
      if (((words[0] | words[1] | words[2] | words[3]) & kHighBits) == 0) {
        i += 32;
        continue;
      }
    }
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, sizeof word);
      if ((word & kHighBits) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char b = s[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    char32_t c;
    if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      c = static_cast<char32_t>((b & 0x1F) << 6 | (s[i + 1] & 0x3F));
      i += 2;
    } else if (b == 0xE2 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      c = static_cast<char32_t>(0x2000 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F));
      i += 3;
    } else {
      return false;  // another block, or invalid UTF-8
    }
    if (!IsCommonScript(c)) return false;
  }
  return true;
}

std::optional<std::string> NarrowToCommonScript(std::string_view pattern) {
  std::string out;
  bool narrowed = false;
  // A pattern names the same classes again and again (a word is \p{Lu}[\p{L}.'-]*): each is
  // computed once.
  std::vector<std::pair<uint32_t, std::string>> computed;
  auto ranges_of = [&computed](uint32_t mask) -> const std::string& {
    for (const auto& [m, ranges] : computed) {
      if (m == mask) return ranges;
    }
    return computed.emplace_back(mask, RangesOf(mask)).second;
  };
  for (size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'Q') return std::nullopt;
    if (IsPropertyClass(pattern, i)) {
      const PropertyClass p = ReadPropertyClass(pattern, i);
      const std::string ranges = p.mask == 0 ? "" : ranges_of(p.mask);
      if (ranges.empty()) return std::nullopt;  // unknown, or none in the common script
      out += p.negated ? "[^" : "[";
      out += ranges;
      out += ']';
      narrowed = true;
      i = p.end;
      continue;
    }
    if (c == '\\') {
      out.append(pattern.substr(i, 2));
      i += 2;
      continue;
    }
    if (c != '[') {
      out += c;
      ++i;
      continue;
    }
    // A bracketed class, up to its closing bracket (one first in the class is literal).
    out += c;
    ++i;
    if (i < pattern.size() && pattern[i] == '^') out += pattern[i++];
    const size_t first = i;
    if (i < pattern.size() && pattern[i] == ']') out += pattern[i++];
    while (i < pattern.size() && pattern[i] != ']') {
      if (pattern.compare(i, 2, "[:") == 0) {  // [:alpha:], ASCII in RE2
        const size_t close = pattern.find(":]", i + 2);
        if (close == std::string_view::npos) return std::nullopt;
        out.append(pattern.substr(i, close + 2 - i));
        i = close + 2;
        continue;
      }
      if (IsPropertyClass(pattern, i)) {
        const PropertyClass p = ReadPropertyClass(pattern, i);
        // A negated class has no bracketed form; a class cannot end a range.
        const std::string ranges = p.mask == 0 || p.negated ? "" : ranges_of(p.mask);
        if (ranges.empty()) return std::nullopt;
        if (i > first && pattern[i - 1] == '-') return std::nullopt;
        if (p.end + 1 < pattern.size() && pattern[p.end] == '-' && pattern[p.end + 1] != ']')
          return std::nullopt;
        out += ranges;
        narrowed = true;
        i = p.end;
        continue;
      }
      if (pattern[i] == '\\' && pattern.compare(i, 2, "\\Q") == 0) return std::nullopt;
      const size_t length = pattern[i] == '\\' ? 2 : 1;
      out.append(pattern.substr(i, length));
      i += length;
    }
    if (i >= pattern.size()) return std::nullopt;  // unclosed: RE2 reports it on the full pattern
    out += pattern[i++];
  }
  if (!narrowed) return std::nullopt;
  return out;
}

}  // namespace audit
