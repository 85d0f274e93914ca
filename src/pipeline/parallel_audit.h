// The worker pool of `audit check` and `--stdin-jsonl`: RunOrdered (pipeline/ordered_pool.h) for
// FileReports, and for a count of items known in advance.
#ifndef AUDIT_PIPELINE_PARALLEL_AUDIT_H_
#define AUDIT_PIPELINE_PARALLEL_AUDIT_H_

#include <cstddef>
#include <functional>

#include "pipeline/ordered_pool.h"
#include "report/file_report.h"

namespace audit {

// One item's work, run on a worker thread (it must be thread-safe) and passed the worker's number
// (see RunOrdered): its report, ready to emit.
using Job = std::function<FileReport(int worker)>;
// The next item's job, or an empty Job when there are no more. Called by one thread at a time, in
// input order, under the pool's lock: it may keep state (a folder walk) without its own.
using NextJob = std::function<Job()>;

// RunOrdered for reports: see there.
void RunJobsInOrder(int jobs, const NextJob& next, const std::function<void(FileReport&)>& emit);

// The same for `count` items known in advance: `produce(i, worker)` makes item i's report on worker
// number `worker` and `render` then formats it, both on the worker (thread-safe).
void RunInOrder(size_t count, int jobs, const std::function<FileReport(size_t, int)>& produce,
                const std::function<void(FileReport&)>& render,
                const std::function<void(FileReport&)>& emit);

}  // namespace audit

#endif  // AUDIT_PIPELINE_PARALLEL_AUDIT_H_
