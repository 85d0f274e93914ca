// The JSON contract: field names and shapes other tools rely on.
#include <catch2/catch.hpp>
#include <sstream>

#include "report/json_writer.h"
#include "test_support.h"

namespace audit {
namespace {

TEST_CASE("JSON output follows the contract", "[json]") {
  FileReport r = testing::AuditString(
      "Envoy says talks failed\n\nThe envoy told Reuters that talks failed on Monday.\n",
      "Daily Courier", "a/b.txt");
  std::ostringstream out;
  JsonDocumentWriter writer(out);
  writer.Begin();
  writer.File(r);
  writer.End();
  const nlohmann::json doc = nlohmann::json::parse(out.str());
  CHECK(doc["version"] == 1);
  const auto& file = doc["files"].at(0);
  CHECK(file["path"] == "a/b.txt");
  CHECK(file["publisher"] == "Daily Courier");
  const auto& s = file["sentences"].at(1);
  for (const char* key : {"id", "text", "start", "end", "line", "column", "role", "claim",
                          "claim_score", "attribution", "secondhand", "chain"}) {
    INFO(key);
    CHECK(s.contains(key));
  }
  CHECK(s["id"] == 1);
  CHECK(s["line"] == 3);
  CHECK(s["column"] == 1);
  CHECK(s["start"] == 25);
  CHECK(s["end"] == 25 + std::string("The envoy told Reuters that talks failed on Monday.").size());
  const auto& a = s["attribution"];
  for (const char* key :
       {"status", "source", "resolved", "source_type", "cue", "via", "refers_to"}) {
    INFO(key);
    CHECK(a.contains(key));
  }
  CHECK(a["status"] == "direct");
  CHECK(a["source"] == "The envoy");
  CHECK(a["source_type"] == "person");
  CHECK(a["cue"] == "told");
  CHECK(a["via"] == nlohmann::json::array({"Reuters"}));
  CHECK(s["secondhand"] == true);
  const auto& chain = file["chains"].at(0);
  CHECK(chain["hops"] == nlohmann::json::array({"Daily Courier", "Reuters", "The envoy"}));
  CHECK(chain["sentences"] == nlohmann::json::array({1}));
  CHECK(chain["secondhand"] == true);
  const auto& finding = file["findings"].at(0);
  for (const char* key : {"rule", "severity", "start", "end", "line", "column", "end_line",
                          "end_column", "message", "sentence"}) {
    INFO(key);
    CHECK(finding.contains(key));
  }
}

TEST_CASE("JSON lines hold one file per line", "[json]") {
  FileReport r = testing::AuditString("The mayor said the pool would reopen.\n");
  std::ostringstream out;
  WriteJsonLine(r, out);
  WriteJsonLine(r, out);
  std::istringstream lines(out.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    CHECK(nlohmann::json::parse(line)["path"] == "article.txt");
    ++count;
  }
  CHECK(count == 2);
}

}  // namespace
}  // namespace audit
