#include "pipeline/parallel_audit.h"

#include <algorithm>

namespace audit {

void RunJobsInOrder(int jobs, const NextJob& next, const std::function<void(FileReport&)>& emit) {
  RunOrdered<FileReport>(jobs, next, emit);
}

void RunInOrder(size_t count, int jobs, const std::function<FileReport(size_t, int)>& produce,
                const std::function<void(FileReport&)>& render,
                const std::function<void(FileReport&)>& emit) {
  // No more threads than items: a thread started for nothing costs more than a short item.
  jobs = static_cast<int>(std::min<size_t>(WorkerCount(jobs), std::max<size_t>(count, 1)));
  size_t next_item = 0;
  RunJobsInOrder(
      jobs,
      [&]() -> Job {
        if (next_item == count) return Job();
        return [&produce, &render, i = next_item++](int worker) {
          FileReport report = produce(i, worker);
          render(report);
          return report;
        };
      },
      emit);
}

}  // namespace audit
