// The command line: exit codes, formats, errors naming the file, and input files left untouched.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "test_support.h"

namespace {

using Run = audit::testing::CommandResult;

Run RunAudit(const std::string& args) {
  return audit::testing::RunCommand(std::string(AUDIT_BINARY) + " " + args);
}

std::string Fixture(const std::string& name) {
  return std::string(AUDIT_SOURCE_DIR) + "/tests/fixtures/" + name;
}

TEST_CASE("Exit 0 when nothing reaches --fail-on", "[cli]") {
  CHECK(RunAudit("check --color never " + Fixture("cli/attributed.txt")).exit_code == 0);
}

TEST_CASE("Exit 1 when a finding reaches --fail-on", "[cli]") {
  CHECK(RunAudit("check --color never " + Fixture("cli/quote.txt")).exit_code == 1);
  CHECK(RunAudit("check --fail-on never " + Fixture("cli/quote.txt")).exit_code == 0);
  CHECK(RunAudit("check --fail-on info " + Fixture("cli/attributed.txt")).exit_code == 1);
}

TEST_CASE("Exit 2 for usage errors", "[cli]") {
  CHECK(RunAudit("check --format nosuch " + Fixture("cli/quote.txt")).exit_code == 2);
  CHECK(RunAudit("frobnicate").exit_code == 2);
}

TEST_CASE("A broken rule pack stops the run with file:line:col and exit 2", "[cli]") {
  Run run = RunAudit("check --rules " + Fixture("bad_rules") + " " + Fixture("cli/quote.txt"));
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("bad_rules/pack.yaml:3:15: error: bad pattern: missing ): (?P<cue>said") !=
        std::string::npos);
}

TEST_CASE("A missing file is reported, the others are still audited, exit 2", "[cli]") {
  Run run = RunAudit("check --format jsonl " + Fixture("cli/nosuch.txt") + " " +
                     Fixture("cli/attributed.txt"));
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("nosuch.txt: error: no such file or folder") != std::string::npos);
  CHECK(run.out.find("\"path\":\"" + Fixture("cli/attributed.txt") + "\"") != std::string::npos);
}

TEST_CASE("Folders are walked recursively, in order, in every format", "[cli]") {
  Run json = RunAudit("check --format json " + Fixture("cli"));
  const auto start = json.out.find('{');
  REQUIRE(start != std::string::npos);
  const nlohmann::json doc = nlohmann::json::parse(json.out.substr(start));
  REQUIRE(doc["files"].size() == 2);
  CHECK(doc["files"][0]["path"].get<std::string>().find("attributed.txt") != std::string::npos);
  Run text = RunAudit("check --color never " + Fixture("cli"));
  CHECK(text.out.find("2 files audited") != std::string::npos);
  CHECK(text.out.find("[unattributed-quote] Quotation without a speaker") != std::string::npos);
}

TEST_CASE("The text report shows path:line:col, the underlined span and the chains", "[cli]") {
  Run run =
      RunAudit("check --color never --publisher \"Daily Courier\" " + Fixture("cli/quote.txt"));
  CHECK(run.out.find("quote.txt:3:1: error [unattributed-quote]") != std::string::npos);
  CHECK(run.out.find("    ^^^^") != std::string::npos);
  CHECK(run.out.find("publisher: Daily Courier") != std::string::npos);
}

TEST_CASE("NO_COLOR and --color never keep escape codes out", "[cli]") {
  Run run = RunAudit("check --color always " + Fixture("cli/quote.txt"));
  CHECK(run.out.find("\x1b[") != std::string::npos);
  Run plain = RunAudit("check " + Fixture("cli/quote.txt"));
  CHECK(plain.out.find("\x1b[") == std::string::npos);  // not a terminal
}

TEST_CASE("Audited files are never written", "[cli]") {
  const std::string before = audit::testing::ReadFile(Fixture("cli/attributed.txt"));
  RunAudit("check --format json " + Fixture("cli"));
  CHECK(audit::testing::ReadFile(Fixture("cli/attributed.txt")) == before);
}

}  // namespace

namespace {

TEST_CASE("--format html writes one article's page; audit report writes a folder", "[cli][html]") {
  Run page = RunAudit("check --format html --fail-on never " + Fixture("cli/attributed.txt"));
  CHECK(page.exit_code == 0);
  CHECK(page.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.out.find("</html>") != std::string::npos);

  Run many = RunAudit("check --format html " + Fixture("cli"));
  CHECK(many.exit_code == 2);
  CHECK(many.out.find("use `audit report PATH... --out DIR`") != std::string::npos);

  const std::string out = audit::testing::TempPath("audit-cli-report");
  std::filesystem::remove_all(out);
  Run report = RunAudit("report " + Fixture("cli") + " --out " + out);
  CHECK(report.exit_code == 0);
  const std::string index = audit::testing::ReadFile(out + "/index.html");
  CHECK(index.find("href=\"articles/0001-attributed-txt.html\"") != std::string::npos);
  CHECK(index.find("href=\"articles/0002-quote-txt.html\"") != std::string::npos);
  CHECK(audit::testing::ReadFile(out + "/articles/0002-quote-txt.html")
            .find("href=\"../index.html\"") != std::string::npos);
  // Written through temporary names: none is left behind.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(out)) {
    CHECK(entry.path().string().find(".tmp-") == std::string::npos);
  }
  std::filesystem::remove_all(out);
  CHECK(RunAudit("report " + Fixture("cli")).exit_code == 2);  // --out is required
}

}  // namespace

namespace {

TEST_CASE("audit rules lists the active rules with where they are defined", "[cli][rules]") {
  Run table = RunAudit("rules --config /dev/null");
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("unattributed-claim") != std::string::npos);
  CHECK(table.out.find("findings.yaml:5)") != std::string::npos);
  CHECK(table.out.find("according-to") != std::string::npos);
  // Cue rules and claim signals show the description their YAML gives them.
  CHECK(table.out.find("Names its source after the cue") != std::string::npos);
  CHECK(table.out.find("Numbers are checkable. [claim score +0.15]") != std::string::npos);

  Run json = RunAudit("rules --config /dev/null --format json");
  REQUIRE(json.exit_code == 0);
  const nlohmann::json rows = nlohmann::json::parse(json.out);
  bool found = false;
  for (const auto& row : rows) {
    if (row["id"] == "anonymous-source") {
      found = true;
      CHECK(row["type"] == "finding");
      CHECK(row["severity"] == "info");
      CHECK(row["line"].get<int>() > 0);
    }
  }
  CHECK(found);
}

TEST_CASE("audit rules shows severities after the config", "[cli][rules]") {
  const std::string config = audit::testing::TempPath("audit-rules-test.yaml").string();
  std::ofstream(config) << "severity: {anonymous-source: error}\ndisable: [loaded-cue]\n";
  Run json = RunAudit("rules --format json --config " + config);
  REQUIRE(json.exit_code == 0);
  for (const auto& row : nlohmann::json::parse(json.out)) {
    if (row["id"] == "anonymous-source") CHECK(row["severity"] == "error");
    if (row["id"] == "loaded-cue") CHECK(row["severity"] == "off");
  }
  std::filesystem::remove(config);
}

TEST_CASE("audit rules --check validates packs and config with positions", "[cli][rules]") {
  Run ok = RunAudit("rules --check --config /dev/null");
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("rules ok:") != std::string::npos);
  Run bad = RunAudit("rules --check --config /dev/null --rules " + Fixture("bad_rules"));
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.find("bad_rules/pack.yaml:3:15: error:") != std::string::npos);
}

}  // namespace

namespace {

TEST_CASE("audit explain shows how a sentence's verdict came about", "[cli][explain]") {
  // attributed.txt, line 3: "The city council voted on Monday to close the Eastside pool, the mayor
  // said."
  Run run = RunAudit("explain --config /dev/null " + Fixture("cli/attributed.txt") + ":3");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("attributed.txt:3:1: sentence 1 of") != std::string::npos);
  CHECK(run.out.find("claim: yes") != std::string::npos);
  CHECK(run.out.find("cue          'said'") != std::string::npos);
  CHECK(run.out.find("attribution.yaml:") != std::string::npos);
  CHECK(run.out.find("source       'the mayor'") != std::string::npos);

  Run by_number =
      RunAudit("explain --config /dev/null " + Fixture("cli/quote.txt") + " --sentence 1");
  CHECK(by_number.exit_code == 0);
  CHECK(by_number.out.find("[unattributed-quote]") != std::string::npos);
  CHECK(by_number.out.find("findings.yaml:") != std::string::npos);
}

TEST_CASE("audit explain reports a line without a sentence as an error", "[cli][explain]") {
  Run blank = RunAudit("explain --config /dev/null " + Fixture("cli/attributed.txt") + ":2");
  CHECK(blank.exit_code == 2);
  CHECK(blank.out.find("no sentence on line 2") != std::string::npos);
  CHECK(RunAudit("explain " + Fixture("cli/attributed.txt")).exit_code == 2);
  CHECK(RunAudit("explain " + Fixture("cli/nosuch.txt:1")).exit_code == 2);
}

}  // namespace

namespace {

TEST_CASE("audit rules --test runs every rule's examples", "[cli][rules]") {
  Run builtin = RunAudit("rules --test --config /dev/null");
  CHECK(builtin.exit_code == 0);
  CHECK(builtin.out.find(" 0 failed") != std::string::npos);
  // Every pattern rule of the built-in pack ships with examples.
  CHECK(builtin.out.find("; 0 rule(s) have no examples") != std::string::npos);

  // The failing pack needs the built-in lexicons; load it beside the news pack through a config.
  const std::string config = audit::testing::TempPath("audit-rules-examples.yaml").string();
  std::ofstream(config) << "rules: [news, " << Fixture("failing_examples") << "]\n";
  Run failing = RunAudit("rules --test --config " + config);
  CHECK(failing.exit_code == 1);
  CHECK(failing.out.find("failing_examples/pack.yaml:6:49: error: rule 'stated' should match: "
                         "The mayor said so.") != std::string::npos);
  CHECK(failing.out.find("failing_examples/pack.yaml:13:11: error: rule 'announced-by' should "
                         "attribute to source 'The council' (organization), got source 'The "
                         "mayor' (person) by rule 'reporting-verb': The mayor announced the "
                         "closure.") != std::string::npos);
  CHECK(failing.out.find("27 with the source they must be attributed to: 2 failed") !=
        std::string::npos);
  std::filesystem::remove(config);
}

}  // namespace

namespace {

TEST_CASE("Every problem of a broken pack is reported in one run, before any article is read",
          "[cli][rules][errors]") {
  const std::string config = audit::testing::TempPath("audit-broken-pack.yaml").string();
  std::ofstream(config) << "rules: [news, " << Fixture("broken_pack") << "]\n";
  const std::string expected[] = {
      "broken_pack/cues.yaml:5:15: error: bad pattern: missing ): \\b(?P<cue>said",
      "broken_pack/cues.yaml:9:25: error: unknown lexicon 'house_verbs'",
      "broken_pack/cues.yaml:14:12: error: 'inner' must be true or false",
      "broken_pack/findings.yaml:4:15: error: severity must be info, warning or error",
      "broken_pack/findings.yaml:10:15: error: 'weight' must be a number",
  };
  for (const std::string& command :
       {"check --config " + config + " " + Fixture("cli"), "rules --check --config " + config}) {
    INFO(command);
    const Run run = RunAudit(command);
    CHECK(run.exit_code == 2);
    for (const std::string& message : expected) CHECK(run.out.find(message) != std::string::npos);
    // One message per problem, and no article was audited.
    size_t errors = 0;
    for (size_t at = run.out.find(": error: "); at != std::string::npos;
         at = run.out.find(": error: ", at + 1)) {
      ++errors;
    }
    CHECK(errors == std::size(expected));
    CHECK(run.out.find("quote.txt") == std::string::npos);
  }
  std::filesystem::remove(config);
}

}  // namespace
