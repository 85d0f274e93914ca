// Scale-out: `audit check --stdin-jsonl` (records in, one result per line, in order) and `audit
// report --from-jsonl` (the corpus report from result shards), with the record and result readers
// under them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "input/article_record.h"
#include "report/json_reader.h"
#include "report/json_writer.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using audit::testing::RunCommand;

std::string Audit() { return std::string(AUDIT_BINARY); }

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '{') out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

TEST_CASE("An article record gives its id, text, format and publisher", "[stream]") {
  auto r = audit::ParseArticleRecord(
      R"({"id": "a-1", "text": "<p>Hi.</p>", "format": "html", "publisher": "Valley Herald"})",
      "<stdin>", 4);
  REQUIRE(r.ok());
  CHECK(r.value().id == "a-1");
  CHECK(r.value().text == "<p>Hi.</p>");
  CHECK(r.value().extension == ".html");
  CHECK(r.value().publisher == "Valley Herald");

  r = audit::ParseArticleRecord(R"({"id": 17, "text": "Hi."})", "<stdin>", 1);
  REQUIRE(r.ok());
  CHECK(r.value().id == "17");
  CHECK(r.value().extension.empty());
  r = audit::ParseArticleRecord(R"({"text": "Hi."})", "<stdin>", 9);
  REQUIRE(r.ok());
  CHECK(r.value().id == "<stdin>:9");

  struct Bad {
    const char* line;
    const char* message;
  };
  for (const Bad& bad : {Bad{"not json", "not a JSON record"},
                         Bad{"[1, 2]", "a record must be a JSON object with \"text\""},
                         Bad{R"({"id": "x"})", "the record has no \"text\""},
                         Bad{R"({"text": 5})", "\"text\" must be a string"},
                         Bad{R"({"text": "x", "format": "docx"})",
                             "unknown format \"docx\" (expected text, markdown, html or xml; "
                             ".docx cannot travel as text)"},
                         Bad{"{\"text\": \"\xff\"}", "not a JSON record"}}) {
    INFO(bad.line);
    r = audit::ParseArticleRecord(bad.line, "<stdin>", 3);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == bad.message);
    CHECK(r.error().line == 3);
  }
}

TEST_CASE("A result read back from JSON writes the same JSON", "[stream]") {
  const audit::FileReport original = audit::testing::AuditString(
      "# Pool to close\n\nThe council voted to close the pool, the mayor told Reuters.\n\n"
      "\"It is old,\" she said. \"It leaks.\"\n\nA senior official said it would cost more.\n\n"
      "Repairs would take a year, [the engineers wrote](https://example.org/report) in a "
      "report.\n\n"
      "Oil fell after traders told Reuters that supplies were ample.\n",
      "Valley Herald", "story.md");
  const nlohmann::json written = nlohmann::json::parse(audit::RenderJson(original));
  // What the verdict keeps out of line goes round too: the subordinate clause's attribution
  // ("also"), the link (Analysis::links), the cue rule id and the role (views into the rule set,
  // read back into the analysis's own strings).
  REQUIRE(written["sentences"].back().contains("also"));
  const nlohmann::json& linked = written["sentences"][5]["attribution"];
  REQUIRE(linked.contains("link"));
  CHECK(linked["link"] == "https://example.org/report");
  CHECK(linked["rule"] == "reporting-verb");
  CHECK(written["sentences"][0]["role"] == "heading");
  auto read = audit::FileReportFromJson(written, "shard.jsonl", 1);
  REQUIRE(read.ok());
  nlohmann::json again = nlohmann::json::parse(audit::RenderJson(read.value()));
  // Positions come from the file's bytes, which a result does not carry.
  for (nlohmann::json* j : {&again, const_cast<nlohmann::json*>(&written)}) {
    for (auto& s : (*j)["sentences"]) {
      for (const char* k : {"line", "column", "end_line", "end_column"}) s.erase(k);
    }
    for (auto& f : (*j)["findings"]) {
      for (const char* k : {"line", "column", "end_line", "end_column"}) f.erase(k);
    }
  }
  CHECK(again == written);
  CHECK_FALSE(audit::FileReportFromJson(nlohmann::json::array(), "shard.jsonl", 2).ok());
}

TEST_CASE("--stdin-jsonl writes one result per record, in input order", "[stream][cli]") {
  const fs::path dir = audit::testing::TempPath("audit-stream");
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream records(dir / "records.jsonl");
    for (int i = 0; i < 40; ++i) {
      records << nlohmann::json{{"id", "story-" + std::to_string(i)},
                                {"text", "Headline " + std::to_string(i) +
                                             "\n\nThe bridge closed on Monday, the mayor said.\n"}}
                     .dump()
              << "\n";
      if (i == 20)
        records << "\n"
                << "{broken\n";
    }
    records << nlohmann::json{{"id", "html-1"},
                              {"format", "html"},
                              {"publisher", "Harbor City Ledger"},
                              {"text",
                               "<html><body><article><h1>Pool</h1><p>The pool closed, "
                               "officials told Reuters.</p></article></body></html>"}}
                   .dump()
            << "\n";
  }
  const auto run = RunCommand(Audit() + " check --stdin-jsonl --jobs 2 --config /dev/null < " +
                              (dir / "records.jsonl").string());
  CHECK(run.exit_code == 2);  // the broken line
  const auto results = JsonLines(run.out);
  REQUIRE(results.size() == 42);
  for (int i = 0; i <= 20; ++i) CHECK(results[i]["path"] == "story-" + std::to_string(i));
  CHECK(results[21]["path"] == "<stdin>:23");
  CHECK(results[21]["error"]["message"] == "not a JSON record");
  CHECK(results[22]["path"] == "story-21");
  CHECK(results[40]["path"] == "story-39");
  CHECK(results[0]["sentences"][1]["attribution"]["source"] == "the mayor");
  const auto& html = results[41];
  CHECK(html["path"] == "html-1");
  CHECK(html["publisher"] == "Harbor City Ledger");
  CHECK(html["sentences"][1]["secondhand"] == true);
  CHECK(run.out.find("<stdin>:23:1: error: not a JSON record") != std::string::npos);

  CHECK(RunCommand(Audit() + " check --stdin-jsonl " + dir.string() + " < /dev/null").exit_code ==
        2);
  CHECK(RunCommand(Audit() + " check --stdin-jsonl --format sarif < /dev/null").exit_code == 2);
  fs::remove_all(dir);
}

TEST_CASE("A file over 4 MB is streamed to the output with the same result", "[stream][cli]") {
  const fs::path dir = audit::testing::TempPath("audit-huge-json");
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream huge(dir / "b-huge.txt");
    for (int i = 0; i < 80000; ++i)
      huge << "The bridge closed on Monday " << i << " times, the mayor said.\n\n";
    std::ofstream small(dir / "a-small.txt");
    small << "The pool closed, officials told Reuters.\n";
  }
  REQUIRE(fs::file_size(dir / "b-huge.txt") > (4u << 20));
  const auto lines =
      RunCommand(Audit() + " check --format jsonl --jobs 2 --config /dev/null " + dir.string());
  const auto document =
      RunCommand(Audit() + " check --format json --jobs 2 --config /dev/null " + dir.string());
  const size_t newline = lines.out.find('\n');
  REQUIRE(newline != std::string::npos);
  const std::string small = lines.out.substr(0, newline);
  const std::string huge = lines.out.substr(newline + 1, lines.out.size() - newline - 2);
  CHECK(nlohmann::json::parse(small)["sentences"].size() == 1);
  const auto parsed = nlohmann::json::parse(huge);
  CHECK(parsed["sentences"].size() == 80000);
  CHECK(parsed["sentences"][79999]["attribution"]["source"] == "the mayor");
  // The document holds the same text for each file (no second parse of 30 MB of JSON).
  CHECK(document.out == "{\"version\":1,\"files\":[\n" + small + ",\n" + huge + "\n]}\n");
  fs::remove_all(dir);
}

TEST_CASE("audit report --from-jsonl merges shards into the report audit report writes",
          "[stream][cli]") {
  const fs::path dir = audit::testing::TempPath("audit-shards");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string examples = std::string(AUDIT_SOURCE_DIR) + "/examples";
  const std::string cd = "cd " + std::string(AUDIT_SOURCE_DIR) + " && ";
  REQUIRE(RunCommand(cd + Audit() +
                     " check -f jsonl --fail-on never examples/harbor-report.txt > " +
                     (dir / "shard-0.jsonl").string())
              .exit_code == 0);
  REQUIRE(RunCommand(cd + Audit() + " check -f jsonl --fail-on never examples/school-board.txt " +
                     "examples/wire-copy.txt > " + (dir / "shard-1.jsonl").string())
              .exit_code == 0);
  const auto merged =
      RunCommand(cd + Audit() + " report --from-jsonl " + (dir / "shard-0.jsonl").string() + " " +
                 (dir / "shard-1.jsonl").string() + " --out " + (dir / "merged").string());
  CHECK(merged.exit_code == 0);
  CHECK(merged.out.find("3 article page(s)") != std::string::npos);
  const auto direct = RunCommand(cd + Audit() + " report examples/harbor-report.txt " +
                                 "examples/school-board.txt examples/wire-copy.txt --out " +
                                 (dir / "direct").string());
  REQUIRE(direct.exit_code == 0);
  // The same pages and index as auditing the files again.
  for (const char* page :
       {"articles/0001-harbor-report-txt.html", "articles/0002-school-board-txt.html",
        "articles/0003-wire-copy-txt.html", "index.html"}) {
    INFO(page);
    const std::string a = audit::testing::ReadFile(dir / "merged" / page);
    CHECK_FALSE(a.empty());
    CHECK(a == audit::testing::ReadFile(dir / "direct" / page));
  }
  std::ofstream(dir / "bad.jsonl") << "{\"path\": \"ok.txt\", \"sentences\": []}\nnot json\n";
  const auto bad =
      RunCommand(Audit() + " report --from-jsonl " + (dir / "bad.jsonl").string() + " " +
                 (dir / "missing.jsonl").string() + " --out " + (dir / "bad").string());
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.find("bad.jsonl:2:1: error: not a JSON line") != std::string::npos);
  CHECK(bad.out.find("missing.jsonl: error: cannot read the shard") != std::string::npos);
  CHECK(fs::exists(dir / "bad" / "articles" / "0001-ok-txt.html"));
  fs::remove_all(dir);
}

}  // namespace
