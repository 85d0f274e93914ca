// The CI workflow end to end, in a scratch git repository: a clean repository passes, a new
// finding fails, a baseline accepts old findings, a comment suppresses one, a broken config stops
// the run with its position, --changed-since audits only what changed, and `audit init` writes a
// config that works.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;

using Run = audit::testing::CommandResult;

// Runs a shell command in `dir`, capturing stdout and stderr together.
Run RunIn(const fs::path& dir, const std::string& command) {
  return audit::testing::RunCommand("cd '" + dir.string() + "' && " + command);
}

std::string Audit(const std::string& args) {
  // AUDIT_RULES is cleared so the built-in pack is the one compiled in.
  return std::string("env -u AUDIT_RULES NO_COLOR=1 ") + AUDIT_BINARY + " " + args;
}

void Write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// The sentences of every finding in a jsonl report.
std::string FindingSentences(const std::string& jsonl) {
  std::string sentences;
  std::istringstream lines(jsonl);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] != '{') continue;
    const auto file = nlohmann::json::parse(line);
    for (const auto& f : file["findings"]) {
      sentences += file["sentences"][f["sentence"].get<size_t>()]["text"].get<std::string>() + "\n";
    }
  }
  return sentences;
}

// A scratch git repository with one committed, well-attributed article.
class Repo {
 public:
  explicit Repo(const std::string& name)
      : dir_(audit::testing::TempPath("audit-workflow-" + name)) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write(dir_ / "news/pool.md",
          "# Council to close pool\n\n"
          "The city council voted on Monday to close the Eastside pool, the mayor said.\n\n"
          "\"We could not afford the repairs,\" said Dana Ruiz, the council's finance chair.\n");
    REQUIRE(RunIn(dir_, "git init -q && git add -A && " + kCommit + "initial").exit_code == 0);
  }
  ~Repo() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }
  void Commit(const std::string& message) const {
    REQUIRE(RunIn(dir_, "git add -A && " + kCommit + "'" + message + "'").exit_code == 0);
  }

 private:
  inline static const std::string kCommit =
      "git -c user.name=audit-test -c user.email=test@example.invalid commit -q -m ";
  fs::path dir_;
};

const char* kUnsourced =
    "# Budget\n\n"
    "The council approved the budget on Tuesday, raising spending by 12 percent.\n";

TEST_CASE("A clean repository passes and a new unsourced claim fails", "[workflow]") {
  Repo repo("fail");
  CHECK(RunIn(repo.dir(), Audit("check --fail-on warning .")).exit_code == 0);
  Write(repo.dir() / "news/budget.md", kUnsourced);
  const Run run = RunIn(repo.dir(), Audit("check --fail-on warning --format github ."));
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("::warning file=news/budget.md,line=3") != std::string::npos);
  // From a subfolder, CI formats still name files from the repository's top.
  const Run nested = RunIn(repo.dir() / "news", Audit("check --format github budget.md"));
  CHECK(nested.out.find("::warning file=news/budget.md,line=3") != std::string::npos);
  // --fail-on error lets warnings through.
  CHECK(RunIn(repo.dir(), Audit("check --fail-on error .")).exit_code == 0);
}

TEST_CASE("A baseline accepts today's findings and catches tomorrow's", "[workflow]") {
  Repo repo("baseline");
  Write(repo.dir() / "news/budget.md", kUnsourced);
  const Run written = RunIn(repo.dir(), Audit("check --write-baseline ."));
  CHECK(written.exit_code == 0);
  REQUIRE(fs::exists(repo.dir() / ".audit-baseline.json"));
  const auto baseline =
      nlohmann::json::parse(audit::testing::ReadFile(repo.dir() / ".audit-baseline.json"));
  CHECK(!baseline.dump().empty());
  repo.Commit("baseline");
  CHECK(RunIn(repo.dir(), Audit("check --fail-on info --baseline .audit-baseline.json ."))
            .exit_code == 0);

  // Moving the old claim down the file keeps it accepted; a new claim is reported alone.
  Write(repo.dir() / "news/budget.md",
        std::string(kUnsourced) + "\nThe port closed in 2019 after losing its last tenant.\n");
  const Run run =
      RunIn(repo.dir(),
            Audit("check --fail-on warning --baseline .audit-baseline.json --format jsonl ."));
  CHECK(run.exit_code == 1);
  const std::string reported = FindingSentences(run.out);
  CHECK(reported.find("The port closed") != std::string::npos);
  CHECK(reported.find("raising spending") == std::string::npos);
}

TEST_CASE("A comment suppresses one finding in CI", "[workflow]") {
  Repo repo("suppress");
  Write(repo.dir() / "news/budget.md",
        "# Budget\n\n<!-- audit-ignore unattributed-claim -->\n"
        "The council approved the budget on Tuesday, raising spending by 12 percent.\n");
  CHECK(RunIn(repo.dir(), Audit("check --fail-on info .")).exit_code == 0);
}

TEST_CASE("A broken config stops the run with its file, line and column", "[workflow]") {
  Repo repo("config");
  Write(repo.dir() / ".audit.yaml", "rules: [news]\ndisable: [unatributed-claim]\n");
  Run run = RunIn(repo.dir(), Audit("check ."));
  CHECK(run.exit_code == 2);
  CHECK(run.out.find(".audit.yaml:2:11: error: unknown rule 'unatributed-claim'") !=
        std::string::npos);

  Write(repo.dir() / ".audit.yaml", "rules: [news]\nseverity: {vague-attribution: loud}\n");
  run = RunIn(repo.dir(), Audit("check ."));
  CHECK(run.exit_code == 2);
  CHECK(run.out.find(".audit.yaml:2:31: error: severity must be info, warning or error") !=
        std::string::npos);

  // A working config: the claim rule off for this repository, so the unsourced article passes.
  Write(repo.dir() / ".audit.yaml", "disable: [unattributed-claim]\n");
  Write(repo.dir() / "news/budget.md", kUnsourced);
  CHECK(RunIn(repo.dir(), Audit("check --fail-on info news")).exit_code == 0);
}

TEST_CASE("The config is found above the audited path, wherever audit runs", "[workflow]") {
  Repo repo("config-path");
  Write(repo.dir() / ".audit.yaml", "disable: [unattributed-claim]\n");
  Write(repo.dir() / "news/budget.md", kUnsourced);
  const std::string news = (repo.dir() / "news").string();
  CHECK(RunIn(repo.dir().parent_path(), Audit("check --fail-on info '" + news + "'")).exit_code ==
        0);
  CHECK(RunIn(repo.dir().parent_path(),
              Audit("check --fail-on info --config /dev/null '" + news + "'"))
            .exit_code == 1);
}

TEST_CASE("Each file runs under the nearest config above it", "[workflow]") {
  Repo repo("nested-config");
  Write(repo.dir() / "opinion/.audit.yaml", "disable: [unattributed-claim]\n");
  Write(repo.dir() / "opinion/column.md", kUnsourced);
  Write(repo.dir() / "news/budget.md", kUnsourced);
  const Run run = RunIn(repo.dir(), Audit("check --fail-on warning --format jsonl ."));
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("news/budget.md") != std::string::npos);
  const std::string reported = FindingSentences(run.out);
  // The same sentence in both files, reported once: for news/, not for opinion/.
  const size_t first = reported.find("raising spending");
  CHECK(first != std::string::npos);
  CHECK(reported.find("raising spending", first + 1) == std::string::npos);
  CHECK(RunIn(repo.dir(), Audit("check --fail-on warning opinion")).exit_code == 0);
}

// Three folders of one story each, the middle one under a config of its own.
void WriteThreeFolders(const Repo& repo, const std::string& middle_config) {
  for (const char* folder : {"a", "b", "c"}) {
    Write(repo.dir() / folder / "story.md", kUnsourced);
  }
  Write(repo.dir() / "b/.audit.yaml", middle_config);
}

TEST_CASE("Files are reported in walk order whichever config each runs under", "[workflow]") {
  Repo repo("walk-order");
  WriteThreeFolders(repo, "disable: [unattributed-claim]\n");
  const Run run = RunIn(repo.dir(), Audit("check --fail-on never --format jsonl --jobs 2 ."));
  CHECK(run.exit_code == 0);
  const size_t a = run.out.find("a/story.md"), b = run.out.find("b/story.md"),
               c = run.out.find("c/story.md");
  REQUIRE(c != std::string::npos);
  CHECK(a < b);
  CHECK(b < c);
}

TEST_CASE("A broken config met during the walk stops the run with its position", "[workflow]") {
  Repo repo("broken-nested-config");
  WriteThreeFolders(repo, "disable: [unattributed-claim\n");
  const std::string out = (repo.dir() / "out.json").string();
  const Run run =
      RunIn(repo.dir(), Audit("check --fail-on never --format json --output out.json ."));
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("b/.audit.yaml:2:1: error:") != std::string::npos);
  // Nothing after it was audited, and the output file was not written.
  CHECK_FALSE(fs::exists(out));
  const Run stdout_run = RunIn(repo.dir(), Audit("check --fail-on never --format jsonl ."));
  CHECK(stdout_run.exit_code == 2);
  CHECK(stdout_run.out.find("c/story.md") == std::string::npos);
}

TEST_CASE("Config include and exclude choose the files", "[workflow]") {
  Repo repo("select");
  Write(repo.dir() / "drafts/budget.md", kUnsourced);
  Write(repo.dir() / ".audit.yaml", "exclude: [\"drafts/**\"]\n");
  CHECK(RunIn(repo.dir(), Audit("check --fail-on info .")).exit_code == 0);
  Write(repo.dir() / ".audit.yaml", "include: [\"drafts/**\"]\n");
  const Run run = RunIn(repo.dir(), Audit("check --fail-on warning --format jsonl ."));
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("drafts/budget.md") != std::string::npos);
  CHECK(run.out.find("news/pool.md") == std::string::npos);
}

TEST_CASE("--changed-since audits only files changed since a revision", "[workflow]") {
  Repo repo("changed");
  Write(repo.dir() / "news/old.md", kUnsourced);
  repo.Commit("old unsourced article");
  CHECK(RunIn(repo.dir(), Audit("check --fail-on warning --changed-since HEAD .")).exit_code == 0);
  Write(repo.dir() / "news/new.md", kUnsourced);
  const Run run =
      RunIn(repo.dir(), Audit("check --fail-on warning --changed-since HEAD --format jsonl ."));
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("new.md") != std::string::npos);
  CHECK(run.out.find("old.md") == std::string::npos);
  CHECK(RunIn(repo.dir(), Audit("check --changed-since no-such-ref .")).exit_code == 2);
}

TEST_CASE("audit init writes a starter config once", "[workflow]") {
  Repo repo("init");
  const Run first = RunIn(repo.dir(), Audit("init"));
  CHECK(first.exit_code == 0);
  REQUIRE(fs::exists(repo.dir() / ".audit.yaml"));
  CHECK(audit::testing::ReadFile(repo.dir() / ".audit.yaml").find("rules: [news]") !=
        std::string::npos);
  CHECK(RunIn(repo.dir(), Audit("check .")).exit_code == 0);
  const Run second = RunIn(repo.dir(), Audit("init"));
  CHECK(second.exit_code == 2);
  CHECK(second.out.find("already exists") != std::string::npos);
}

}  // namespace

namespace {

TEST_CASE("The worked example of docs/rules.md works", "[workflow][rules]") {
  Repo repo("house-rules");
  Write(repo.dir() / "house-rules/house.yaml",
        "outlets:\n"
        "  - {name: State Radio, aliases: [State Public Radio, SPR], domains: [spr.example]}\n\n"
        "attribution:\n"
        "  - id: first-broadcast-by\n"
        "    description: 'the source is the outlet after the cue.'\n"
        "    pattern: '\\bas\\s+(?P<cue>first\\s+(?:broadcast|reported|aired)\\s+by)\\s'\n"
        "    source: after\n");
  Write(repo.dir() / ".audit.yaml", "rules: [news, ./house-rules]\npublisher: Valley Herald\n");
  Write(repo.dir() / "story.md",
        "Bridge closes\n\nThe bridge will close for six months, as first reported by State "
        "Radio.\n");
  CHECK(RunIn(repo.dir(), Audit("rules --check")).exit_code == 0);
  CHECK(RunIn(repo.dir(), Audit("rules")).out.find("house-rules/house.yaml:5") !=
        std::string::npos);
  const Run explain = RunIn(repo.dir(), Audit("explain story.md:3"));
  CHECK(explain.out.find("cue rule     first-broadcast-by (house-rules/house.yaml:5)") !=
        std::string::npos);
  CHECK(explain.out.find("source       'State Radio'") != std::string::npos);
  CHECK(explain.out.find("source type  outlet") != std::string::npos);
  CHECK(explain.out.find("[secondhand-sourcing]") != std::string::npos);
}

}  // namespace
