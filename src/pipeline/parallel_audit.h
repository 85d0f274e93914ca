// Audits files on a pool of worker threads and hands each FileReport to a callback in input order,
// as soon as it and every file before it are done, so output streams and memory holds only the
// files in flight.
#ifndef AUDIT_PIPELINE_PARALLEL_AUDIT_H_
#define AUDIT_PIPELINE_PARALLEL_AUDIT_H_

#include <functional>
#include <string>
#include <vector>

#include "pipeline/auditor.h"

namespace audit {

// Calls `render` on the worker thread that audited a file (to format its output in parallel; it
// must be thread-safe), then `emit` on the calling thread, once per file, in the order of `files`.
// `jobs` <= 0 means one per core.
void AuditInOrder(const Auditor& auditor, const std::vector<std::string>& files, int jobs,
                  const std::function<void(FileReport&)>& render,
                  const std::function<void(FileReport&)>& emit);

// The same for any `count` items: `produce(i)` (on a worker, thread-safe) makes item i's report.
void RunInOrder(size_t count, int jobs, const std::function<FileReport(size_t)>& produce,
                const std::function<void(FileReport&)>& render,
                const std::function<void(FileReport&)>& emit);

}  // namespace audit

#endif  // AUDIT_PIPELINE_PARALLEL_AUDIT_H_
