// LiteralScanner: which of a fixed list of literal strings occur in a text, ignoring ASCII case,
// in one pass over the text. It finds the atoms of the cue prefilter (words of three bytes or
// more that a rule's match must contain) and answers as RE2::Set would with the same strings
// matched case-insensitively, without a DFA: a DFA over a hundred atoms spends its time waiting
// on memory, while this pass looks up each three-byte window of the text in an 8 KB bit table
// that stays in the L1 cache, and checks the few windows that begin a literal.
//
// The answer may include literals that do not occur, never leave out one that does: a literal it
// cannot look for bytewise (shorter than three bytes, or with a non-ASCII byte, whose other cases
// are other bytes) is reported for every text, and so is every literal when the text has a
// character that Unicode case folding maps onto an ASCII letter (the Kelvin sign folds to "k",
// the long s to "s"), as RE2 would match it.
//
// Immutable once built; FindAll is const and thread-safe (the caller owns the scratch).
#ifndef AUDIT_RULES_LITERAL_SCANNER_H_
#define AUDIT_RULES_LITERAL_SCANNER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace audit {

class LiteralScanner {
 public:
  // Literals shorter than this are not looked for (they are always reported).
  static constexpr size_t kMinLength = 3;

  LiteralScanner() = default;
  // `literals` are matched ignoring ASCII case; index i of FindAll's answer is literals[i].
  explicit LiteralScanner(std::vector<std::string> literals);

  size_t size() const { return literals_.size(); }

  // Sets *found to the indices of the literals that occur in `text`, each once, in increasing
  // order. `seen` is scratch: empty or all zero when passed, and left all zero.
  void FindAll(std::string_view text, std::vector<int>* found, std::vector<uint8_t>* seen) const;

 private:
  static constexpr int kTableBits = 16;
  static uint32_t Slot(uint32_t trigram) { return (trigram * 0x9E3779B1u) >> (32 - kTableBits); }

  std::vector<std::string> literals_;  // lowered
  std::vector<int> always_;            // literals reported for every text
  // A bit per slot of the lowered first three bytes of some literal.
  std::vector<uint64_t> starts_;
  // (lowered first three bytes, literal index), sorted: the literals a window may begin.
  std::vector<std::pair<uint32_t, int>> by_trigram_;
  // Where each first three bytes' literals are in by_trigram_, by open addressing: a window that
  // passes the bit table finds them in a probe or two rather than a binary search.
  struct TrigramRange {
    uint32_t trigram = kNoTrigram;
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  static constexpr uint32_t kNoTrigram = 0xFFFFFFFF;  // trigrams have 24 bits
  std::vector<TrigramRange> ranges_;
  uint32_t range_mask_ = 0;
  const TrigramRange* RangeOf(uint32_t trigram) const;
};

}  // namespace audit

#endif  // AUDIT_RULES_LITERAL_SCANNER_H_
