// Segmenter: splits block text into sentences.
//
// A sentence ends at . ! ? or an ellipsis, after any closing quotes and brackets, when white space
// and then an uppercase letter, a digit or an opening quote follow; always at the end of a block. A
// period does not end a sentence after an initial ("J. K."), after a title abbreviation ("Mr.",
// "Gen."), or after another abbreviation
// ("U.S.", "Jan.", "p.m.") unless the next word usually starts a sentence ("The", "He"). The
// abbreviation lists come from the rule pack. Decimals and thousands ("3.5", "5,000") never split:
// no white space follows.
//
// A "sentence" longer than kMaxSentenceBytes (a run-on list, a file with no punctuation) is cut at
// spaces into pieces of at most that size, so the work and memory per sentence stay bounded.
//
// Holds a reference to the RuleSet, which must outlive it. Stateless between calls; thread-safe.
#ifndef AUDIT_TEXT_SEGMENTER_H_
#define AUDIT_TEXT_SEGMENTER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/dense_array_allocator.h"
#include "input/document.h"
#include "rules/rule_set.h"

namespace audit {

// 32 bits each (12 bytes, not 24): a long document has hundreds of thousands, and an article is at
// most 64 MB (kMaxArticleBytes), so its blocks and offsets fit.
struct Sentence {
  uint32_t block = 0;  // index into Document::blocks
  uint32_t begin = 0;  // span in the block's text
  uint32_t end = 0;
};

// A document's sentences in order: many in a long document, written whole as it is split
// (DenseArrayAllocator).
using Sentences = std::vector<Sentence, DenseArrayAllocator<Sentence>>;

class Segmenter {
 public:
  static constexpr size_t kMaxSentenceBytes = 5000;

  explicit Segmenter(const RuleSet& rules) : rules_(rules) {}

  // Appends the sentences of `text` (the text of block `block_index`) to `out`.
  void Split(std::string_view text, size_t block_index, Sentences* out) const;
  // All sentences of a document, in order.
  Sentences SplitDocument(const Document& doc) const;

 private:
  bool PeriodEndsSentence(std::string_view text, size_t period, size_t next_word) const;
  // Appends [begin, end) of `text`, cut into pieces of at most kMaxSentenceBytes.
  static void PushBounded(std::string_view text, size_t block_index, size_t begin, size_t end,
                          Sentences* out);

  const RuleSet& rules_;
};

}  // namespace audit

#endif  // AUDIT_TEXT_SEGMENTER_H_
