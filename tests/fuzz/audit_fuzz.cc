// libFuzzer target: the whole audit of one article, in a format chosen by the input's first byte,
// and its JSON result (see invariants.h for what must hold).
#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "invariants.h"
#include "pipeline/auditor.h"
#include "report/json_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kNames[] = {"a.txt", "a.md", "a.html", "a.xml"};
  static const audit::Auditor auditor(audit::fuzz::NewsRules(), {});
  const audit::FileReport report = auditor.AuditText(
      kNames[data[0] % 4], std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  audit::fuzz::Require(audit::fuzz::ReportProblem(report, size - 1).empty());
  audit::fuzz::Require(
      !nlohmann::json::parse(audit::RenderJson(report), nullptr, false).is_discarded());
  return 0;
}
