// libFuzzer target: the segmenter on arbitrary text (see invariants.h for what must hold).
#include "fuzz_support.h"
#include "invariants.h"
#include "text/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  audit::Sentences sentences;
  audit::Segmenter(audit::fuzz::NewsRules()).Split(text, 0, &sentences);
  audit::fuzz::Require(audit::fuzz::SentencesProblem(sentences, text.size()).empty());
  return 0;
}
