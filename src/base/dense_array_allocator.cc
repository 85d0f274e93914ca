#include "base/dense_array_allocator.h"

#include <sys/mman.h>

#include <cstdint>

namespace audit::dense_array {

namespace {

// A large array's mapping: its size rounded up to whole huge pages, plus one more huge page of
// slack so that an aligned start can be cut out of it.
size_t MappedBytes(size_t bytes) { return RoundUpToHugePages(bytes) + kHugePageBytes; }

// Small arrays come from operator new as std::allocator's do: the plain form unless the type needs
// more than the default alignment (the aligned form takes a slower path in tcmalloc, and every
// small article allocates these arrays).
void* AllocateSmall(size_t bytes, size_t alignment) {
  if (alignment <= __STDCPP_DEFAULT_NEW_ALIGNMENT__) return ::operator new(bytes);
  return ::operator new(bytes, std::align_val_t(alignment));
}

// Unsized: clang before 19 does not declare the sized forms unless asked (-fsized-deallocation).
void DeallocateSmall(void* p, size_t alignment) noexcept {
  if (alignment <= __STDCPP_DEFAULT_NEW_ALIGNMENT__) {
    ::operator delete(p);
  } else {
    ::operator delete(p, std::align_val_t(alignment));
  }
}

}  // namespace

void* Allocate(size_t bytes, size_t alignment) {
  if (bytes < kHugeBytes || alignment > kHugePageBytes) return AllocateSmall(bytes, alignment);
  const size_t mapped = MappedBytes(bytes);
  void* p = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  // Keep the aligned part [start, start + mapped - kHugePageBytes) and give back the rest, so that
  // Deallocate can find the mapping from the pointer and size alone.
  const uintptr_t begin = reinterpret_cast<uintptr_t>(p);
  const uintptr_t start = RoundUpToHugePages(begin);
  const size_t kept = mapped - kHugePageBytes;
  if (start > begin) munmap(p, start - begin);
  const uintptr_t end = begin + mapped;
  if (end > start + kept) munmap(reinterpret_cast<void*>(start + kept), end - (start + kept));
  // Advice only: where huge pages are off, the array is backed by small pages as any other.
  madvise(reinterpret_cast<void*>(start), kept, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(start);
}

void Deallocate(void* p, size_t bytes, size_t alignment) noexcept {
  if (bytes < kHugeBytes || alignment > kHugePageBytes) {
    DeallocateSmall(p, alignment);
    return;
  }
  munmap(p, MappedBytes(bytes) - kHugePageBytes);
}

void AdviseHugePages(void* p, size_t bytes) {
  if (bytes < kHugeBytes) return;
  const uintptr_t begin = reinterpret_cast<uintptr_t>(p);
  const uintptr_t start = RoundUpToHugePages(begin);
  const uintptr_t end = (begin + bytes) & ~(kHugePageBytes - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
}

}  // namespace audit::dense_array
