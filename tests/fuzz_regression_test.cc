// Every input a fuzz target ever failed on (tests/fixtures/fuzz-regressions/TARGET/), replayed
// through the same code and the same invariants (tests/fuzz/invariants.h), in the normal suite.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "fuzz/invariants.h"
#include "input/reader.h"
#include "pipeline/auditor.h"
#include "test_support.h"

namespace audit {
namespace {

namespace fs = std::filesystem;

std::string Replay(const std::string& target, const std::string& bytes) {
  // Each reader's target reads through ReadDocument, the name choosing the reader.
  static const std::map<std::string, const char*> kReaders = {
      {"text_reader", "a.txt"}, {"markdown_reader", "a.md"}, {"html_reader", "a.html"},
      {"xml_reader", "a.xml"},  {"docx_reader", "a.docx"},
  };
  if (auto it = kReaders.find(target); it != kReaders.end()) {
    const SourceFile file(it->second, bytes);
    Result<Document> doc = ReadDocument(file, testing::NewsRules());
    return doc.ok() ? fuzz::DocumentProblem(doc.value(), bytes.size()) : std::string();
  }
  if (target == "segmenter") {
    Sentences sentences;
    Segmenter(testing::NewsRules()).Split(bytes, 0, &sentences);
    return fuzz::SentencesProblem(sentences, bytes.size());
  }
  if (target == "audit" && !bytes.empty()) {
    static const char* kNames[] = {"a.txt", "a.md", "a.html", "a.xml"};
    const Auditor auditor(testing::NewsRules(), {});
    const FileReport report =
        auditor.AuditText(kNames[static_cast<unsigned char>(bytes[0]) % 4], bytes.substr(1));
    return fuzz::ReportProblem(report, bytes.size() - 1);
  }
  return "no replay for fuzz target '" + target + "'";
}

TEST_CASE("Inputs the fuzzers failed on hold every invariant now", "[fuzz]") {
  const fs::path root = fs::path(AUDIT_SOURCE_DIR) / "tests/fixtures/fuzz-regressions";
  size_t replayed = 0;
  for (const auto& target : fs::directory_iterator(root)) {
    for (const auto& input : fs::directory_iterator(target.path())) {
      std::ifstream in(input.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      INFO(input.path().string());
      CHECK(Replay(target.path().filename().string(), bytes.str()) == "");
      ++replayed;
    }
  }
  CHECK(replayed >= 2);
}

}  // namespace
}  // namespace audit
