// FirstMatch: the first of several patterns, in order, to match a text, found in one set pass; and
// the role rules of the news pack looked up through it.
#include "rules/first_match.h"

#include <catch2/catch.hpp>
#include <memory>
#include <vector>

#include "test_support.h"

namespace audit {
namespace {

using Owned = std::vector<std::unique_ptr<LazyRegex>>;

std::unique_ptr<LazyRegex> Pattern(const char* pattern, RE2::Options options = RE2::Options()) {
  return std::make_unique<LazyRegex>(pattern, options);
}

std::vector<const LazyRegex*> Borrow(const Owned& owned) {
  std::vector<const LazyRegex*> out;
  for (const auto& re : owned) out.push_back(re.get());
  return out;
}

TEST_CASE("FirstMatch gives the first pattern in order that matches anywhere", "[rules]") {
  Owned owned;
  for (const char* p : {"^By \\p{Lu}", "photograph", "^\\d{1,2} \\w+ \\d{4}$", "graph"})
    owned.push_back(Pattern(p));
  // Sets from the first call, after a few calls, and never (one pattern at a time): same answers.
  for (const size_t calls_before_sets : {size_t{0}, size_t{3}, size_t{1000}}) {
    INFO(calls_before_sets);
    const FirstMatch first(Borrow(owned), calls_before_sets);
    for (int round = 0; round < 2; ++round) {
      CHECK(first.First("By Dana Ruiz") == 0);
      CHECK(first.First("A photograph of the bridge") == 1);  // "graph" matches too, later
      CHECK(first.First("a graph") == 3);
      CHECK(first.First("12 March 2026") == 2);
      CHECK(first.First("The bridge closed.") == -1);
      CHECK(first.First("") == -1);
    }
  }
  CHECK(FirstMatch().First("anything") == -1);
}

TEST_CASE("FirstMatch with its sets compiles no pattern on its own", "[rules]") {
  Owned owned;
  for (const char* p : {"^By \\p{Lu}", "photograph"}) owned.push_back(Pattern(p));
  const FirstMatch with_sets(Borrow(owned));
  REQUIRE(with_sets.BuildSets());
  CHECK(with_sets.First("A photograph") == 1);
  CHECK_FALSE(owned[0]->compiled());
  CHECK_FALSE(owned[1]->compiled());
  const FirstMatch one_by_one(Borrow(owned), 1000);
  CHECK(one_by_one.First("A photograph") == 1);
  CHECK(owned[0]->compiled());  // tried, and did not match
  CHECK(owned[1]->compiled());
}

TEST_CASE("FirstMatch tells start-anchored patterns from ones with a top-level alternative",
          "[rules]") {
  Owned owned;
  // "^a|b" may match "b" anywhere; "^(?:a|b)" and "^[|]" only at the start.
  for (const char* p : {"^(?:x|y)z", "^[|(]q", "^\\|w", "^m|n"}) owned.push_back(Pattern(p));
  const FirstMatch first(Borrow(owned), 0);
  CHECK(first.First("yz") == 0);
  CHECK(first.First("-yz") == -1);
  CHECK(first.First("|q") == 1);
  CHECK(first.First("a |q") == -1);
  CHECK(first.First("|w") == 2);  // an escaped bar is a literal, not an alternative
  CHECK(first.First("a |w") == -1);
  CHECK(first.First("some n") == 3);
  CHECK(first.First("m") == 3);
}

TEST_CASE("FirstMatch skips a set whose patterns all need punctuation the text lacks", "[rules]") {
  Owned owned;
  // Unanchored, and each needs a colon or a dash: a text with neither skips their set.
  for (const char* p :
       {"(?:^|[.!?]\\s+)(?i:photo|image)\\s*:", "[-–—]\\s*\\p{Lu}\\w*$", "(?i:credit)s?\\s*:"})
    owned.push_back(Pattern(p));
  const FirstMatch with_sets(Borrow(owned), 0);
  const FirstMatch one_by_one(Borrow(owned), 1000);
  for (const char* text :
       {"The photo: a bridge", "Photo: Dana Ruiz", "It was a photo of it", "Quiet. — Marsh",
        "Quiet - Marsh", "Quiet Marsh", "Credits: AP", "credit card", "", ":", "–"}) {
    INFO(text);
    CHECK(with_sets.First(text) == one_by_one.First(text));
  }
  CHECK(with_sets.First("Photo: Dana Ruiz") == 0);
  CHECK(with_sets.First("Quiet — Marsh") == 1);
  CHECK(with_sets.First("It was a photo of it") == -1);
}

TEST_CASE("FirstMatch answers the same when its patterns cannot share a set", "[rules]") {
  RE2::Options insensitive;
  insensitive.set_case_sensitive(false);
  Owned owned;
  owned.push_back(Pattern("^credit:"));
  owned.push_back(Pattern("photo", insensitive));
  const FirstMatch first(Borrow(owned), 0);
  CHECK_FALSE(first.BuildSets());
  CHECK(first.First("PHOTO: Valley Herald") == 1);
  CHECK(first.First("credit: photo") == 0);
  CHECK(first.First("Credit") == -1);
}

TEST_CASE("Role rules are found by scope, in pack order", "[rules]") {
  const RuleSet& rules = testing::NewsRules();
  // Each block-scope rule without a credit group is the first match for one of its own examples
  // or a rule before it is; never a sentence-scope rule.
  for (const RoleRule& rule : rules.role_rules()) {
    for (const RuleExample& example : rule.examples) {
      if (!example.match) continue;
      const RoleRule* block = rules.FirstBlockRole(example.text);
      const RoleRule* sentence = rules.FirstSentenceRole(example.text);
      INFO(rule.role << ": " << example.text);
      if (rule.sentence_scope) {
        REQUIRE(sentence != nullptr);
        CHECK(sentence->sentence_scope);
        CHECK(sentence <= &rule);
      } else if (rule.re->Get().NamedCapturingGroups().count("credit") == 0) {
        REQUIRE(block != nullptr);
        CHECK_FALSE(block->sentence_scope);
        CHECK(block <= &rule);
      }
    }
  }
  CHECK(rules.FirstBlockRole("The council voted on Tuesday to close the pool.") == nullptr);
}

}  // namespace
}  // namespace audit
