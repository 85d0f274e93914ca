// InstructionBound: never below the size RE2 compiles a pattern to, forwards or in reverse; above
// the load-time threshold for patterns too large to compile; below it for the news pack.
#include "rules/instruction_bound.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rules/pattern_compiler.h"
#include "rules/rule_set.h"
#include "test_support.h"

namespace audit {
namespace {

std::vector<std::string> PackPatterns() {
  const RuleSet& rules = testing::NewsRules();
  std::vector<std::string> out;
  for (const CueRule& rule : rules.cue_rules()) out.push_back(rule.re->pattern());
  for (const CueRule& rule : rules.via_rules()) out.push_back(rule.re->pattern());
  for (const RoleRule& rule : rules.role_rules()) out.push_back(rule.re->pattern());
  for (const ClaimSignal& signal : rules.claim_signals()) out.push_back(signal.re->pattern());
  return out;
}

TEST_CASE("The instruction bound is never below RE2's program sizes", "[rules]") {
  std::vector<std::string> patterns = PackPatterns();
  for (const char* p :
       {"a", "", "(?i)\\P{L}", "[\\p{L}\\p{N}\\p{P}]+", "(?:\\p{Lu}\\p{Ll}{2,5}\\s*){1,4}$",
        "(?:x{3}){4}", "(?i:straße|STRASSE)\\b", ".{0,60}$", "\\Q(a)*\\E{3}", "[^()]{2,40}?",
        "\\x{2019}\\pL+", "(a|b|c)*?d", "(?P<cue>said)|(?:told)"}) {
    patterns.push_back(p);
  }
  for (const std::string& pattern : patterns) {
    INFO(pattern);
    const RE2 re(pattern, RuleRe2Options());
    REQUIRE(re.ok());
    const size_t bound = InstructionBound(pattern);
    CHECK(bound >= static_cast<size_t>(re.ProgramSize()));
    CHECK(bound >= static_cast<size_t>(re.ReverseProgramSize()));
  }
}

TEST_CASE("Patterns too large to compile are over the load-time threshold", "[rules]") {
  std::string huge = "(?P<cue>";
  for (int i = 0; i < 20; ++i) huge += "\\pL{1000}";
  huge += ")";
  for (const std::string& pattern :
       {huge, std::string("(?:\\p{L}{100}){100}"), std::string("((((a{100}){100}){100}){100})")}) {
    INFO(pattern);
    CHECK(InstructionBound(pattern) > kInstructionsSafeUncompiled);
    CHECK_FALSE(RE2(pattern, RuleRe2Options()).ok());
  }
}

TEST_CASE("A deeply nested pattern is bounded without deep recursion", "[rules]") {
  const std::string deep = std::string(100000, '(') + "a" + std::string(100000, ')');
  CHECK(InstructionBound(deep) > kInstructionsSafeUncompiled);
  const std::string nested = std::string(50, '(') + "a" + std::string(50, ')');
  CHECK(InstructionBound(nested) < 1000);
}

TEST_CASE("No pattern of the news pack needs compiling whole at load", "[rules]") {
  for (const std::string& pattern : PackPatterns()) {
    INFO(pattern);
    CHECK(InstructionBound(pattern) <= kInstructionsSafeUncompiled);
  }
}

}  // namespace
}  // namespace audit
