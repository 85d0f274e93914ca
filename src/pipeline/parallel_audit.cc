#include "pipeline/parallel_audit.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace audit {

void AuditInOrder(const Auditor& auditor, const std::vector<std::string>& files, int jobs,
                  const std::function<void(FileReport&)>& render,
                  const std::function<void(FileReport&)>& emit) {
  RunInOrder(
      files.size(), jobs, [&](size_t i) { return auditor.AuditFile(files[i]); }, render, emit);
}

int WorkerCount(int jobs) {
  return jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void RunInOrder(size_t count, int jobs, const std::function<FileReport(size_t)>& produce,
                const std::function<void(FileReport&)>& render,
                const std::function<void(FileReport&)>& emit) {
  jobs = std::min<int>(WorkerCount(jobs), static_cast<int>(std::max<size_t>(count, 1)));
  if (jobs == 1) {
    for (size_t i = 0; i < count; ++i) {
      FileReport report = produce(i);
      render(report);
      emit(report);
    }
    return;
  }
  // Workers never run more than this many files ahead of the next file to emit, so memory stays
  // bounded.
  const size_t window = static_cast<size_t>(jobs) * 4;
  std::mutex mu;
  std::condition_variable advance;  // next_to_emit moved on
  std::map<size_t, FileReport> done;
  size_t next_to_emit = 0;
  bool emitting = false;  // a worker is draining `done`
  size_t waiting = 0;     // workers blocked on the window
  std::atomic<size_t> next_to_take{0};
  auto worker = [&] {
    for (;;) {
      const size_t i = next_to_take.fetch_add(1);
      if (i >= count) return;
      {
        std::unique_lock<std::mutex> lock(mu);
        if (i >= next_to_emit + window) {
          ++waiting;
          advance.wait(lock, [&] { return i < next_to_emit + window; });
          --waiting;
        }
      }
      FileReport report = produce(i);
      render(report);
      std::unique_lock<std::mutex> lock(mu);
      done.emplace(i, std::move(report));
      if (emitting) continue;  // the worker draining will reach it
      emitting = true;
      for (auto it = done.find(next_to_emit); it != done.end(); it = done.find(next_to_emit)) {
        FileReport next = std::move(it->second);
        done.erase(it);
        lock.unlock();
        emit(next);
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

}  // namespace audit
