// PunctuationFilter: whether a text holds the punctuation a pattern needs. Some cue rules have no
// word a match must contain, only punctuation: a speaker's "SMITH:", a credit after a dash. RE2's
// FilteredRE2, asked for atoms of any length, reduces such a pattern to a few strings of
// punctuation and spaces (":", "—", ": "), of which a match needs certain combinations; a text
// lacking a byte of every allowed combination cannot match, and the pattern's own DFA need not
// scan it. That spares most sentences a scan: few have a colon.
//
// The answer is a superset: every byte of an atom being present does not make the atom present,
// and atoms with something that has another case (the outlet names a credit after a colon may cite;
// FilteredRE2 lowers its atoms) are taken to be present. Immutable once built; thread-safe.
#ifndef AUDIT_RULES_PUNCTUATION_FILTER_H_
#define AUDIT_RULES_PUNCTUATION_FILTER_H_

#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace audit {

// The bytes a text holds, a bit each.
class ByteSet {
 public:
  ByteSet() = default;
  explicit ByteSet(std::string_view text) {
    for (const char c : text) Add(static_cast<unsigned char>(c));
  }
  void Add(unsigned char byte) { bits_[byte >> 6] |= uint64_t{1} << (byte & 63); }
  bool Contains(unsigned char byte) const { return bits_[byte >> 6] >> (byte & 63) & 1; }
  // Whether every byte of `other` is in this set.
  bool Holds(const ByteSet& other) const {
    for (size_t i = 0; i < bits_.size(); ++i) {
      if (other.bits_[i] & ~bits_[i]) return false;
    }
    return true;
  }

 private:
  std::array<uint64_t, 4> bits_{};
};

class PunctuationFilter {
 public:
  // At most this many punctuation atoms: an answer is kept for every combination of them.
  static constexpr size_t kMaxAtoms = 10;

  // The filter for `pattern` (compiled with `options`), or null when the pattern needs no
  // punctuation, or too many kinds. Takes the pattern's text: FilteredRE2 compiles its own copy.
  static std::unique_ptr<PunctuationFilter> Build(std::string_view pattern,
                                                  const RE2::Options& options);

  // False when `pattern` cannot match a text holding just the bytes `present`.
  bool MayMatch(const ByteSet& present) const;

  // The bytes of each atom it looks for, and its answer given which of them a text holds (bit i
  // for atoms()[i]): for a caller that finds the bytes its own way.
  const std::vector<ByteSet>& atoms() const { return atoms_; }
  bool MayMatchWith(size_t atoms_present) const { return may_match_[atoms_present]; }

 private:
  PunctuationFilter() = default;
  std::vector<ByteSet> atoms_;  // the bytes of each atom
  // may_match_[m]: FilteredRE2's answer for a text holding the atoms whose bits are set in m.
  std::vector<bool> may_match_;
};

// The punctuation filters of several patterns, which share one pass over a text: each byte their
// atoms use (64 at most) gets a bit, and a text's bytes among them are or-ed together with a table
// load and an or per byte. Immutable once built; thread-safe.
class PunctuationFilters {
 public:
  // Adds `pattern`'s filter as number size(); false, adding nothing, when it has none or its bytes
  // would take the bits past 64.
  bool Add(std::string_view pattern, const RE2::Options& options);
  size_t size() const { return filters_.size(); }

  // The bytes of `text` that any filter uses, as bits.
  uint64_t BytesOf(std::string_view text) const {
    uint64_t present = 0;
    for (const char c : text) present |= byte_bit_[static_cast<unsigned char>(c)];
    return present;
  }
  // False when filter `k`'s pattern cannot match a text whose bytes are `bytes` (from BytesOf).
  bool MayMatch(size_t k, uint64_t bytes) const;
  // False when no filter's pattern can match `text`.
  bool AnyMayMatch(std::string_view text) const;

 private:
  struct Entry {
    std::unique_ptr<PunctuationFilter> filter;
    std::vector<uint64_t> atom_bytes;  // per atom, its bytes as bits of byte_bit_
  };
  std::vector<Entry> filters_;
  std::array<uint64_t, 256> byte_bit_{};
  int bits_used_ = 0;
};

}  // namespace audit

#endif  // AUDIT_RULES_PUNCTUATION_FILTER_H_
