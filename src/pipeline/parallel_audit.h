// Audits files on a pool of worker threads and hands each FileReport to a callback in input order,
// as soon as it and every file before it are done, so output streams and memory holds only the
// files in flight. The calling thread is one of the workers, and whichever worker finishes the
// file next in order emits it (and any finished files after it): no thread waits for another to
// hand it a result, which on a small machine would cost a context switch per file.
#ifndef AUDIT_PIPELINE_PARALLEL_AUDIT_H_
#define AUDIT_PIPELINE_PARALLEL_AUDIT_H_

#include <cstddef>
#include <functional>

#include "report/file_report.h"

namespace audit {

// One item's work, run on a worker thread (it must be thread-safe): its report, ready to emit.
using Job = std::function<FileReport()>;
// The next item's job, or an empty Job when there are no more. Called by one thread at a time, in
// input order, under the pool's lock: it may keep state (a folder walk) without its own.
using NextJob = std::function<Job()>;

// Runs the jobs `next` hands out on `jobs` worker threads and calls `emit` once per item, in the
// order `next` gave them. Calls to `emit` never overlap and each happens after the one before it (a
// mutex orders them), though not always on the calling thread. Workers stay within a window of a
// few items per thread ahead of the next to emit, so memory holds only the items in flight.
// `jobs` <= 0 means one per core.
void RunJobsInOrder(int jobs, const NextJob& next, const std::function<void(FileReport&)>& emit);

// The worker threads `jobs` asks for: itself, or one per core when it is 0 or less.
int WorkerCount(int jobs);

// The same for `count` items known in advance: `produce(i)` makes item i's report and `render` then
// formats it, both on the worker (thread-safe).
void RunInOrder(size_t count, int jobs, const std::function<FileReport(size_t)>& produce,
                const std::function<void(FileReport&)>& render,
                const std::function<void(FileReport&)>& emit);

}  // namespace audit

#endif  // AUDIT_PIPELINE_PARALLEL_AUDIT_H_
