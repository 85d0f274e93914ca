// PrefilterStandIn: patterns that FilteredRE2 reduces to the same atoms, with the same answers, as
// the rule patterns they stand in for, at a fraction of the compile.
#include "rules/prefilter_stand_in.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "rules/pattern_compiler.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace audit {
namespace {

struct Reduced {
  std::vector<std::string> atoms;
  // AllPotentials' answer for each set of atoms asked.
  std::vector<std::vector<int>> answers;
};

// What FilteredRE2 (atoms of at least `min_atom_length`) makes of `pattern`: its atoms, and which
// of the patterns may match given no atom, each atom alone, every atom, and random subsets.
Reduced Reduce(const std::vector<std::string>& patterns, const RE2::Options& options,
               int min_atom_length) {
  re2::FilteredRE2 filter(min_atom_length);
  for (const std::string& p : patterns) {
    int id = -1;
    REQUIRE(filter.Add(p, options, &id) == RE2::NoError);
  }
  Reduced out;
  filter.Compile(&out.atoms);
  const int n = static_cast<int>(out.atoms.size());
  std::vector<std::vector<int>> asked = {{}};
  std::vector<int> all;
  for (int i = 0; i < n; ++i) {
    asked.push_back({i});
    all.push_back(i);
  }
  asked.push_back(all);
  std::mt19937 rng(7);
  for (int k = 0; k < 200 && n > 0; ++k) {
    std::vector<int> some;
    for (int i = 0; i < n; ++i) {
      if (rng() % 3 == 0) some.push_back(i);
    }
    asked.push_back(some);
  }
  for (const auto& atoms : asked) {
    std::vector<int> ids;
    filter.AllPotentials(atoms, &ids);
    out.answers.push_back(ids);
  }
  return out;
}

void CheckSameReduction(const std::vector<std::string>& patterns, const RE2::Options& options) {
  std::vector<std::string> stand_ins;
  for (const std::string& p : patterns) stand_ins.push_back(PrefilterStandIn(p));
  for (const int min_atom_length : {1, 3}) {
    INFO("min atom length " << min_atom_length);
    const Reduced original = Reduce(patterns, options, min_atom_length);
    const Reduced stand_in = Reduce(stand_ins, options, min_atom_length);
    CHECK(stand_in.atoms == original.atoms);
    CHECK(stand_in.answers == original.answers);
  }
}

TEST_CASE("PrefilterStandIn replaces Unicode property classes, in brackets or not", "[rules]") {
  CHECK(PrefilterStandIn("\\p{Lu}x") == "[\\x{100}-\\x{10ffff}]x");
  CHECK(PrefilterStandIn("\\pLx") == "[\\x{100}-\\x{10ffff}]x");
  CHECK(PrefilterStandIn("[\\p{L}.'-]") == "[\\x{100}-\\x{10ffff}.'-]");
  CHECK(PrefilterStandIn("[^\\pL\\pN]") == "[^\\x{100}-\\x{10ffff}\\x{100}-\\x{10ffff}]");
  CHECK(PrefilterStandIn("\\P{L}") == "[\\x00-\\x7f\\x{e000}-\\x{10ffff}]");
  CHECK(PrefilterStandIn("\\p{^L}") == "[\\x00-\\x7f\\x{e000}-\\x{10ffff}]");
  // Escapes, POSIX classes and a literal ] at a bracket's start are left alone.
  CHECK(PrefilterStandIn("\\\\p{L}") == "\\\\p{L}");
  CHECK(PrefilterStandIn("[]\\p{L}]") == "[]\\x{100}-\\x{10ffff}]");
  CHECK(PrefilterStandIn("[[:alpha:]\\pN]x") == "[[:alpha:]\\x{100}-\\x{10ffff}]x");
  CHECK(PrefilterStandIn("\\bsaid\\b") == "\\bsaid\\b");
}

TEST_CASE("PrefilterStandIn keeps FilteredRE2's atoms and answers", "[rules]") {
  const RE2::Options options = RuleRe2Options();
  CheckSameReduction(
      {"^(?P<source>\\p{Lu}[\\w.'’-]*(?:\\s+\\p{Lu}[\\w.'’-]*){0,3})\\s*:\\s*[\"“]",
       "[.!?\"”…]\\s*[-–—―]+\\s*(?P<source>\\p{Lu}[\\w.'’-]*)\\s*$", "(?i:\\p{Lu}said)",
       "[^\\pL\\pN]according to\\P{L}", "\\p{^Lu}told\\pN", "x[\\p{L}ab]y|z[^\\p{L}\\x00-\\x7f]"},
      options);
}

TEST_CASE("PrefilterStandIn keeps the atoms of every news pack pattern", "[rules]") {
  const RuleSet& rules = testing::NewsRules();
  std::vector<std::string> cues;
  for (const CueRule& rule : rules.cue_rules()) cues.push_back(rule.re->pattern());
  REQUIRE(cues.size() > 10);
  CheckSameReduction(cues, rules.cue_rules().front().re->options());
  // One at a time too, as the punctuation filters see them.
  for (const std::string& cue : cues) {
    INFO(cue);
    CheckSameReduction({cue}, rules.cue_rules().front().re->options());
  }
  for (const RoleRule& rule : rules.role_rules()) {
    INFO(rule.re->pattern());
    CheckSameReduction({rule.re->pattern()}, rule.re->options());
  }
}

}  // namespace
}  // namespace audit
