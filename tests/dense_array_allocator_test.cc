// DenseArrayAllocator: large arrays in their own 2 MB-aligned mappings marked for huge pages, small
// ones on the heap, the same values either way.
#include "base/dense_array_allocator.h"

#include <sys/mman.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "memory_mapping.h"

namespace audit {
namespace {

using testing::AdvisedHuge;

TEST_CASE("A large array is mapped on its own, aligned to a huge page and advised to use them",
          "[dense-array]") {
  std::vector<uint64_t, DenseArrayAllocator<uint64_t>> large;
  const size_t count = dense_array::kHugeBytes / sizeof(uint64_t) + 12345;
  large.reserve(count);
  CHECK(reinterpret_cast<uintptr_t>(large.data()) % dense_array::kHugePageBytes == 0);
  CHECK(AdvisedHuge(large.data()));
  CHECK(AdvisedHuge(large.data() + count - 1));  // the mapping covers the whole array
  for (size_t i = 0; i < count; ++i) large.push_back(i * 7);
  for (size_t i = 0; i < count; i += 4099) CHECK(large[i] == i * 7);
  CHECK(large.back() == (count - 1) * 7);
}

TEST_CASE("A small array holds its values as any vector's", "[dense-array]") {
  std::vector<uint64_t, DenseArrayAllocator<uint64_t>> small(1000, 5);
  small.push_back(6);
  CHECK(small[999] == 5);
  CHECK(small.back() == 6);
}

TEST_CASE("An array that grows past the threshold keeps its values in each move", "[dense-array]") {
  // push_back doubles the capacity: from the heap into a mapping, then from mapping to mapping,
  // each old one unmapped (ASan reports a bad unmap or a use after it).
  std::vector<uint32_t, DenseArrayAllocator<uint32_t>> grown;
  const size_t count = 3 * dense_array::kHugeBytes / sizeof(uint32_t);
  for (size_t i = 0; i < count; ++i) grown.push_back(static_cast<uint32_t>(i ^ 0x5a5a));
  for (size_t i = 0; i < count; i += 7919) CHECK(grown[i] == (i ^ 0x5a5a));
  CHECK(AdvisedHuge(grown.data()));
  grown.clear();
  grown.shrink_to_fit();  // back to no storage: the last mapping is returned
  CHECK(grown.capacity() == 0);
}

TEST_CASE("An over-aligned type gets its alignment from both kinds of memory", "[dense-array]") {
  // SentenceVerdict is aligned to a cache line.
  static_assert(alignof(SentenceVerdict) == 64);
  SentenceVerdicts few(3);
  CHECK(reinterpret_cast<uintptr_t>(few.data()) % 64 == 0);
  SentenceVerdicts many;
  many.reserve(dense_array::kHugeBytes / sizeof(SentenceVerdict) + 1);
  CHECK(reinterpret_cast<uintptr_t>(many.data()) % 64 == 0);
  many.emplace_back().chain = 7;
  CHECK(many[0].chain == 7);
}

TEST_CASE("A buffer allocated elsewhere is advised on the huge pages inside it", "[dense-array]") {
  // A mapping of this test's own, so that no earlier advice on reused heap memory can show.
  const size_t size = dense_array::kHugeBytes + 4 * dense_array::kHugePageBytes;
  void* mapped = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(mapped != MAP_FAILED);
  const auto begin = reinterpret_cast<uintptr_t>(mapped);
  const uintptr_t aligned =
      (begin + dense_array::kHugePageBytes - 1) & ~(dense_array::kHugePageBytes - 1);
  char* buffer = reinterpret_cast<char*>(aligned) + 100;  // not aligned: as a heap buffer may be

  // Below the threshold: left alone.
  dense_array::AdviseHugePages(buffer, dense_array::kHugeBytes - 1);
  CHECK_FALSE(AdvisedHuge(buffer + dense_array::kHugePageBytes));

  dense_array::AdviseHugePages(buffer, dense_array::kHugeBytes);
  // The whole huge pages inside the buffer are advised; its first, partial one is not (it may
  // hold other allocations), nor is anything past its end.
  CHECK_FALSE(AdvisedHuge(buffer));
  CHECK(AdvisedHuge(buffer + dense_array::kHugePageBytes));
  CHECK(AdvisedHuge(buffer + dense_array::kHugeBytes - dense_array::kHugePageBytes));
  CHECK_FALSE(AdvisedHuge(buffer + dense_array::kHugeBytes + dense_array::kHugePageBytes));
  munmap(mapped, size);
}

}  // namespace
}  // namespace audit
