// RunOrdered: items come out in order, and each is destroyed on the thread that made it, even when
// another worker emitted it.
#include "pipeline/ordered_pool.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
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
        [&]() -> std::function<Tracked()> {
          if (handed == count) return {};
          return [&counters, i = handed++] {
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

}  // namespace
}  // namespace audit
