#include "rules/punctuation_filter.h"

#include <re2/filtered_re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>

#include "rules/prefilter_stand_in.h"

namespace audit {
namespace {

// Whether a match must hold `atom` byte for byte: nothing in it has another case. FilteredRE2
// lowers its atoms, so "É" in a pattern is atom "é", whose bytes a text with "É" lacks; a circled
// letter "Ⓐ" is no letter but has a case too.
bool SameInEveryCase(std::string_view atom) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(atom.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(atom.data(), i, length, c);
    if (c < 0 || u_tolower(c) != c || u_toupper(c) != c || u_totitle(c) != c ||
        u_foldCase(c, U_FOLD_CASE_DEFAULT) != c)
      return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<PunctuationFilter> PunctuationFilter::Build(std::string_view pattern,
                                                            const RE2::Options& options) {
  re2::FilteredRE2 filter(1);  // atoms of any length
  int id = -1;
  // The filter is only asked for atoms: it compiles a cheaper pattern with the same ones.
  if (filter.Add(PrefilterStandIn(pattern), options, &id) != RE2::NoError) return nullptr;
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  std::vector<int> ids;
  filter.AllPotentials({}, &ids);
  // No atom, or matching whatever the text holds: nothing to filter on.
  if (atoms.empty() || !ids.empty()) return nullptr;
  // Atoms with a cased letter (words) are taken to be present, a superset: only the rest
  // (punctuation, in practice) is looked for.
  std::unique_ptr<PunctuationFilter> f(new PunctuationFilter);
  std::vector<int> punctuation_atoms, words;
  for (size_t i = 0; i < atoms.size(); ++i) {
    if (!SameInEveryCase(atoms[i])) {
      words.push_back(static_cast<int>(i));
      continue;
    }
    punctuation_atoms.push_back(static_cast<int>(i));
    f->atoms_.push_back(ByteSet(atoms[i]));
  }
  if (punctuation_atoms.empty() || punctuation_atoms.size() > kMaxAtoms) return nullptr;
  // FilteredRE2's answer for every combination of punctuation atoms, asked now: a pattern's
  // prefilter is an and/or tree of its atoms, which a table of 2^atoms answers stands in for.
  const size_t combinations = size_t{1} << punctuation_atoms.size();
  f->may_match_.resize(combinations);
  std::vector<int> present;
  for (size_t m = 0; m < combinations; ++m) {
    // The tree is monotone: with every atom of a combination that may match, and more, a text may
    // match too. A subset of m is a smaller number, answered already.
    bool subset_matches = false;
    for (size_t i = 0; i < punctuation_atoms.size() && !subset_matches; ++i) {
      subset_matches = (m >> i & 1) && f->may_match_[m ^ (size_t{1} << i)];
    }
    if (subset_matches) {
      f->may_match_[m] = true;
      continue;
    }
    present = words;
    for (size_t i = 0; i < punctuation_atoms.size(); ++i) {
      if (m >> i & 1) present.push_back(punctuation_atoms[i]);
    }
    filter.AllPotentials(present, &ids);
    f->may_match_[m] = !ids.empty();
  }
  // Matching without any of its punctuation, the pattern needs none: nothing to filter on.
  if (f->may_match_[0]) return nullptr;
  return f;
}

bool PunctuationFilter::MayMatch(const ByteSet& present) const {
  size_t m = 0;
  for (size_t i = 0; i < atoms_.size(); ++i) {
    if (present.Holds(atoms_[i])) m |= size_t{1} << i;
  }
  return may_match_[m];
}

bool PunctuationFilters::Add(std::string_view pattern, const RE2::Options& options) {
  std::unique_ptr<PunctuationFilter> filter = PunctuationFilter::Build(pattern, options);
  if (!filter) return false;
  std::array<uint64_t, 256> byte_bit = byte_bit_;
  int used = bits_used_;
  for (const ByteSet& atom : filter->atoms()) {
    for (int byte = 0; byte < 256; ++byte) {
      if (!atom.Contains(static_cast<unsigned char>(byte)) || byte_bit[byte]) continue;
      if (used == 64) return false;
      byte_bit[byte] = uint64_t{1} << used++;
    }
  }
  byte_bit_ = byte_bit;
  bits_used_ = used;
  Entry entry;
  for (const ByteSet& atom : filter->atoms()) {
    uint64_t bits = 0;
    for (int byte = 0; byte < 256; ++byte) {
      if (atom.Contains(static_cast<unsigned char>(byte))) bits |= byte_bit_[byte];
    }
    entry.atom_bytes.push_back(bits);
  }
  entry.filter = std::move(filter);
  filters_.push_back(std::move(entry));
  return true;
}

bool PunctuationFilters::MayMatch(size_t k, uint64_t bytes) const {
  const Entry& entry = filters_[k];
  size_t atoms_present = 0;
  for (size_t i = 0; i < entry.atom_bytes.size(); ++i) {
    if (!(entry.atom_bytes[i] & ~bytes)) atoms_present |= size_t{1} << i;
  }
  return entry.filter->MayMatchWith(atoms_present);
}

bool PunctuationFilters::AnyMayMatch(std::string_view text) const {
  const uint64_t bytes = BytesOf(text);
  for (size_t k = 0; k < filters_.size(); ++k) {
    if (MayMatch(k, bytes)) return true;
  }
  return false;
}

}  // namespace audit
