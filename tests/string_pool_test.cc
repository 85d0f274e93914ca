// StringPool: one copy per distinct string; views that survive later interning and a move.
#include "base/string_pool.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "test_support.h"

namespace audit {
namespace {

TEST_CASE("The pool keeps one copy of each string, and its views stay put", "[string-pool]") {
  StringPool pool;
  const std::string_view first = pool.Intern(std::string("Unattributed claim (score 0.85)"));
  CHECK(first == "Unattributed claim (score 0.85)");
  // The same text again, from another string, is the same copy.
  const std::string again = "Unattributed claim (score 0.85)";
  CHECK(pool.Intern(again).data() == first.data());
  CHECK(pool.Intern(again).data() != again.data());
  CHECK(pool.size() == 1);

  // Thousands more, short ones (held inside the string object) among them: the table rehashes
  // many times, and no view moves.
  std::vector<std::string_view> views;
  for (int i = 0; i < 5000; ++i) views.push_back(pool.Intern(std::to_string(i)));
  CHECK(pool.size() == 5001);
  CHECK(first == "Unattributed claim (score 0.85)");
  for (int i = 0; i < 5000; i += 97) CHECK(views[i] == std::to_string(i));

  // A moved pool keeps its strings where they were.
  StringPool moved = std::move(pool);
  CHECK(moved.Intern("4999").data() == views[4999].data());
  CHECK(views[12] == "12");
  CHECK(first == "Unattributed claim (score 0.85)");
}

TEST_CASE("Findings with the same message share one copy of it", "[string-pool][findings]") {
  const FileReport report = testing::AuditString(
      "Bridge Closes\n\nThe bridge closed on Monday after cracks were found in two of its "
      "supports.\n\nThe repairs will cost $4 million and take six months to complete.\n\n"
      "The bridge closed on Monday after cracks were found in two of its supports.\n");
  std::vector<const Finding*> claims;
  for (const Finding& f : report.analysis.findings) {
    if (f.rule == "unattributed-claim") claims.push_back(&f);
  }
  REQUIRE(claims.size() == 3);
  // The first and last sentences score alike: one message, kept once.
  CHECK(claims[0]->message == claims[2]->message);
  CHECK(claims[0]->message.data() == claims[2]->message.data());
  std::set<const char*> copies;
  for (const Finding& f : report.analysis.findings) copies.insert(f.message.data());
  CHECK(copies.size() < report.analysis.findings.size());
}

}  // namespace
}  // namespace audit
