// RunOrdered: items come out in order, and each is destroyed on the thread that made it, even when
// another worker emitted it.
#include "pipeline/ordered_pool.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace audit {
namespace {

struct Counters {
  std::atomic<int> destroyed{0};
  std::atomic<int> destroyed_elsewhere{0};  // not on the thread that made the item
};

// An item that knows the thread that made it and counts where it is destroyed.
class Tracked {
 public:
  Tracked(size_t index, Counters* counters)
      : index_(index), maker_(std::this_thread::get_id()), counters_(counters) {}
  Tracked(Tracked&& other) noexcept
      : index_(other.index_), maker_(other.maker_), counters_(other.counters_) {
    other.counters_ = nullptr;  // a moved-from item counts nothing
  }
  Tracked& operator=(Tracked&&) = delete;
  ~Tracked() {
    if (!counters_) return;
    ++counters_->destroyed;
    if (std::this_thread::get_id() != maker_) ++counters_->destroyed_elsewhere;
  }

  size_t index() const { return index_; }
  std::thread::id maker() const { return maker_; }

 private:
  size_t index_;
  std::thread::id maker_;
  Counters* counters_;
};

TEST_CASE("RunOrdered destroys each item on the thread that made it") {
  for (int jobs : {2, 3}) {
    const size_t count = 300;
    Counters counters;
    size_t handed = 0;
    std::vector<size_t> emitted;
    size_t emitted_by_another = 0;
    RunOrdered<Tracked>(
        jobs,
        [&]() -> std::function<Tracked(int)> {
          if (handed == count) return {};
          return [&counters, i = handed++](int) {
            // Uneven times, so that items finish out of order and one worker emits another's.
            std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 50));
            return Tracked(i, &counters);
          };
        },
        [&](Tracked& item) {
          emitted.push_back(item.index());
          emitted_by_another += item.maker() != std::this_thread::get_id();
        });
    REQUIRE(emitted.size() == count);
    for (size_t i = 0; i < count; ++i) REQUIRE(emitted[i] == i);
    // The case the test is about happened, and every item was destroyed where it was made.
    CHECK(emitted_by_another > 0);
    CHECK(counters.destroyed.load() == static_cast<int>(count));
    CHECK(counters.destroyed_elsewhere.load() == 0);
  }
}

TEST_CASE("RunOrdered tells each job its worker's number, and each number is one thread") {
  for (int jobs : {1, 2, 3}) {
    INFO("jobs " << jobs);
    const size_t count = 200;
    size_t handed = 0;
    std::mutex mu;
    std::map<int, std::set<std::thread::id>> threads_of_worker;
    std::vector<int> running(static_cast<size_t>(jobs), 0);  // jobs running per number
    bool overlapped = false;
    RunOrdered<Tracked>(
        jobs,
        [&]() -> std::function<Tracked(int)> {
          if (handed == count) return {};
          return [&, i = handed++](int worker) {
            {
              std::lock_guard<std::mutex> lock(mu);
              threads_of_worker[worker].insert(std::this_thread::get_id());
              if (worker >= 0 && worker < jobs && running[static_cast<size_t>(worker)]++ > 0)
                overlapped = true;
            }
            std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 50));
            {
              std::lock_guard<std::mutex> lock(mu);
              if (worker >= 0 && worker < jobs) --running[static_cast<size_t>(worker)];
            }
            return Tracked(i, nullptr);
          };
        },
        [](Tracked&) {});
    CHECK_FALSE(overlapped);
    REQUIRE_FALSE(threads_of_worker.empty());
    CHECK(threads_of_worker.begin()->first >= 0);
    CHECK(threads_of_worker.rbegin()->first < jobs);
    for (const auto& [worker, threads] : threads_of_worker) {
      INFO("worker " << worker);
      CHECK(threads.size() == 1);
    }
    // The calling thread is worker 0.
    REQUIRE(threads_of_worker.count(0) == 1);
    CHECK(*threads_of_worker[0].begin() == std::this_thread::get_id());
    if (jobs > 1) CHECK(threads_of_worker.size() > 1);
  }
}

}  // namespace
}  // namespace audit
