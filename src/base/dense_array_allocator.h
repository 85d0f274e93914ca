// DenseArrayAllocator: the allocator of arrays that grow with the document and are written whole,
// such as the verdicts of a document's sentences (320 bytes each: 94 MB for a 34 MB article).
//
// Small arrays come from operator new as usual. An array of kHugeBytes or more is mapped on its
// own, aligned to 2 MB, and marked MADV_HUGEPAGE, so that the kernel backs it with 2 MB pages
// where transparent huge pages are enabled (the default "madvise" mode of Debian and most
// distributions): writing it then takes one page fault per 2 MB rather than one per 4 KB. On a
// virtual machine a page fault costs several microseconds, and the 4 KB faults of one large
// document's verdicts were a fifth of its run (bench/). Only arrays written from end to end
// should use it: a 2 MB page is zeroed whole at its first write, so sparse use costs more, not
// less. (The heap itself grows in huge pages only once it is large: cli/heap.h.) Where the kernel's
// memory is fragmented, it may compact to find a huge page at the first write (the default
// "defrag=madvise"); none of the bench runs here showed such a stall.
//
// Stateless: any two allocators are equal, and memory may be freed by any of them on any thread.
#ifndef AUDIT_BASE_DENSE_ARRAY_ALLOCATOR_H_
#define AUDIT_BASE_DENSE_ARRAY_ALLOCATOR_H_

#include <cstddef>
#include <cstdint>
#include <new>

namespace audit {

namespace dense_array {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;
// Below this an array stays on the heap: a mapping of its own would round it up to a whole huge
// page and cost a system call for little gain.
inline constexpr size_t kHugeBytes = size_t{8} << 20;

// `bytes` rounded up to whole huge pages (0 if that overflows).
inline constexpr size_t RoundUpToHugePages(size_t bytes) {
  return bytes > SIZE_MAX - (kHugePageBytes - 1)
             ? 0
             : (bytes + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
}

// Memory for `bytes` bytes, at least alignof(std::max_align_t)-aligned; throws std::bad_alloc.
void* Allocate(size_t bytes, size_t alignment);
void Deallocate(void* p, size_t bytes, size_t alignment) noexcept;

// For a buffer of `bytes` bytes at `p` that is about to be written whole but is not allocated
// here (a std::string's): asks for huge pages on the whole 2 MB pages inside it, if it is of
// kHugeBytes or more. Call it before the first write: pages already touched stay small.
void AdviseHugePages(void* p, size_t bytes);

}  // namespace dense_array

template <typename T>
class DenseArrayAllocator {
 public:
  using value_type = T;

  DenseArrayAllocator() = default;
  template <typename U>
  DenseArrayAllocator(const DenseArrayAllocator<U>&) {}  // NOLINT: allocators convert implicitly

  T* allocate(size_t n) {
    if (n > SIZE_MAX / sizeof(T)) throw std::bad_array_new_length();
    return static_cast<T*>(dense_array::Allocate(n * sizeof(T), alignof(T)));
  }
  void deallocate(T* p, size_t n) noexcept {
    dense_array::Deallocate(p, n * sizeof(T), alignof(T));
  }

  template <typename U>
  bool operator==(const DenseArrayAllocator<U>&) const {
    return true;
  }
};

}  // namespace audit

#endif  // AUDIT_BASE_DENSE_ARRAY_ALLOCATOR_H_
