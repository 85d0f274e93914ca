// Rule packs: loading, lexicon references, and errors with the YAML file, line and column.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "rules/pattern_compiler.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace audit {
namespace {

TEST_CASE("The default news pack loads and has the required lexicons", "[rules]") {
  const RuleSet& rules = testing::NewsRules();
  for (const std::string_view name : kRequiredLexicons) {
    INFO(name);
    CHECK(rules.FindLexicon(name) != nullptr);
  }
  // Each name finds its own lexicon's words (the sets are kept in kRequiredLexicons order).
  CHECK(rules.Words("titles").Contains("Senator"));
  CHECK_FALSE(rules.Words("titles").Contains("Gazette"));
  CHECK(rules.Words("masthead_words").Contains("Gazette"));
  CHECK_FALSE(rules.Words("masthead_words").Contains("Senator"));
  CHECK(rules.Words("reporting_verbs").Contains("said"));
  CHECK_FALSE(rules.Words("reporting_verbs").Contains("Senator"));
  CHECK(rules.FindOutlet("the Associated Press")->name == "AP");
  CHECK(rules.FindOutlet("apnews.com")->name == "AP");
  CHECK(rules.FindOutlet("Xinhua")->wire);
  CHECK_FALSE(rules.FindOutlet("BBC")->wire);
}

TEST_CASE("A lexicon finds its entries in any case, and nothing else", "[rules][lexicon]") {
  const PhraseSet set({"Said", "according to", "x"});
  for (const char* word : {"said", "SAID", "Said", "according to", "According To", "x", "X"}) {
    INFO(word);
    CHECK(set.Contains(word));
  }
  // "slid" shares the length, first and last letter of "said": it passes the signature filter and
  // the exact lookup turns it away.
  for (const char* word : {"slid", "sad", "saidx", "according", "y", "xx", "",
                           "sa\xc3\xaf"
                           "d"}) {
    INFO(word);
    CHECK_FALSE(set.Contains(word));
  }
  CHECK(set.Search("The plan, according to aides, failed."));
  CHECK_FALSE(set.Search("The plan failed."));
  const PhraseSet empty;
  CHECK_FALSE(empty.Contains("said"));
  CHECK_FALSE(empty.Contains(""));
}

TEST_CASE("The outlet lexicon covers the agencies and broadcasters the issue names", "[rules]") {
  for (const char* name : {"AP", "Reuters", "AFP", "Bloomberg", "dpa", "EFE", "ANSA", "Kyodo",
                           "Xinhua", "TASS", "Interfax", "UPI", "PA", "PTI", "Yonhap", "CNN", "BBC",
                           "The New York Times", "The Guardian"}) {
    INFO(name);
    CHECK(testing::NewsRules().FindOutlet(name) != nullptr);
  }
}

TEST_CASE("Lexicon references expand to a longest-first alternation", "[rules]") {
  std::unordered_map<std::string, std::vector<std::string>> lexicons = {
      {"cues", {"say", "said in a statement"}}};
  PatternCompiler compiler(&lexicons);
  std::string out, error;
  int column = 0;
  REQUIRE(compiler.Expand("\\b{cues}\\b x{2,3}", &out, &error, &column));
  CHECK(out == "\\b(?:said\\s+in\\s+a\\s+statement|say)\\b x{2,3}");
}

struct RuleErrorCase {
  const char* name;
  const char* yaml;
  int line;
  int column;
  const char* message;
};

TEST_CASE("Rule errors name the file, line and column", "[rules][errors]") {
  const std::vector<RuleErrorCase> cases = {
      {"bad RE2 pattern", "attribution:\n  - id: broken\n    pattern: 'said (unclosed'\n", 3, 15,
       "bad pattern: missing ): said (unclosed"},
      {"bad RE2 pattern in a role", "roles:\n  - role: date\n    pattern: '^(\\d+'\n", 3, 15,
       "bad pattern: missing ): ^(\\d+"},
      {"unknown lexicon in a role", "roles:\n  - role: date\n    pattern: '^{nosuch}'\n", 3, 16,
       "unknown lexicon 'nosuch'"},
      {"unknown lexicon", "attribution:\n  - id: x\n    pattern: '{nosuch} said'\n", 3, 15,
       "unknown lexicon 'nosuch'"},
      {"unknown top-level key", "lexicon:\n  a: [b]\n", 1, 1,
       "unknown key 'lexicon' (expected one of: lexicons, outlets, abbreviations, roles, "
       "attribution, via, claims, "
       "findings)"},
      {"wrong type", "lexicons:\n  titles: Mr\n", 2, 11, "expected a list"},
      {"YAML syntax", "lexicons:\n  a: [b\n", 3, 1, "end of sequence flow not found"},
      {"unknown source side",
       "attribution:\n  - id: x\n    pattern: '(?P<cue>said)'\n    source: left\n", 4, 13,
       "source must be one of: subject, after, capture, vague"},
      {"bad severity", "findings:\n  - id: x\n    severity: fatal\n    message: m\n", 3, 15,
       "severity must be info, warning or error"},
      {"duplicate lexicon", "lexicons:\n  a: [b]\n  a: [c]\n", 3, 3,
       "lexicon 'a' is defined twice"},
      {"duplicate cue id",
       "attribution:\n  - id: x\n    pattern: '(?P<cue>said)'\n  - id: x\n    pattern: "
       "'(?P<cue>told)'\n",
       4, 9, "cue rule 'x' is already defined at pack/rules.yaml:2"},
      {"duplicate finding id",
       "findings:\n  - {id: f, severity: info, message: m}\n  - {id: f, severity: error, message: "
       "n}\n",
       3, 10, "finding rule 'f' is already defined at pack/rules.yaml:2"},
      {"examples not a list",
       "attribution:\n  - id: x\n    pattern: '(?P<cue>said)'\n    examples:\n      match: "
       "'The mayor said so.'\n",
       5, 14, "'match' must be a list of sentences"},
      {"unknown source type in an example",
       "attribution:\n  - id: x\n    pattern: '(?P<cue>said)'\n    examples:\n      match:\n"
       "        - {text: a, type: human}\n",
       6, 27,
       "unknown source type 'human' (expected one of: person, organization, document, outlet, "
       "anonymous, vague)"},
      {"example without text",
       "attribution:\n  - id: x\n    pattern: '(?P<cue>said)'\n    examples:\n      match:\n"
       "        - {source: a}\n",
       6, 11, "an example needs 'text': the sentence"},
      {"unknown key in an example",
       "attribution:\n  - id: x\n    pattern: '(?P<cue>said)'\n    examples:\n      match:\n"
       "        - {text: a, speaker: b}\n",
       6, 21, "unknown key 'speaker' (expected one of: text, source, type)"},
      {"a no_match example with a source",
       "attribution:\n  - id: x\n    pattern: '(?P<cue>said)'\n    examples:\n      no_match:\n"
       "        - {text: a, source: b}\n",
       6, 11, "an example must be a sentence"},
      {"unknown source type on a cue rule",
       "attribution:\n  - id: x\n    pattern: '(?P<cue>said)'\n    type: human\n", 4, 11,
       "unknown source type 'human' (expected one of: person, organization, document, outlet, "
       "anonymous, vague)"},
      {"unknown examples key",
       "attribution:\n  - id: x\n    pattern: '(?P<cue>said)'\n    examples:\n      matches: "
       "[a]\n",
       5, 7, "unknown key 'matches' (expected one of: match, no_match)"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    Result<RuleSet> loaded = RuleSet::LoadFiles({{"pack/rules.yaml", c.yaml}});
    REQUIRE_FALSE(loaded.ok());
    const Error& e = loaded.error();
    CHECK(e.file == "pack/rules.yaml");
    CHECK(e.line == c.line);
    CHECK(e.column == c.column);
    CHECK(e.message == c.message);
  }
}

TEST_CASE("A pack with several broken rules reports each, in file and line order",
          "[rules][errors]") {
  Result<RuleSet> loaded = RuleSet::LoadFiles(
      {{"pack/b.yaml", "findings:\n  - {id: f, severity: fatal, message: m}\n"},
       {"pack/a.yaml",
        "attribution:\n  - id: x\n    pattern: '(?P<cue>said'\n  - id: y\n    pattern: "
        "'(?P<cue>told)'\n    fallback: often\n  - id: z\n    pattern: '(?P<cue>wrote)'\n"}});
  REQUIRE_FALSE(loaded.ok());
  const Error& first = loaded.error();
  CHECK(first.file == "pack/a.yaml");
  CHECK(first.line == 3);
  CHECK(first.message == "bad pattern: missing ): (?P<cue>said");
  REQUIRE(first.more.size() == 2);
  CHECK((first.more[0].file == "pack/a.yaml" && first.more[0].line == 6));
  CHECK(first.more[0].message == "'fallback' must be true or false");
  CHECK((first.more[1].file == "pack/b.yaml" && first.more[1].line == 2));
  CHECK(first.more[1].message == "severity must be info, warning or error");
}

TEST_CASE("Role sets built beside the cue rules give the same rule set and the same errors",
          "[rules][errors]") {
  const std::string pack = std::string(AUDIT_SOURCE_DIR) + "/rules/news";
  Result<RuleSet> alone = RuleSet::LoadDirectories({pack}, {}, {.compile_beside = false});
  Result<RuleSet> beside = RuleSet::LoadDirectories({pack}, {}, {.compile_beside = true});
  REQUIRE(alone.ok());
  REQUIRE(beside.ok());
  CHECK(beside.value().cue_rules().size() == alone.value().cue_rules().size());
  CHECK(beside.value().role_rules().size() == alone.value().role_rules().size());
  // The role sets answer: a date line, a caption credit, body text.
  for (const std::string text : {"March 3, 2026", "Photo: Dana Ruiz/Valley Herald",
                                 "The council met on Monday.", "Updated 10:42 a.m."}) {
    INFO(text);
    const RoleRule* a = alone.value().FirstBlockRole(text);
    const RoleRule* b = beside.value().FirstBlockRole(text);
    REQUIRE((a == nullptr) == (b == nullptr));
    if (a) CHECK(a->role == b->role);
    const RoleRule* sa = alone.value().FirstSentenceRole(text);
    const RoleRule* sb = beside.value().FirstSentenceRole(text);
    REQUIRE((sa == nullptr) == (sb == nullptr));
    if (sa) CHECK(sa->role == sb->role);
  }
  CHECK(beside.value().FirstBlockRole("March 3, 2026") != nullptr);
  // A broken role and a broken cue rule: each way, both reported, in file and line order.
  const std::map<std::string, std::string> broken = {
      {"pack/roles.yaml", "roles:\n  - role: date\n    pattern: '^(\\d+$'\n"},
      {"pack/cues.yaml", "attribution:\n  - id: x\n    pattern: '(?P<cue>said'\n"}};
  for (const bool compile_beside : {false, true}) {
    INFO("compile_beside " << compile_beside);
    Result<RuleSet> loaded = RuleSet::LoadFiles(broken, {.compile_beside = compile_beside});
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().file == "pack/cues.yaml");
    REQUIRE(loaded.error().more.size() == 1);
    CHECK(loaded.error().more[0].file == "pack/roles.yaml");
  }
}

TEST_CASE("A pack without a lexicon the analysis needs is refused", "[rules][errors]") {
  Result<RuleSet> loaded = RuleSet::LoadFiles({{"pack/a.yaml", "lexicons:\n  titles: [Mr]\n"}});
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().message ==
        "the rule pack has no lexicon 'person_nouns', which the analysis needs");
}

}  // namespace
}  // namespace audit

namespace audit {
namespace {

TEST_CASE("The cue prefilter never drops a rule that matches, and skips rules that cannot",
          "[rules][prefilter]") {
  const RuleSet& rules = testing::NewsRules();
  std::vector<std::string> patterns;
  for (const CueRule& rule : rules.cue_rules()) patterns.push_back(rule.prefilter_pattern);
  const CuePrefilter built_now(patterns, RuleRe2Options(), 0);  // the filter from the first call
  const CuePrefilter built_later(patterns, RuleRe2Options(), 3);
  std::vector<bool> may_match;
  CuePrefilter::Scratch scratch;
  size_t checked = 0;
  for (size_t r = 0; r < rules.cue_rules().size(); ++r) {
    for (const RuleExample& example : rules.cue_rules()[r].examples) {
      if (!example.match) continue;
      INFO(rules.cue_rules()[r].id << ": " << example.text);
      for (const CuePrefilter* prefilter : {&built_now, &built_later, &rules.cue_prefilter()}) {
        prefilter->MayMatch(example.text, &may_match, &scratch);
        CHECK(may_match[r]);
      }
      ++checked;
    }
  }
  CHECK(checked > 20);
  built_now.MayMatch("The bridge closed in May.", &may_match, &scratch);
  size_t skipped = 0;
  for (size_t r = 0; r < rules.cue_rules().size(); ++r) {
    if (rules.cue_rules()[r].id == "according-to") CHECK_FALSE(may_match[r]);
    // 700 verb forms in one alternation: filtered only because the prefilter reads each whole.
    if (rules.cue_rules()[r].id == "reporting-verb") CHECK_FALSE(may_match[r]);
    skipped += !may_match[r];
  }
  CHECK(skipped > rules.cue_rules().size() / 2);
  // A speaker's "SMITH:" has no word to look for but needs a colon: its rule scans only a sentence
  // with one.
  size_t speaker = rules.cue_rules().size();
  for (size_t r = 0; r < rules.cue_rules().size(); ++r) {
    if (rules.cue_rules()[r].id == "colon-speaker") speaker = r;
  }
  REQUIRE(speaker < rules.cue_rules().size());
  CHECK_FALSE(may_match[speaker]);
  built_now.MayMatch("SMITH: \"We will.\"", &may_match, &scratch);
  CHECK(may_match[speaker]);
  // Before its threshold a prefilter is not built yet: every rule may match.
  const CuePrefilter not_yet(patterns, RuleRe2Options(), 1000);
  not_yet.MayMatch("The bridge closed in May.", &may_match, &scratch);
  CHECK(std::count(may_match.begin(), may_match.end(), true) ==
        static_cast<long>(rules.cue_rules().size()));
}

TEST_CASE("The prefilter reads lexicon entries whole, which RE2 would cut into pieces too short",
          "[rules][prefilter]") {
  std::unordered_map<std::string, std::vector<std::string>> lexicons = {
      {"verbs", {"pledge", "put it"}}};
  const PatternCompiler compiler(&lexicons);
  const std::string pattern = "\\b(?P<cue>{verbs})\\b";
  CHECK(compiler.ExpandForPrefilter(pattern) == "\\b(?P<cue>(?:(pledge)|(put\\s+it)))\\b");
  std::string plain, error;
  int column = -1;
  REQUIRE(compiler.Expand(pattern, &plain, &error, &column));
  // RE2 factors "p" out of "pledge|put it", leaving "ledge" and "ut" + "it": no atom for the second
  // alternative, so the plain expansion cannot be filtered; the grouped one can, and still lets
  // through every sentence that matches.
  const CuePrefilter grouped({compiler.ExpandForPrefilter(pattern)}, RuleRe2Options(), 0);
  const CuePrefilter factored({plain}, RuleRe2Options(), 0);
  std::vector<bool> may_match;
  CuePrefilter::Scratch scratch;
  factored.MayMatch("The bridge closed.", &may_match, &scratch);
  CHECK(may_match[0]);
  grouped.MayMatch("The bridge closed.", &may_match, &scratch);
  CHECK_FALSE(may_match[0]);
  for (const char* text : {"They pledged it.", "They put it there.", "PUT IT", "pledge"}) {
    INFO(text);
    grouped.MayMatch(text, &may_match, &scratch);
    CHECK(may_match[0]);
  }
}

TEST_CASE("A rule needing two words is let through by both, one of an alternation by either",
          "[rules][prefilter]") {
  // Rule 0 needs "police" and "said"; rule 1 either of two verbs; rule 2 has no word to look for.
  const CuePrefilter prefilter({R"(\bpolice\b.*\bsaid\b)", R"(\b(?:said|told)\b)", R"(\w+)"},
                               RuleRe2Options(), 0);
  std::vector<bool> may_match;
  CuePrefilter::Scratch scratch;
  const auto let_through = [&](const char* text) {
    prefilter.MayMatch(text, &may_match, &scratch);
    REQUIRE(may_match.size() == 3);
    CHECK(may_match[2]);
    return std::vector<bool>{may_match[0], may_match[1]};
  };
  CHECK(let_through("The police arrived.") == std::vector<bool>{false, false});
  CHECK(let_through("He said so.") == std::vector<bool>{false, true});
  CHECK(let_through("They told him.") == std::vector<bool>{false, true});
  CHECK(let_through("The police said so.") == std::vector<bool>{true, true});
  CHECK(let_through("POLICE SAID SO") == std::vector<bool>{true, true});
  // The scratch is left clear: one word of the pair in the last sentence does not count for this.
  CHECK(let_through("Said the officer.") == std::vector<bool>{false, true});
  CHECK(let_through("The police left.") == std::vector<bool>{false, false});
}

TEST_CASE("Cue rules carry the indices of their named groups", "[rules]") {
  const RuleSet& rules = testing::NewsRules();
  auto expected = [](const CueRule& rule, const char* name) {
    const auto& groups = rule.re->Get().NamedCapturingGroups();
    const auto it = groups.find(name);
    return it == groups.end() ? -1 : it->second;
  };
  size_t with_source = 0;
  for (const auto* list : {&rules.cue_rules(), &rules.via_rules()}) {
    for (const CueRule& rule : *list) {
      INFO(rule.id);
      CHECK(rule.cue_group == expected(rule, "cue"));
      CHECK(rule.source_group == expected(rule, "source"));
      with_source += rule.source_group > 0;
    }
  }
  CHECK(with_source > 0);
}

TEST_CASE("Escapes and character classes are skipped whole when scanning a pattern", "[rules]") {
  CHECK(EndOfEscapeOrClass("a\\(b", 1) == 2);   // \( ends at the (
  CHECK(EndOfEscapeOrClass("[)|(]x", 0) == 4);  // the class's ] closes it
  CHECK(EndOfEscapeOrClass("[]a]x", 0) == 3);   // a ] first in a class is literal
  CHECK(EndOfEscapeOrClass("[^]a]x", 0) == 4);
  CHECK(EndOfEscapeOrClass("[a\\]]x", 0) == 4);  // an escaped ] inside
  CHECK(EndOfEscapeOrClass("ab", 0) == 0);
  CHECK(EndOfEscapeOrClass("[ab", 0) == 3);  // unclosed: the end
}

TEST_CASE("A named group that is the whole match is recognised", "[rules]") {
  CHECK(GroupIsWholeMatch("\\b(?P<cue>said|told)\\b", "cue"));
  CHECK(GroupIsWholeMatch("^(?P<cue>(?:a|b)[)(]c\\))$", "cue"));
  CHECK(GroupIsWholeMatch("(?P<cue>x)", "cue"));
  CHECK_FALSE(GroupIsWholeMatch("\\b(?P<cue>said)\\s+that", "cue"));  // text after the group
  CHECK_FALSE(GroupIsWholeMatch("by (?P<cue>said)", "cue"));          // text before it
  CHECK_FALSE(GroupIsWholeMatch("(?P<cue>said)?", "cue"));            // it may be empty
  CHECK_FALSE(GroupIsWholeMatch("(?P<cue>a)|b", "cue"));              // or absent
  CHECK_FALSE(GroupIsWholeMatch("(?P<cue>a", "cue"));
  CHECK_FALSE(GroupIsWholeMatch("\\b(?P<source>\\w+)\\b", "cue"));
  // In the news pack: the reporting verbs are; a colon speaker's cue is not.
  const RuleSet& rules = testing::NewsRules();
  for (const CueRule& rule : rules.cue_rules()) {
    if (rule.id == "reporting-verb") CHECK(rule.cue_is_match);
    if (rule.id == "colon-introduction") CHECK_FALSE(rule.cue_is_match);
  }
}

}  // namespace
}  // namespace audit
