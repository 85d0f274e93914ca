// libFuzzer target: ReadDocx (through ReadDocument, as the auditor calls it) on arbitrary bytes. A
// reader may refuse its input with an error, never crash; what it accepts must map every block back
// into the file.
#include "fuzz_support.h"
#include "input/reader.h"
#include "invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const audit::SourceFile file = audit::fuzz::FileFrom(data, size, "article.docx");
  audit::Result<audit::Document> doc = audit::ReadDocument(file, audit::fuzz::NewsRules());
  if (doc.ok()) audit::fuzz::Require(audit::fuzz::DocumentProblem(doc.value(), size).empty());
  return 0;
}
