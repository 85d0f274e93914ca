// The bad-input suite: hostile and broken files in one folder beside a good article. Each bad file
// gets a clear error (or warning) naming it; the good article is still audited; nothing crashes,
// hangs or grows without bound; no input file changes.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "input/html_depth.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// A scratch folder of bad inputs, removed afterwards.
class BadInputs {
 public:
  BadInputs() : dir_(audit::testing::TempPath("audit-bad-input")) {
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
    Write(dir_ / "good.txt", "Pool closes\n\nThe pool closed on Monday, the mayor said.\n");
    Write(dir_ / "empty.txt", "");
    std::string binary(4096, '\0');
    for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 7919) % 256);
    Write(dir_ / "binary.txt", binary);
    // Invalid bytes, an overlong '/', a lone continuation byte and a truncated sequence.
    Write(dir_ / "invalid-utf8.txt",
          "The mayor said \xc0\xaf the pool \xff closed \x80 on \xe2\x80 Monday.\n");
    // A line with no punctuation at all, a few megabytes long.
    std::string line;
    for (int i = 0; i < 600000; ++i) line += "word ";
    Write(dir_ / "long-line.txt", line);
    // Over the size limit: refused before it is read (sparse, so it costs no disk).
    {
      std::ofstream big(dir_ / "huge.txt", std::ios::binary);
      big.seekp((std::streamoff{65} << 20));
      big << "end\n";
    }
    std::string deep = "<html><body>";
    for (int i = 0; i < 10000; ++i) deep += "<div>";
    deep += "<p>The mayor said the pool closed.</p>";
    for (int i = 0; i < 10000; ++i) deep += "</div>";
    Write(dir_ / "deep.html", deep + "</body></html>");
    // Deep, but within the limit: read.
    std::string nested = "<html><body>";
    for (size_t i = 0; i < audit::kMaxHtmlDepth; ++i) nested += "<div>";
    nested += "<p>The mayor said the pool closed.</p>";
    for (size_t i = 0; i < audit::kMaxHtmlDepth; ++i) nested += "</div>";
    Write(dir_ / "nested.html", nested + "</body></html>");
    Write(dir_ / "laughs.xml",
          "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
          " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
          " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
          " <!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n]>\n"
          "<nitf><body><body.content><p>&lol9; The mayor said the pool closed.</p>"
          "</body.content></body></nitf>\n");
    Write(dir_ / "broken.xml", "<nitf><body><p>The mayor said");
    fs::copy(std::string(AUDIT_SOURCE_DIR) + "/tests/fixtures/docx/bomb.docx", dir_ / "bomb.docx");
    fs::create_symlink("/nonexistent/article.txt", dir_ / "gone.txt");
    fs::create_directory_symlink("..", dir_ / "sub" / "loop");
    REQUIRE(mkfifo((dir_ / "pipe.txt").c_str(), 0644) == 0);
  }
  ~BadInputs() { fs::remove_all(dir_); }
  const fs::path& dir() const { return dir_; }

  // Every regular file's bytes, to show nothing was written.
  std::map<std::string, std::string> Snapshot() const {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) {
      if (e.is_regular_file() && !e.is_symlink())
        out[e.path().string()] = audit::testing::ReadFile(e.path());
    }
    return out;
  }

 private:
  fs::path dir_;
};

TEST_CASE("Bad inputs get errors naming the file; the good article is still audited",
          "[bad-input][cli]") {
  BadInputs bad;
  const auto before = bad.Snapshot();
  const std::string out_file = (bad.dir().parent_path() / "audit-bad-input.jsonl").string();
  // `timeout` turns a hang into a failure; /usr/bin/time reports the peak memory.
  const auto run = audit::testing::RunCommand(
      "(timeout 120 /usr/bin/time -f 'peak-kb %M' " + std::string(AUDIT_BINARY) +
      " check --format jsonl --fail-on never --quiet --config /dev/null " + bad.dir().string() +
      " > " + out_file + ")");
  INFO(run.out);
  CHECK(run.exit_code == 2);  // input errors, and no crash (134, 139) or timeout (124)

  std::map<std::string, nlohmann::json> results;
  size_t result_lines = 0;
  std::istringstream lines(audit::testing::ReadFile(out_file));
  for (std::string line; std::getline(lines, line); ++result_lines) {
    const nlohmann::json j = nlohmann::json::parse(line);
    results[fs::path(j["path"].get<std::string>()).filename().string()] = j;
  }
  fs::remove(out_file);
  REQUIRE(results.count("good.txt"));
  CHECK(results["good.txt"]["sentences"][1]["attribution"]["source"] == "the mayor");

  // Errors, each naming its file.
  const std::string dir = bad.dir().string();
  for (const auto& [file, message] : std::vector<std::pair<std::string, std::string>>{
           {"binary.txt", "this looks like a binary file"},
           {"huge.txt", "the file is 65 MB; audit reads articles of up to 64 MB"},
           {"bomb.docx", "refused: word/document.xml would expand to"},
           {"broken.xml", ""},
           {"gone.txt", "broken symbolic link"},
           {"pipe.txt", "not a regular file (a pipe or device)"},
           {"deep.html", "deep.html:1:5013: error: HTML nested more than 1000 elements deep"}}) {
    INFO(file);
    CHECK(run.out.find(dir + "/" + file) != std::string::npos);
    CHECK(run.out.find(message) != std::string::npos);
  }
  CHECK(results["binary.txt"].contains("error"));
  CHECK(results["huge.txt"].contains("error"));
  // Read with warnings or nothing to say, but audited.
  CHECK(results["empty.txt"]["sentences"].empty());
  CHECK(results["invalid-utf8.txt"]["warnings"].size() >= 3);
  CHECK(results["invalid-utf8.txt"]["warnings"][0]["line"] == 1);
  // Nested past what the parser handles in linear time: an error at the tag that goes too deep.
  CHECK(results["deep.html"].contains("error"));
  CHECK(results["deep.html"]["error"]["message"].get<std::string>().find("nested more than") !=
        std::string::npos);
  CHECK(results["deep.html"]["error"]["start"] == 12 + 5 * audit::kMaxHtmlDepth);
  CHECK(results["nested.html"]["sentences"].size() == 1);
  CHECK(results["laughs.xml"]["sentences"].size() == 1);
  // The long line is cut into bounded pieces.
  REQUIRE(results["long-line.txt"]["sentences"].size() > 100);
  for (const auto& s : results["long-line.txt"]["sentences"])
    CHECK(s["text"].get<std::string>().size() <= 5000);
  // The symlink loop was not followed: each of the eleven files appears once.
  CHECK(results.size() == 11);
  CHECK(result_lines == 11);

  // Bounded memory: the whole run, the multi-megabyte line included, stays under 400 MB.
  const size_t at = run.out.find("peak-kb ");
  REQUIRE(at != std::string::npos);
  CHECK(std::stoul(run.out.substr(at + 8)) < 400 * 1024);
  CHECK(bad.Snapshot() == before);
}

TEST_CASE("Text handed over in memory is held to the size files are", "[bad-input]") {
  // As a --stdin-jsonl record's text is: the same bound as a file's, and the same error.
  const audit::FileReport report =
      audit::testing::AuditString(std::string(size_t{65} << 20, 'a'), "", "record.txt");
  REQUIRE(report.error);
  CHECK(report.error->file == "record.txt");
  CHECK(report.error->message == "the article is 65 MB; audit reads articles of up to 64 MB");
  CHECK(report.analysis.sentences.empty());
  // Text within it is audited.
  CHECK_FALSE(audit::testing::AuditString("The pool closed.\n", "", "small.txt").error);
}

TEST_CASE("A rule whose pattern would need too much memory is an error at its position",
          "[bad-input][rules]") {
  // RE2 never backtracks, so no pattern can hang on a sentence; one that compiles to a huge
  // automaton is refused by the memory limit.
  audit::Result<audit::RuleSet> loaded = audit::RuleSet::LoadFiles(
      {{"pack/cues.yaml", "attribution:\n  - id: blowup\n    pattern: '(?P<cue>" +
                              Repeat("\\pL{1000}", 20) + ")'\n"}});
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().line == 3);
  CHECK(loaded.error().message.find("pattern too large") != std::string::npos);
}

TEST_CASE("A role pattern too large to compile is an error at its pattern, in a set or alone",
          "[bad-input][rules]") {
  // Role patterns are only parsed on their own at load, and compiled narrowed to the common
  // script in their sets; one whose full form might not compile is compiled whole at load, and
  // fails at its pattern. A dateline with a credit group is in no set. The same whether the sets
  // are built after the cue rules or beside them on a second thread.
  for (const std::string scope : {"block", "sentence"}) {
    for (const std::string group : {"", "(?P<credit>x)"}) {
      for (const bool compile_beside : {false, true}) {
        if (scope == "sentence" && !group.empty()) continue;
        INFO(scope << " " << group << " compile_beside " << compile_beside);
        audit::Result<audit::RuleSet> loaded = audit::RuleSet::LoadFiles(
            {{"pack/roles.yaml",
              "roles:\n  - role: date\n    pattern: '^\\d+$'\n  - role: dateline\n"
              "    scope: " +
                  scope + "\n    pattern: '^" + group + Repeat("\\pL{1000}", 20) + "'\n"}},
            {.compile_beside = compile_beside});
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error().file == "pack/roles.yaml");
        CHECK(loaded.error().line == 6);
        CHECK(loaded.error().column == 14);  // where the pattern starts
        CHECK(loaded.error().message == "bad pattern: pattern too large - compile failed");
        CHECK(loaded.error().more.empty());
      }
    }
  }
}

TEST_CASE("A claim signal too large to compile is an error at its pattern", "[bad-input][rules]") {
  // Signals are only parsed on their own at load, and compiled narrowed in the signal set; one
  // whose full form might not compile is compiled whole at load.
  audit::Result<audit::RuleSet> loaded =
      audit::RuleSet::LoadFiles({{"pack/claims.yaml",
                                  "claims:\n  signals:\n  - id: digits\n    pattern: '\\d'\n"
                                  "    weight: 1\n  - id: blowup\n    pattern: '" +
                                      Repeat("\\pL{1000}", 20) + "'\n    weight: 1\n"}});
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().file == "pack/claims.yaml");
  CHECK(loaded.error().line == 7);
  CHECK(loaded.error().message == "bad pattern: pattern too large - compile failed");
}

TEST_CASE("Patterns that backtrack in other engines run in linear time", "[bad-input][rules]") {
  const std::string config = audit::testing::TempPath("audit-redos.yaml").string();
  const fs::path pack = audit::testing::TempPath("audit-redos-pack");
  fs::remove_all(pack);
  fs::create_directories(pack);
  Write(pack / "cues.yaml",
        "attribution:\n  - id: redos\n    pattern: '(?P<cue>(x+x+)+y)'\n    source: vague\n");
  Write(config, "rules: [news, " + pack.string() + "]\n");
  const fs::path article = audit::testing::TempPath("audit-redos.txt");
  Write(article, "The mayor said " + std::string(4000, 'x') + " closed.\n");
  const auto run = audit::testing::RunCommand("timeout 20 " + std::string(AUDIT_BINARY) +
                                              " check --fail-on never --config " + config + " " +
                                              article.string());
  CHECK(run.exit_code == 0);
  fs::remove_all(pack);
  fs::remove(config);
  fs::remove(article);
}

}  // namespace
