// Golden output for every output format, on the fixture repository tests/fixtures/ci-repo. Set
// AUDIT_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review the diff.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "report/ci_writers.h"
#include "report/fingerprint.h"
#include "report/json_writer.h"
#include "report/text_writer.h"
#include "test_support.h"

namespace audit {
namespace {

// The fixture repository tests/fixtures/ci-repo: one article with findings of several severities,
// one broken XML file. Paths are shown relative to the repository, as CI would give them.
std::vector<FileReport> Reports() {
  const std::string repo = std::string(AUDIT_SOURCE_DIR) + "/tests/fixtures/ci-repo/";
  std::vector<FileReport> reports;
  reports.push_back(testing::AuditString(audit::testing::ReadFile(repo + "news/pool.txt"),
                                         "Valley Herald", "news/pool.txt"));
  reports.push_back(
      testing::AuditString(audit::testing::ReadFile(repo + "news/bad.xml"), "", "news/bad.xml"));
  return reports;
}

void CheckGolden(const std::string& format, const std::string& extension) {
  std::ostringstream out;
  if (format == "text" || format == "json" || format == "jsonl") {
    // The streaming formats, assembled as the CLI assembles them.
    ReportTotals totals;
    JsonDocumentWriter json(out);
    if (format == "json") json.Begin();
    for (FileReport& report : Reports()) {
      totals.Add(report);
      if (format == "text") out << TextWriter::RenderFile(report, /*color=*/false);
      if (format == "json") json.File(report);
      if (format == "jsonl") out << RenderJson(report) << '\n';
    }
    if (format == "json") json.End();
    if (format == "text") out << TextWriter::RenderTotals(totals);
  } else {
    WriteCiFormat(format, Reports(), testing::NewsRules(), CiWriterOptions{}, out);
  }
  const std::string path =
      std::string(AUDIT_SOURCE_DIR) + "/tests/golden/" + format + "." + extension;
  if (std::getenv("AUDIT_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << out.str();
  }
  INFO(format);
  CHECK(out.str() == audit::testing::ReadFile(path));
}

TEST_CASE("Every output format matches its golden output", "[ci][golden]") {
  CheckGolden("text", "txt");
  CheckGolden("json", "json");
  CheckGolden("jsonl", "jsonl");
  CheckGolden("sarif", "json");
  CheckGolden("github", "txt");
  CheckGolden("junit", "xml");
  CheckGolden("rdjsonl", "jsonl");
  CheckGolden("gitlab", "json");
  CheckGolden("checkstyle", "xml");
  CheckGolden("markdown", "md");
}

TEST_CASE("GitHub workflow commands escape what would break them", "[ci]") {
  std::vector<FileReport> reports;
  reports.push_back(
      testing::AuditString("Experts say the vote, at 50% turnout, was close.\n", "", "a,b:c.txt"));
  std::ostringstream out;
  WriteGithub(reports, CiWriterOptions{}, out);
  CHECK(out.str().find("file=a%2Cb%3Ac.txt,") != std::string::npos);
}

TEST_CASE("JUnit has a test case even when nothing is found", "[ci]") {
  std::ostringstream out;
  WriteJunit({}, CiWriterOptions{}, out);
  CHECK(out.str().find("<testcase classname=\"audit\" name=\"no articles\"/>") !=
        std::string::npos);
}

TEST_CASE("Fingerprints ignore white space and case, not the rule or file", "[ci]") {
  const std::string a =
      FindingFingerprint("anonymous-source", "a.txt", "A senior  official said\nso.");
  CHECK(a == FindingFingerprint("anonymous-source", "a.txt", "a senior official said so."));
  CHECK(a != FindingFingerprint("vague-attribution", "a.txt", "A senior official said so."));
  CHECK(a != FindingFingerprint("anonymous-source", "b.txt", "A senior official said so."));
  CHECK(a.size() == 16);
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

TEST_CASE("Columns: code points for SARIF and GitHub, UTF-8 bytes for reviewdog", "[ci]") {
  // "Zoë's café" holds two 2-byte characters before the vague source on the same line.
  std::vector<FileReport> reports;
  reports.push_back(testing::AuditString(
      "Zo\xC3\xAB's caf\xC3\xA9 closed. Experts say the plan will cost jobs.\n", "", "a.txt"));
  REQUIRE(testing::CountFindings(reports[0], "vague-attribution") == 1);
  const std::string experts_cp =
      "col=" + std::to_string(std::string("Zoe's cafe closed. ").size() + 1);
  std::ostringstream github, rdjsonl, sarif;
  WriteGithub(reports, CiWriterOptions{}, github);
  WriteRdjsonl(reports, CiWriterOptions{}, rdjsonl);
  WriteSarif(reports, testing::NewsRules(), CiWriterOptions{}, sarif);
  CHECK(github.str().find(experts_cp + ",") != std::string::npos);
  CHECK(rdjsonl.str().find("\"column\":22") != std::string::npos);  // 19 code points + 2 bytes + 1
  CHECK(sarif.str().find("\"startColumn\": 20") != std::string::npos);
  CHECK(sarif.str().find("\"columnKind\": \"unicodeCodePoints\"") != std::string::npos);
}

}  // namespace
}  // namespace audit
