// What must hold of the pipeline's output on any input: shared by the fuzz targets (which abort
// when one fails) and tests/fuzz_regression_test.cc (which replays every input a fuzzer ever
// crashed on). Each returns an empty string when all is well, else the broken invariant.
#ifndef AUDIT_TESTS_FUZZ_INVARIANTS_H_
#define AUDIT_TESTS_FUZZ_INVARIANTS_H_

#include <string>
#include <vector>

#include "input/document.h"
#include "report/file_report.h"
#include "text/segmenter.h"

namespace audit::fuzz {

// Every block maps back into the file's `size` bytes.
inline std::string DocumentProblem(const Document& doc, size_t size) {
  for (const Block& block : doc.blocks) {
    if (block.file_begin > block.file_end || block.file_end > size)
      return "a block's byte range lies outside the file";
    if (!block.text.empty() &&
        (block.offsets.ToFile(0) > size || block.offsets.ToFileEnd(block.text.size()) > size)) {
      return "a block's text maps outside the file";
    }
  }
  return {};
}

// Sentences are non-empty, in order, inside the text, bounded and never overlap.
inline std::string SentencesProblem(const Sentences& sentences, size_t text_size) {
  size_t previous_end = 0;
  for (const Sentence& s : sentences) {
    if (s.begin >= s.end || s.end > text_size) return "a sentence is empty or past the text";
    if (s.begin < previous_end) return "sentences overlap or are out of order";
    if (s.end - s.begin > Segmenter::kMaxSentenceBytes) return "a sentence is over the bound";
    previous_end = s.end;
  }
  return {};
}

// Verdicts point inside the file and at sentences and chains that exist.
inline std::string ReportProblem(const FileReport& report, size_t size) {
  const Analysis& a = report.analysis;
  for (const SentenceVerdict& v : a.sentences) {
    if (v.begin > v.end || v.end > size) return "a sentence's span lies outside the file";
    if (v.attribution.refers_to >= static_cast<int>(a.sentences.size()))
      return "refers_to names a sentence that does not exist";
    if (v.chain >= static_cast<int>(a.chains.size())) return "a sentence names a missing chain";
  }
  for (const Finding& f : a.findings) {
    if (f.sentence >= a.sentences.size()) return "a finding names a missing sentence";
    if (f.begin > f.end || f.end > size) return "a finding's span lies outside the file";
  }
  return {};
}

}  // namespace audit::fuzz

#endif  // AUDIT_TESTS_FUZZ_INVARIANTS_H_
