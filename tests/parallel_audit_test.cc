// RunInOrder: the worker pool under `--jobs` and `--stdin-jsonl` keeps input order, never overlaps
// two emits and stays within its window.
#include "pipeline/parallel_audit.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace audit {
namespace {

// Items that take uneven times, so later items often finish before earlier ones.
FileReport SlowItem(size_t i) {
  std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 100));
  FileReport report;
  report.path = std::to_string(i);
  return report;
}

std::string Bracketed(const std::string& s) {
  std::string out(1, '<');
  out += s;
  out += '>';
  return out;
}

TEST_CASE("RunInOrder emits every item once, in input order, one emit at a time") {
  for (int jobs : {1, 2, 4}) {
    const size_t count = 300;
    std::atomic<int> emitting{0};
    std::atomic<int> overlaps{0};
    std::atomic<size_t> in_flight{0};
    std::atomic<size_t> most_in_flight{0};
    std::vector<std::string> emitted;
    RunInOrder(
        count, jobs,
        [&](size_t i) {
          const size_t now = ++in_flight;
          size_t seen = most_in_flight.load();
          while (now > seen && !most_in_flight.compare_exchange_weak(seen, now)) {
          }
          return SlowItem(i);
        },
        [](FileReport& r) { r.rendered = Bracketed(r.path); },
        [&](FileReport& r) {
          if (emitting.fetch_add(1) != 0) ++overlaps;
          emitted.push_back(r.rendered);
          --in_flight;
          emitting.fetch_sub(1);
        });
    REQUIRE(emitted.size() == count);
    for (size_t i = 0; i < count; ++i) REQUIRE(emitted[i] == Bracketed(std::to_string(i)));
    CHECK(overlaps.load() == 0);
    // Workers stay within a window of the next item to emit, so memory is bounded.
    CHECK(most_in_flight.load() <= static_cast<size_t>(jobs) * 4 + static_cast<size_t>(jobs));
  }
}

TEST_CASE("RunInOrder with no items calls nothing") {
  int calls = 0;
  RunInOrder(
      0, 4,
      [&](size_t) {
        ++calls;
        return FileReport();
      },
      [&](FileReport&) { ++calls; }, [&](FileReport&) { ++calls; });
  CHECK(calls == 0);
}

}  // namespace
}  // namespace audit
