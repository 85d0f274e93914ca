// ConfigureHeap: sets up the process's memory allocator for an audit. Call it first in main(),
// before any other thread starts. Without tcmalloc (the sanitizer builds) it does nothing.
//
// With tcmalloc it does two things:
// - holds the per-thread caches to 2 MB in all (tcmalloc's default lets them grow to 32 MB, more
//   than an audit's own working set, and peak memory then crept up with the length of a run);
// - once the heap has taken kSmallHeapBytes from the system, grows it in whole 2 MB pages advised
//   MADV_HUGEPAGE (see HugePageHeapGrowth in heap.cc). A run over a corpus of articles stays below
//   that (11 MB of heap at the 10x bench corpus, 15 MB at 100x) and keeps 4 KB pages, so its
//   footprint does not change; a long document (a 34 MB article holds about 90 MB of heap: its text
//   and its block texts) then takes one page fault per 2 MB instead of one per 4 KB, which on
//   a virtual machine was a fifth of its run (bench/).
#ifndef AUDIT_CLI_HEAP_H_
#define AUDIT_CLI_HEAP_H_

#include <cstddef>

namespace audit {

inline constexpr size_t kSmallHeapBytes = size_t{32} << 20;

void ConfigureHeap();

}  // namespace audit

#endif  // AUDIT_CLI_HEAP_H_
