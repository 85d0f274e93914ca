#include "pipeline/parallel_audit.h"

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace audit {

int WorkerCount(int jobs) {
  return jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void RunJobsInOrder(int jobs, const NextJob& next, const std::function<void(FileReport&)>& emit) {
  jobs = WorkerCount(jobs);
  if (jobs == 1) {
    for (Job job = next(); job; job = next()) {
      FileReport report = job();
      emit(report);
    }
    return;
  }
  // Workers never run more than this many items ahead of the next item to emit, so memory stays
  // bounded.
  const size_t window = static_cast<size_t>(jobs) * 4;
  std::mutex mu;
  std::condition_variable advance;  // next_to_emit moved on, or the items ran out
  std::map<size_t, FileReport> done;
  size_t next_to_emit = 0;
  size_t taken = 0;        // items handed out so far
  bool exhausted = false;  // `next` has said there are no more
  bool emitting = false;   // a worker is draining `done`
  size_t waiting = 0;      // workers blocked on the window
  auto worker = [&] {
    std::unique_lock<std::mutex> lock(mu);
    for (;;) {
      if (!exhausted && taken >= next_to_emit + window) {
        ++waiting;
        advance.wait(lock, [&] { return exhausted || taken < next_to_emit + window; });
        --waiting;
      }
      if (exhausted) return;
      Job job = next();
      if (!job) {
        exhausted = true;
        if (waiting > 0) advance.notify_all();
        return;
      }
      const size_t i = taken++;
      lock.unlock();
      FileReport report = job();
      lock.lock();
      done.emplace(i, std::move(report));
      if (emitting) continue;  // the worker draining will reach it
      emitting = true;
      for (auto it = done.find(next_to_emit); it != done.end(); it = done.find(next_to_emit)) {
        FileReport ready = std::move(it->second);
        done.erase(it);
        lock.unlock();
        emit(ready);
        lock.lock();
        ++next_to_emit;
      }
      emitting = false;
      if (waiting > 0) advance.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

void RunInOrder(size_t count, int jobs, const std::function<FileReport(size_t)>& produce,
                const std::function<void(FileReport&)>& render,
                const std::function<void(FileReport&)>& emit) {
  // No more threads than items: a thread started for nothing costs more than a short item.
  jobs = static_cast<int>(std::min<size_t>(WorkerCount(jobs), std::max<size_t>(count, 1)));
  size_t next_item = 0;
  RunJobsInOrder(
      jobs,
      [&]() -> Job {
        if (next_item == count) return Job();
        return [&produce, &render, i = next_item++] {
          FileReport report = produce(i);
          render(report);
          return report;
        };
      },
      emit);
}

}  // namespace audit
