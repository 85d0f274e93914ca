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

void RunInOrder(size_t count, int jobs, const std::function<FileReport(size_t)>& produce,
                const std::function<void(FileReport&)>& render,
                const std::function<void(FileReport&)>& emit) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, static_cast<int>(std::max<size_t>(count, 1)));
  if (jobs == 1) {
    for (size_t i = 0; i < count; ++i) {
      FileReport report = produce(i);
      render(report);
      emit(report);
    }
    return;
  }
  // Workers never run more than this many files ahead of the writer, so memory stays bounded.
  const size_t window = static_cast<size_t>(jobs) * 4;
  std::mutex mu;
  std::condition_variable ready;    // a result arrived
  std::condition_variable advance;  // the writer moved on
  std::map<size_t, FileReport> done;
  size_t next_to_emit = 0;
  std::atomic<size_t> next_to_take{0};
  auto worker = [&] {
    for (;;) {
      const size_t i = next_to_take.fetch_add(1);
      if (i >= count) return;
      {
        std::unique_lock<std::mutex> lock(mu);
        advance.wait(lock, [&] { return i < next_to_emit + window; });
      }
      FileReport report = produce(i);
      render(report);
      std::lock_guard<std::mutex> lock(mu);
      done.emplace(i, std::move(report));
      ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  while (next_to_emit < count) {
    FileReport report;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return done.count(next_to_emit) > 0; });
      auto it = done.find(next_to_emit);
      report = std::move(it->second);
      done.erase(it);
    }
    emit(report);
    {
      std::lock_guard<std::mutex> lock(mu);
      ++next_to_emit;
    }
    advance.notify_all();
  }
  for (auto& t : threads) t.join();
}

}  // namespace audit
