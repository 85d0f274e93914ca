// Audits files on a pool of worker threads and hands each FileReport to a callback in input order,
// as soon as it and every file before it are done, so output streams and memory holds only the
// files in flight. The calling thread is one of the workers, and whichever worker finishes the
// file next in order emits it (and any finished files after it): no thread waits for another to
// hand it a result, which on a small machine would cost a context switch per file.
#ifndef AUDIT_PIPELINE_PARALLEL_AUDIT_H_
#define AUDIT_PIPELINE_PARALLEL_AUDIT_H_

#include <functional>
#include <string>
#include <vector>

#include "pipeline/auditor.h"

namespace audit {

// Calls `render` on the worker thread that audited a file (to format its output in parallel; it
// must be thread-safe), then `emit` once per file, in the order of `files`. Calls to `emit` never
// overlap and each happens after the one before it (a mutex orders them), though not always on the
// calling thread.
// `jobs` <= 0 means one per core.
void AuditInOrder(const Auditor& auditor, const std::vector<std::string>& files, int jobs,
                  const std::function<void(FileReport&)>& render,
                  const std::function<void(FileReport&)>& emit);

// The worker threads `jobs` asks for: itself, or one per core when it is 0 or less.
int WorkerCount(int jobs);

// The same for any `count` items: `produce(i)` (on a worker, thread-safe) makes item i's report.
void RunInOrder(size_t count, int jobs, const std::function<FileReport(size_t)>& produce,
                const std::function<void(FileReport&)>& render,
                const std::function<void(FileReport&)>& emit);

}  // namespace audit

#endif  // AUDIT_PIPELINE_PARALLEL_AUDIT_H_
