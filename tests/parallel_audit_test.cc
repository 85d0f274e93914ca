// RunInOrder and RunJobsInOrder: the worker pool under `--jobs` and `--stdin-jsonl` keeps input
// order, never overlaps two emits (or two calls of its source) and stays within its window.
#include "pipeline/parallel_audit.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
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
        [&](size_t i, int) {
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
      [&](size_t, int) {
        ++calls;
        return FileReport();
      },
      [&](FileReport&) { ++calls; }, [&](FileReport&) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("RunJobsInOrder takes items as the source hands them out, one call at a time") {
  for (int jobs : {1, 2, 4}) {
    const size_t count = 200;
    size_t handed = 0;            // state of the source, kept without a lock of its own
    std::atomic<int> in_next{0};  // calls of `next` running at once
    std::atomic<int> next_overlaps{0};
    std::atomic<int> calls_after_end{0};
    std::vector<std::string> emitted;
    RunJobsInOrder(
        jobs,
        [&]() -> Job {
          if (in_next.fetch_add(1) != 0) ++next_overlaps;
          Job job;
          if (handed < count) {
            job = [i = handed](int) { return SlowItem(i); };
            ++handed;
          } else if (handed++ > count) {
            ++calls_after_end;  // asked again after it said there were no more
          }
          in_next.fetch_sub(1);
          return job;
        },
        [&](FileReport& r) { emitted.push_back(r.path); });
    REQUIRE(emitted.size() == count);
    for (size_t i = 0; i < count; ++i) REQUIRE(emitted[i] == std::to_string(i));
    CHECK(next_overlaps.load() == 0);
    // Once the source runs dry the pool stops asking it.
    CHECK(calls_after_end.load() == 0);
  }
}

TEST_CASE("RunJobsInOrder stays within its window of the next item to emit") {
  const int jobs = 2;
  const size_t count = 100;
  size_t handed = 0;
  size_t emitted = 0;
  std::atomic<size_t> furthest_ahead{0};
  std::mutex mu;
  RunJobsInOrder(
      jobs,
      [&]() -> Job {
        if (handed == count) return Job();
        {
          std::lock_guard<std::mutex> lock(mu);
          furthest_ahead = std::max<size_t>(furthest_ahead, handed - emitted);
        }
        // The first item takes long, the rest no time: without the window the other worker
        // would take every item while the first is still running.
        return [i = handed++](int) {
          if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
          FileReport report;
          report.path = std::to_string(i);
          return report;
        };
      },
      [&](FileReport&) {
        std::lock_guard<std::mutex> lock(mu);
        ++emitted;
      });
  CHECK(emitted == count);
  CHECK(furthest_ahead.load() <= static_cast<size_t>(jobs) * 4);
}

}  // namespace
}  // namespace audit
