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

TEST_CASE("The streamed JSON is byte for byte what the JSON tree gives", "[json]") {
  std::vector<FileReport> reports;
  reports.push_back(testing::AuditString(
      "Envoy says talks failed\n\nThe envoy told Reuters that talks failed on Monday.\n\n"
      "\"It is over,\" she said. \"We tried.\"\n\nExperts say the deal was reportedly dead, "
      "officials said, after sources told the BBC it had collapsed.\n",
      "Daily Courier", "a/b.txt"));
  // Control characters, quotes, backslashes, a bidi control, non-ASCII and invalid UTF-8.
  reports.push_back(testing::AuditString(
      "Tab\there, \"quoted\" \\ back\x01slash \xe2\x80\xae caf\xc3\xa9 \xff\xfe said the "
      "mayor.\n",
      "", "odd\x7f\xc3.txt"));
  reports.push_back(testing::AuditString("", "", "empty.txt"));
  // A file that could not be read: an error with no position.
  FileReport unreadable;
  unreadable.path = "missing.txt";
  unreadable.error = Error::InFile(ErrorCode::kIo, "missing.txt", "cannot read");
  reports.push_back(std::move(unreadable));
  // A Markdown article with a cited link, HTML with warnings.
  reports.push_back(testing::AuditString(
      "# Pool\n\nThe pool closed, [the council said](https://example.org/c).\n", "", "p.md"));
  reports.push_back(testing::AuditString(
      "<html><body><article><p>The pool closed, the mayor said.</p></article>", "", "p.html"));
  for (const FileReport& r : reports) {
    INFO(r.path);
    CHECK(RenderJson(r) ==
          FileToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

}  // namespace
}  // namespace audit
