// BuiltWhenUsed: an accelerator built on the call that reaches its threshold, once, whatever the
// threads.
#include "rules/built_when_used.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

namespace audit {
namespace {

TEST_CASE("BuiltWhenUsed builds on the threshold call and keeps what it built", "[rules]") {
  int builds = 0;
  const BuiltWhenUsed<int> lazy(3, [&] {
    ++builds;
    return std::make_unique<int>(42);
  });
  CHECK(lazy.Get() == nullptr);
  CHECK(lazy.Get() == nullptr);
  const int* built = lazy.Get();  // the third call
  REQUIRE(built != nullptr);
  CHECK(*built == 42);
  CHECK(lazy.Get() == built);
  CHECK(builds == 1);

  const BuiltWhenUsed<int> at_once(0, [] { return std::make_unique<int>(7); });
  REQUIRE(at_once.Get() != nullptr);
  CHECK(*at_once.Get() == 7);

  // A build that fails leaves callers on their plain path for good.
  const BuiltWhenUsed<int> never(1, [] { return std::unique_ptr<int>(); });
  CHECK(never.Get() == nullptr);
  CHECK(never.Get() == nullptr);
}

TEST_CASE("BuiltWhenUsed builds once however many threads ask", "[rules]") {
  std::atomic<int> builds{0};
  const BuiltWhenUsed<int> lazy(50, [&] {
    ++builds;
    return std::make_unique<int>(1);
  });
  std::atomic<int> answered{0};
  std::atomic<int> plain{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        if (const int* v = lazy.Get())
          answered += *v;
        else
          ++plain;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(builds.load() == 1);
  // Exactly the calls before the fiftieth take the plain path: later ones wait for the build.
  CHECK(plain.load() == 49);
  CHECK(answered.load() == 4000 - 49);
  CHECK(answered.load() + plain.load() == 4000);
  CHECK(lazy.Get() != nullptr);
}

TEST_CASE("BuiltWhenUsed builds on demand; a build that fails answers null, once", "[rules]") {
  int builds = 0;
  const BuiltWhenUsed<int> lazy(1000, [&] {
    ++builds;
    return std::make_unique<int>(7);
  });
  REQUIRE(lazy.BuildNow() != nullptr);
  CHECK(*lazy.Get() == 7);  // before the threshold, built already
  CHECK(builds == 1);

  int failed_builds = 0;
  const BuiltWhenUsed<int> failing(0, [&] {
    ++failed_builds;
    return std::unique_ptr<int>();
  });
  CHECK(failing.Get() == nullptr);
  CHECK(failing.Get() == nullptr);
  CHECK(failing.BuildNow() == nullptr);
  CHECK(failed_builds == 1);
}

}  // namespace
}  // namespace audit
