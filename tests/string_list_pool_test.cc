// StringListPool: one copy per distinct list; views that survive later interning and a move; the
// signal lists of a document's sentences are interned there.
#include "base/string_list_pool.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace audit {
namespace {

std::vector<std::string> Strings(std::span<const std::string> list) {
  return {list.begin(), list.end()};
}

TEST_CASE("The list pool keeps one copy of each list, and its views stay put", "[string-pool]") {
  StringListPool pool;
  const std::vector<std::string_view> figures = {"figure", "date"};
  const std::span<const std::string> first = pool.Intern(figures);
  CHECK(Strings(first) == std::vector<std::string>{"figure", "date"});
  // The same list again, from strings of its own, is the same copy.
  const std::vector<std::string> again = {"figure", "date"};
  CHECK(pool.Intern(again).data() == first.data());
  CHECK(pool.size() == 1);
  // Order and length count: these are other lists.
  CHECK(pool.Intern(std::vector<std::string>{"date", "figure"}).data() != first.data());
  CHECK(pool.Intern(std::vector<std::string>{"figure"}).data() != first.data());
  CHECK(pool.Intern(std::vector<std::string>{"figure", "date", "name"}).data() != first.data());
  CHECK(pool.size() == 4);
  // An empty list is empty and stored nowhere.
  CHECK(pool.Intern(std::vector<std::string>{}).empty());
  CHECK(pool.size() == 4);

  std::vector<std::span<const std::string>> views;
  for (int i = 0; i < 3000; ++i) {
    views.push_back(pool.Intern(std::vector<std::string>{std::to_string(i), "x"}));
  }
  CHECK(pool.size() == 3004);
  CHECK(Strings(first) == std::vector<std::string>{"figure", "date"});
  for (int i = 0; i < 3000; i += 89) CHECK(views[i][0] == std::to_string(i));

  // A moved pool keeps its lists where they were.
  StringListPool moved = std::move(pool);
  CHECK(moved.Intern(again).data() == first.data());
  CHECK(views[2999][0] == "2999");
}

TEST_CASE("Sentences that fire the same claim signals share one list", "[string-pool][claims]") {
  const FileReport report = testing::AuditString(
      "The council voted 7-2 on Tuesday to close the Elm Street library.\n\n"
      "The board voted 5-4 on Friday to open the Oak Street school.\n");
  const SentenceVerdict& a = testing::SentenceStartingWith(report, "The council");
  const SentenceVerdict& b = testing::SentenceStartingWith(report, "The board");
  REQUIRE_FALSE(a.signals.empty());
  REQUIRE(Strings(a.signals) == Strings(b.signals));
  CHECK(a.signals.data() == b.signals.data());
  CHECK(report.analysis.lists.size() < report.analysis.sentences.size());
}

}  // namespace
}  // namespace audit
