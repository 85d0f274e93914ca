#include "cli/heap.h"

#ifdef AUDIT_TCMALLOC

#include <gperftools/malloc_extension.h>
#include <sys/mman.h>

#include "base/dense_array_allocator.h"

namespace audit {

namespace {

// The system allocator tcmalloc grows its heap with: tcmalloc's own (sbrk, then mmap) until the
// heap holds kSmallHeapBytes; past that, each request is rounded up to whole huge pages, aligned
// to one and advised MADV_HUGEPAGE. tcmalloc carves small objects out of this memory densely, so a
// 2 MB page is filled rather than zeroed for one object, and the rounding wastes at most one huge
// page per request on a heap already past 32 MB. Where transparent huge pages are off, the advice
// is ignored and the heap is as before.
//
// Thread-safety: tcmalloc calls Alloc with its system-allocation lock held, which also guards
// taken_.
class HugePageHeapGrowth : public SysAllocator {
 public:
  explicit HugePageHeapGrowth(SysAllocator* system) : system_(system) {}

  void* Alloc(size_t size, size_t* actual_size, size_t alignment) override {
    size_t got = 0;
    void* p = nullptr;
    if (taken_ + size > kSmallHeapBytes) p = AllocHuge(size, alignment, &got);
    if (p == nullptr) p = system_->Alloc(size, &got, alignment);
    if (p == nullptr) return nullptr;
    taken_ += got;
    if (actual_size) *actual_size = got;
    return p;
  }

 private:
  void* AllocHuge(size_t size, size_t alignment, size_t* got) {
    constexpr size_t kHuge = dense_array::kHugePageBytes;
    const size_t rounded = dense_array::RoundUpToHugePages(size);
    if (rounded < size) return nullptr;  // overflow: let the system allocator refuse it
    void* p = system_->Alloc(rounded, got, alignment > kHuge ? alignment : kHuge);
    if (p != nullptr) madvise(p, *got / kHuge * kHuge, MADV_HUGEPAGE);
    return p;
  }

  SysAllocator* const system_;
  size_t taken_ = 0;  // bytes handed to tcmalloc so far
};

}  // namespace

void ConfigureHeap() {
  MallocExtension* tcmalloc = MallocExtension::instance();
  tcmalloc->SetNumericProperty("tcmalloc.max_total_thread_cache_bytes", size_t{2} << 20);
  // Lives as long as the process: tcmalloc keeps calling it until exit.
  static HugePageHeapGrowth growth(tcmalloc->GetSystemAllocator());
  tcmalloc->SetSystemAllocator(&growth);
}

}  // namespace audit

#else

namespace audit {

void ConfigureHeap() {}

}  // namespace audit

#endif  // AUDIT_TCMALLOC
