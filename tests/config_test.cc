// The project config (.audit.yaml): what it accepts, where it reports mistakes, and what it does to
// a report's findings.
#include "pipeline/config.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.h"

namespace audit {
namespace {

namespace fs = std::filesystem;

using testing::ScratchDir;

Result<Config> LoadText(const ScratchDir& dir, const std::string& text) {
  return LoadConfig(dir.Write(".audit.yaml", text), "/builtin/news");
}

std::string ErrorPosition(const Error& e) {
  return e.file + ":" + std::to_string(e.line) + ":" + std::to_string(e.column);
}

TEST_CASE("A full config loads", "[config]") {
  ScratchDir dir("config-test-full");
  Result<Config> config = LoadText(dir, R"(rules: [news, house]
publisher: {name: Valley Herald, aliases: [the Herald], domains: [valleyherald.example]}
severity: {vague-attribution: error}
disable: [anonymous-source]
min_claim_score: 0.6
include: ["news/**"]
exclude: ["news/drafts/**"]
overrides:
  - files: "opinion/**"
    disable: [unattributed-claim]
)");
  REQUIRE(config.ok());
  const Config& c = config.value();
  REQUIRE(c.packs.size() == 2);
  CHECK(c.packs[0] == "/builtin/news");
  CHECK(c.packs[1] == (fs::path(dir.path()) / "house").string());
  CHECK(c.publisher == "Valley Herald");
  CHECK(c.publisher_aliases == std::vector<std::string>{"the Herald"});
  CHECK(c.publisher_domains == std::vector<std::string>{"valleyherald.example"});
  CHECK(c.top.severity.at("vague-attribution") == Severity::kError);
  CHECK(c.top.disable == std::vector<std::string>{"anonymous-source"});
  REQUIRE(c.min_claim_score.has_value());
  CHECK(*c.min_claim_score == Approx(0.6));
  REQUIRE(c.overrides.size() == 1);
  CHECK(c.overrides[0].files == "opinion/**");
  CHECK(c.rule_mentions.size() == 3);
}

TEST_CASE("The starter config written by init loads", "[config]") {
  ScratchDir dir("config-test-starter");
  Result<Config> config = LoadText(dir, StarterConfig());
  REQUIRE(config.ok());
  CHECK(config.value().packs == std::vector<std::string>{"/builtin/news"});
}

TEST_CASE("Config mistakes name the file, line and column", "[config]") {
  ScratchDir dir("config-test-errors");
  const std::string file = (fs::path(dir.path()) / ".audit.yaml").string();
  struct Case {
    std::string text;
    std::string position;
    std::string message;
  };
  const Case cases[] = {
      {"rules: [news]\nseverty: {x: error}\n", ":2:1", "unknown key 'severty'"},
      {"severity:\n  vague-attribution: loud\n", ":2:22", "must be info, warning or error"},
      {"disable: anonymous-source\n", ":1:10", "expected a list"},
      {"min_claim_score: high\n", ":1:18", "expected a number"},
      {"overrides:\n  - files: x\n    colour: red\n", ":3:5", "unknown key 'colour'"},
      {"rules: [news\n", ":2:1", "end of sequence"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Result<Config> config = LoadText(dir, c.text);
    REQUIRE_FALSE(config.ok());
    CHECK(ErrorPosition(config.error()) == file + c.position);
    CHECK(config.error().message.find(c.message) != std::string::npos);
  }
}

TEST_CASE("A rule id the rules do not define is reported where the config names it", "[config]") {
  ScratchDir dir("config-test-unknown-rule");
  Result<Config> config = LoadText(dir, "disable: [anonymous-source]\nseverity: {vauge: error}\n");
  REQUIRE(config.ok());
  const std::optional<Error> error = config.value().CheckRuleIds({"anonymous-source", "vague"});
  REQUIRE(error.has_value());
  CHECK(error->line == 2);
  CHECK(error->column == 12);
  CHECK(error->message.find("unknown rule 'vauge'") != std::string::npos);
  CHECK_FALSE(config.value().CheckRuleIds({"anonymous-source", "vauge"}).has_value());
}

TEST_CASE("Include and exclude select files relative to the config", "[config]") {
  ScratchDir dir("config-test-select");
  Result<Config> config = LoadText(dir, "include: [\"news/**\"]\nexclude: [\"news/drafts/*\"]\n");
  REQUIRE(config.ok());
  const fs::path base = dir.path();
  CHECK(config.value().Selects((base / "news/2026/a.md").string()));
  CHECK_FALSE(config.value().Selects((base / "news/drafts/b.md").string()));
  CHECK_FALSE(config.value().Selects((base / "notes/c.md").string()));
}

TEST_CASE("Severity, disable, min_claim_score and overrides change findings", "[config]") {
  ScratchDir dir("config-test-apply");
  const std::string article =
      "The council approved the budget on Tuesday, raising spending by 12 percent. "
      "\"We cannot wait,\" one resident said. Experts say the plan will cost jobs.";
  FileReport before = testing::AuditString(article);
  REQUIRE(testing::CountFindings(before, "unattributed-claim") > 0);
  REQUIRE(testing::CountFindings(before, "vague-attribution") > 0);

  Result<Config> config = LoadText(dir, R"(severity: {vague-attribution: error}
disable: [unattributed-claim]
overrides:
  - files: "opinion/**"
    disable: [vague-attribution]
)");
  REQUIRE(config.ok());

  FileReport news =
      testing::AuditString(article, "", (fs::path(dir.path()) / "news/a.txt").string());
  config.value().Apply(&news);
  CHECK(testing::CountFindings(news, "unattributed-claim") == 0);
  REQUIRE(testing::CountFindings(news, "vague-attribution") > 0);
  for (const Finding& f : news.analysis.findings) {
    if (f.rule == "vague-attribution") CHECK(f.severity == Severity::kError);
  }

  FileReport opinion =
      testing::AuditString(article, "", (fs::path(dir.path()) / "opinion/b.txt").string());
  config.value().Apply(&opinion);
  CHECK(testing::CountFindings(opinion, "vague-attribution") == 0);

  Result<Config> strict = LoadText(dir, "min_claim_score: 1.01\n");
  REQUIRE(strict.ok());
  FileReport scored = testing::AuditString(article);
  strict.value().Apply(&scored);
  CHECK(testing::CountFindings(scored, "unattributed-claim") == 0);
  CHECK(testing::CountFindings(scored, "vague-attribution") ==
        testing::CountFindings(before, "vague-attribution"));
}

TEST_CASE("The nearest .audit.yaml above a folder is found", "[config]") {
  ScratchDir dir("config-test-find");
  const std::string top = dir.Write(".audit.yaml", "rules: [news]\n");
  dir.Write("a/b/article.txt", "Text.");
  CHECK(FindConfig((fs::path(dir.path()) / "a/b").string()) == fs::path(top).string());
  CHECK(FindConfig((fs::path(dir.path()) / "a/b/article.txt").string()) == top);
  const std::string inner = dir.Write("a/.audit.yaml", "rules: [news]\n");
  CHECK(FindConfig((fs::path(dir.path()) / "a/b").string()) == inner);
}

TEST_CASE("The publisher becomes an outlet the rules know", "[config]") {
  ScratchDir dir("config-test-publisher");
  Result<Config> config =
      LoadText(dir, "publisher: {name: Valley Herald, domains: [vh.example]}\n");
  REQUIRE(config.ok());
  const std::string yaml = config.value().PublisherOutletYaml();
  CHECK(yaml.find("name: Valley Herald") != std::string::npos);
  CHECK(yaml.find("vh.example") != std::string::npos);
  Result<Config> none = LoadText(dir, "rules: [news]\n");
  REQUIRE(none.ok());
  CHECK(none.value().PublisherOutletYaml().empty());
}

}  // namespace
}  // namespace audit
