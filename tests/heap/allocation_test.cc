// Hot paths that must not allocate once their scratch has grown to size, counted with tcmalloc's
// allocation hook in this process of its own (the hook sees every allocation of the process; the
// tests run on one thread).
#include <gperftools/malloc_hook.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rules/cue_prefilter.h"
#include "rules/pattern_compiler.h"
#include "rules/rule_set.h"

namespace audit {
namespace {

std::atomic<size_t> allocations{0};
void CountAllocation(const void*, size_t) { allocations.fetch_add(1, std::memory_order_relaxed); }

// Allocations made while `body` runs.
template <typename Body>
size_t AllocationsIn(Body body) {
  REQUIRE(MallocHook::AddNewHook(&CountAllocation));
  const size_t before = allocations.load();
  body();
  const size_t after = allocations.load();
  REQUIRE(MallocHook::RemoveNewHook(&CountAllocation));
  return after - before;
}

TEST_CASE("The allocation hook counts allocations", "[heap]") {
  std::vector<int> grown;
  CHECK(AllocationsIn([&] { grown.resize(1000); }) >= 1);
}

TEST_CASE("The cue prefilter does not allocate once its scratch has grown", "[heap][prefilter]") {
  Result<RuleSet> loaded = RuleSet::LoadDirectory(std::string(AUDIT_SOURCE_DIR) + "/rules/news");
  REQUIRE(loaded.ok());
  const RuleSet& rules = loaded.value();
  std::vector<std::string> patterns;
  for (const CueRule& rule : rules.cue_rules()) patterns.push_back(rule.prefilter_pattern);
  const CuePrefilter prefilter(patterns, RuleRe2Options(), 0);
  const std::vector<std::string> sentences = {
      "The bridge closed in May.",
      "The council approved the budget, the mayor said in a statement.",
      "According to police, the fire started in the kitchen.",
      "Officials told reporters the plant would reopen, citing a report by the agency.",
      "SMITH: \"We will rebuild.\"",
      "The minister said the figures, which were released on Tuesday, were wrong, and added that "
      "the agency had told the ministry as much, according to a spokesman."};
  std::vector<bool> may_match;
  CuePrefilter::Scratch scratch;
  size_t let_through = 0;
  for (const std::string& s : sentences) prefilter.MayMatch(s, &may_match, &scratch);  // to size
  const size_t made = AllocationsIn([&] {
    for (int round = 0; round < 10; ++round) {
      for (const std::string& s : sentences) {
        prefilter.MayMatch(s, &may_match, &scratch);
        let_through += static_cast<size_t>(std::count(may_match.begin(), may_match.end(), true));
      }
    }
  });
  CHECK(made == 0);
  CHECK(let_through > 0);
}

}  // namespace
}  // namespace audit
