// audit eval: text comparison as ../shared/eval/score.py does it (the expected values below are
// what that script's norm_text, words and norm_name return), sentence alignment, the tallies, gold
// file errors and the command.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "eval/gold.h"
#include "eval/scorer.h"
#include "eval/text_compare.h"
#include "report/eval_writer.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using audit::GoldArticle;
using audit::GoldSentence;
using audit::ToolArticle;
using audit::ToolSentence;

using Words = std::vector<std::string>;

std::string Fixture(const std::string& name) {
  return std::string(AUDIT_SOURCE_DIR) + "/tests/fixtures/eval/" + name;
}

audit::testing::CommandResult RunAudit(const std::string& args) {
  return audit::testing::RunCommand(std::string(AUDIT_BINARY) + " " + args);
}

// A scratch folder holding one gold file with the given text.
class GoldFolder {
 public:
  GoldFolder(const std::string& name, const std::string& yaml)
      : dir_(audit::testing::TempPath("audit-eval-" + name)) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "a.gold.yaml") << yaml;
    std::ofstream(dir_ / "a.txt") << "Dana Ruiz said the bridge would reopen.\n";
  }
  ~GoldFolder() { fs::remove_all(dir_); }
  std::string gold() const { return (dir_ / "a.gold.yaml").string(); }
  std::string dir() const { return dir_.string(); }

 private:
  fs::path dir_;
};

GoldSentence Gold(const std::string& text, bool claim, const std::string& attribution = "none",
                  const std::string& source = "") {
  GoldSentence s;
  s.text = text;
  s.claim = claim;
  s.attribution = attribution;
  s.source = source;
  return s;
}

ToolSentence Tool(const std::string& text, bool claim, bool attributed = false,
                  const std::string& source = "") {
  ToolSentence s;
  s.text = text;
  s.claim = claim;
  s.attributed = attributed;
  s.source = source;
  return s;
}

TEST_CASE("Text is normalised as score.py does: NFKC, quotes, dashes, white space, case",
          "[eval]") {
  CHECK(audit::NormalizeText("  The  \u201cQuote\u201d \u2014\u00a0\ufb01ne\tDone ") ==
        "the \"quote\" - fine done");
  CHECK(audit::NormalizeText("x\u2028y\x1cz") == "x y z");
  CHECK(audit::NormalizeText("\u039f\u0394\u039f\u03a3 \u039a\u0391\u0399") ==
        "\u03bf\u03b4\u03bf\u03c2 \u03ba\u03b1\u03b9");  // final sigma, as str.lower()
  CHECK(audit::NormalizeText("\u0130stanbul") == "i\u0307stanbul");
}

TEST_CASE("Words are Python's \\w runs: letters and numbers of any script, '_'", "[eval]") {
  CHECK(audit::TextWords("\uff21\uff22\uff23 \u2460 3\u00bd") == Words{"abc", "1", "31", "2"});
  CHECK(audit::TextWords("na\u00efve caf\u00e9, it's snake_case") ==
        Words{"na\u00efve", "caf\u00e9", "it", "s", "snake_case"});
  CHECK(audit::TextWords("\u0130stanbul") == Words{"i", "stanbul"});  // U+0307 is a mark
}

TEST_CASE("Names drop a leading article and punctuation and take score.py's aliases", "[eval]") {
  CHECK(audit::NormalizeName("The Associated Press") == "ap");
  CHECK(audit::NormalizeName("the BBC") == "bbc");
  CHECK(audit::NormalizeName("Reuters.") == "reuters");
  CHECK(audit::NormalizeName("  a senior official ") == "senior official");
  CHECK(audit::NormalizeName("AFP/Getty") == "afpgetty");
  CHECK(audit::NormalizeName("an  \"official\"") == "official");
}

TEST_CASE("Sources agree when equal, contained or sharing the last word", "[eval]") {
  CHECK(audit::SameSource("Romanowski", "Brig. Gen. Romanowski"));
  CHECK(audit::SameSource("the ministry", "Ministry of Defence"));
  CHECK(audit::SameSource("Mayor Ruiz", "Dana Ruiz"));
  CHECK(audit::SameSource("AP", "The Associated Press"));
  CHECK_FALSE(audit::SameSource("Reuters", "AP"));
  CHECK_FALSE(audit::SameSource("", "Reuters"));
  CHECK_FALSE(audit::SameSource("Reuters", "..."));
}

TEST_CASE("Alignment matches by words in order and leaves unmatched gold sentences out", "[eval]") {
  const std::vector<GoldSentence> gold = {Gold("The bridge closed on Monday.", true),
                                          Gold("Nothing like this appears.", true),
                                          Gold("Dana Ruiz said it would reopen.", true)};
  // The auditor split the first gold sentence in two and added a byline.
  const std::vector<ToolSentence> tool = {Tool("By Lee Park", false),
                                          Tool("The bridge closed", true), Tool("on Monday.", true),
                                          Tool("Dana Ruiz said it would reopen.", true)};
  const auto match = audit::AlignSentences(gold, tool);
  REQUIRE(match.size() == 3);
  CHECK(match[0] == std::optional<size_t>(1));  // four of five words: F1 0.89 beats 0.33
  CHECK(match[1] == std::nullopt);
  CHECK(match[2] == std::optional<size_t>(3));
}

TEST_CASE("Score tallies each verdict, sources and via as score.py does", "[eval]") {
  GoldArticle article;
  article.gold_path = "a.gold.yaml";
  article.sentences = {Gold("The bridge closed on Monday.", true),
                       Gold("Dana Ruiz said it would reopen in May.", true, "direct", "Dana Ruiz"),
                       Gold("It has been shut twice.", true, "inherited", "Dana Ruiz"),
                       Gold("Lee Park told Reuters the cost was high.", true, "direct", "Lee Park"),
                       Gold("Photo: Harbor City Ledger", false)};
  article.sentences[3].via = {"Reuters"};
  article.sentences[3].secondhand = true;
  ToolArticle tool;
  tool.audited = true;
  tool.sentences = {Tool("The bridge closed on Monday.", true),
                    Tool("Dana Ruiz said it would reopen in May.", true, true, "Ruiz"),
                    Tool("It has been shut twice.", true),  // missed the inheritance
                    Tool("Lee Park told Reuters the cost", true, true, "Reuters"),
                    Tool("was high.", false),
                    Tool("Photo: Harbor City Ledger", true)};
  tool.sentences[3].via = {"ap"};
  tool.sentences[3].secondhand = true;
  const audit::EvalScore s = audit::Score({article}, {tool});
  CHECK(s.sentences == 5);
  CHECK(s.matched == 5);
  CHECK(s.exact == 4);  // the fourth sentence is split differently
  CHECK((s.claim.tp == 4 && s.claim.fp == 1 && s.claim.fn == 0));
  CHECK((s.attributed.tp == 2 && s.attributed.fp == 0 && s.attributed.fn == 1));
  // gold unattributed claims: 0; the auditor's: 0, 2 and the caption.
  CHECK((s.unattributed.tp == 1 && s.unattributed.fp == 2 && s.unattributed.fn == 0));
  CHECK((s.secondhand.tp == 1 && s.secondhand.fp == 0 && s.secondhand.fn == 0));
  CHECK((s.source_agree == 1 && s.source_compared == 2));  // "Reuters" is not Lee Park
  CHECK((s.via_agree == 0 && s.via_compared == 1));        // [ap], gold [reuters]
  CHECK(s.unattributed.Precision() == Approx(1.0 / 3));
  const nlohmann::ordered_json j = audit::EvalSummaryJson(s);
  CHECK(j["split"].get<double>() == 0.8);
  CHECK(j["unattributed"]["f1"].get<double>() == 0.5);
  CHECK(audit::EvalMetric(j, "attributed.r") == Approx(0.6667));
  CHECK_FALSE(audit::EvalMetric(j, "attributed.nope"));
  const std::string text = audit::RenderEvalText(s, true);
  CHECK(text.find("a.gold.yaml#2: attributed false, gold true: It has been shut twice.") !=
        std::string::npos);
  CHECK(text.find("a.gold.yaml#3: via [ap], gold [reuters]") != std::string::npos);
  CHECK(text.find("files 1  gold sentences 5  matched 5  split exactly 4 (80.0%)") !=
        std::string::npos);
  CHECK(text.find("unattributed  P 0.333  R 1.000  F1 0.500   (tp 1, fp 2, fn 0)") !=
        std::string::npos);
  CHECK(text.find("source        1/2 (50.0%)") != std::string::npos);
}

TEST_CASE("An article the auditor could not read scores as no sentences", "[eval]") {
  GoldArticle article;
  article.gold_path = "a.gold.yaml";
  article.article_path = "a.txt";
  article.sentences = {Gold("The bridge closed.", true)};
  const audit::EvalScore s = audit::Score({article}, {ToolArticle{}});
  CHECK(s.matched == 0);
  CHECK(s.claim.fn == 1);
  REQUIRE(s.disagreements.size() == 3);
  CHECK(s.disagreements[0].message == "a.txt: not in the auditor's output");
  CHECK(s.disagreements[1].message == "no matching sentence: The bridge closed.");
  CHECK(s.disagreements[2].message == "claim false, gold true: The bridge closed.");
}

TEST_CASE("Gold files are read with their fields; problems name the line and column", "[eval]") {
  {
    GoldFolder folder("ok", R"(file: a.txt
publisher: Valley Herald
sentences:
  - text: "Dana Ruiz said the bridge would reopen."
    claim: true
    attribution: direct
    source: Dana Ruiz
    source_type: person
    via: [Reuters, AP]
    secondhand: true
    refers_to: 0
)");
    audit::Result<GoldArticle> article = audit::ReadGoldFile(folder.gold());
    REQUIRE(article.ok());
    REQUIRE(article.value().sentences.size() == 1);
    const GoldSentence& s = article.value().sentences[0];
    CHECK(s.claim);
    CHECK(s.attribution == "direct");
    CHECK(s.source == "Dana Ruiz");
    CHECK(s.via == std::vector<std::string>{"Reuters", "AP"});
    CHECK(s.secondhand);
    CHECK(s.refers_to == 0);
    CHECK(article.value().article_path == (fs::path(folder.dir()) / "a.txt").string());
  }
  struct Case {
    const char* yaml;
    int line, column;
    const char* message;
  };
  const Case cases[] = {
      {"file: a.txt\nsentences:\n  - text: x\n    claim: maybe\n", 4, 12,
       "`claim` must be true or false"},
      {"file: a.txt\nsentences:\n  - text: x\n    attribution: quoted\n", 4, 18,
       "`attribution` must be direct, inherited or none, not `quoted`"},
      {"file: a.txt\nsentences:\n  - claim: true\n", 3, 5, "a sentence needs `text`"},
      {"file: a.txt\nsentences:\n  - text: x\n    refers_to: 3\n", 4, 16,
       "`refers_to: 3` points past the last sentence (0)"},
      {"file: a.txt\nsentences:\n  - text: x\n    via: Reuters\n", 4, 10,
       "`via` must be a list of outlets"},
      {"file: a.txt\nsentences: none\n", 2, 12, "`sentences` must be a list"},
      {"sentences: []\n", 1, 1, "a gold file needs `file`: the article's name"},
      {"file: a.txt\nsentences: [\n", 3, 1, ""},  // YAML syntax error: yaml-cpp's own message
  };
  int n = 0;
  for (const Case& c : cases) {
    GoldFolder folder("bad" + std::to_string(n++), c.yaml);
    audit::Result<GoldArticle> article = audit::ReadGoldFile(folder.gold());
    INFO(c.yaml);
    REQUIRE_FALSE(article.ok());
    CHECK(article.error().file == folder.gold());
    CHECK(article.error().line == c.line);
    CHECK(article.error().column == c.column);
    if (*c.message) CHECK(article.error().message == c.message);
  }
}

TEST_CASE("audit eval prints score.py's summary and gates with --min", "[eval][cli]") {
  auto run = RunAudit("eval " + Fixture("") + " --config /dev/null");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("files 1  gold sentences 6  matched 6  split exactly 6 (100.0%)") !=
        std::string::npos);
  CHECK(run.out.find("claim         P 1.000  R 1.000  F1 1.000   (tp 5, fp 0, fn 0)") !=
        std::string::npos);
  CHECK(run.out.find("source        3/3 (100.0%)") != std::string::npos);

  run = RunAudit("eval " + Fixture("") + " --config /dev/null --format json");
  REQUIRE(run.exit_code == 0);
  const auto j = nlohmann::json::parse(run.out);
  CHECK(j["sentences"] == 6);
  CHECK(j["claim"]["tp"] == 5);
  CHECK(j["attributed"]["fp"] == 0);
  CHECK(j["secondhand"]["tp"] == 1);
  CHECK(j["via"] == 1.0);

  CHECK(RunAudit("eval " + Fixture("") + " --config /dev/null --min unattributed.f1=1").exit_code ==
        0);
  run = RunAudit("eval " + Fixture("") + " --config /dev/null --min unattributed.f1=1.5");
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("below minimum: unattributed.f1") != std::string::npos);
  CHECK(RunAudit("eval " + Fixture("") + " --min nonsense=1").exit_code == 2);
  CHECK(RunAudit("eval " + Fixture("") + " --min split").exit_code == 2);
  run = RunAudit("eval " + std::string(AUDIT_SOURCE_DIR) + "/examples");
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("no *.gold.yaml files") != std::string::npos);
}

TEST_CASE("audit eval --compare shows the change and the sentences it flips", "[eval][cli]") {
  // A copy of the news pack without the "according to" cue.
  const fs::path other = audit::testing::TempPath("audit-eval-compare-rules");
  fs::remove_all(other);
  fs::copy(std::string(AUDIT_SOURCE_DIR) + "/rules/news", other);
  std::ifstream in(other / "attribution.yaml");
  std::string yaml((std::istreambuf_iterator<char>(in)), {});
  in.close();
  const size_t from = yaml.find("  - id: according-to");
  const size_t to = yaml.find("  - id:", from + 1);
  REQUIRE((from != std::string::npos && to != std::string::npos));
  yaml.erase(from, to - from);
  std::ofstream(other / "attribution.yaml") << yaml;

  auto run = RunAudit("eval " + Fixture("") + " --config /dev/null --compare " + other.string());
  fs::remove_all(other);
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("attributed.f1") != std::string::npos);
  CHECK(run.out.find("0 verdicts fixed, 1 broken") != std::string::npos);
  CHECK(run.out.find("broken: harbor-bridge.gold.yaml#3: attributed true -> false") !=
        std::string::npos);
}

TEST_CASE("audit eval reports a broken gold file and still scores the others", "[eval][cli]") {
  GoldFolder folder("cli-broken", "file: a.txt\nsentences:\n  - text: x\n    claim: maybe\n");
  fs::copy(Fixture("harbor-bridge.txt"), fs::path(folder.dir()) / "harbor-bridge.txt");
  fs::copy(Fixture("harbor-bridge.gold.yaml"), fs::path(folder.dir()) / "harbor-bridge.gold.yaml");
  const auto run = RunAudit("eval " + folder.dir() + " --config /dev/null");
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("a.gold.yaml:4:12: error: `claim` must be true or false") !=
        std::string::npos);
  CHECK(run.out.find("files 1  gold sentences 6") != std::string::npos);
}

}  // namespace
