// ConfigureHeap with tcmalloc (src/cli/heap.cc), in a test binary of its own that links tcmalloc as
// the audit binary does: the heap keeps small pages while it is small and grows in huge pages once
// it is past kSmallHeapBytes; the thread caches are held to 2 MB.
#include "cli/heap.h"

#include <gperftools/malloc_extension.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "memory_mapping.h"

namespace audit {
namespace {

using testing::AdvisedHuge;

TEST_CASE("Past 32 MB the heap grows in huge pages; below it, in small ones", "[heap]") {
  ConfigureHeap();
  // A test process's heap is a few MB when this runs: this block comes from small pages.
  auto early = std::make_unique<char[]>(1000);
  CHECK_FALSE(AdvisedHuge(early.get()));

  // Small objects, as a long document's block texts are, until the heap holds
  // well over the threshold.
  std::vector<std::string> held;
  const size_t count = (kSmallHeapBytes + (size_t{16} << 20)) / 4000;
  held.reserve(count);
  for (size_t i = 0; i < count; ++i) held.emplace_back(4000 - 64, static_cast<char>('a' + i % 26));
  CHECK(AdvisedHuge(held.back().data()));
  CHECK_FALSE(AdvisedHuge(early.get()));
  // The memory is usable as any other: every string kept its bytes.
  for (size_t i = 0; i < count; i += 997) {
    CHECK(held[i].size() == 4000 - 64);
    CHECK(held[i].back() == static_cast<char>('a' + i % 26));
  }
}

TEST_CASE("The thread caches are held to 2 MB in all", "[heap]") {
  ConfigureHeap();
  size_t bytes = 0;
  REQUIRE(MallocExtension::instance()->GetNumericProperty("tcmalloc.max_total_thread_cache_bytes",
                                                          &bytes));
  CHECK(bytes == size_t{2} << 20);
}

}  // namespace
}  // namespace audit
