// RunOrdered: a pool of worker threads that runs jobs handed out in order and hands their results
// to a callback in that same order, as soon as a result and every one before it are done, so output
// streams and memory holds only the items in flight. The calling thread is one of the workers,
// and whichever worker finishes the item next in order emits it (and any finished items after it):
// no thread waits for another to hand it a result, which on a small machine would cost a context
// switch per item.
//
// A result is destroyed on the thread that made it, not on the one that emitted it: a report is a
// few hundred allocations, and freeing another thread's allocations sends each through the
// allocator's shared lists (tcmalloc's central free lists, glibc's arena locks) and moves its cache
// lines between cores. Freeing each report where it was emitted cost two workers about 6% more CPU
// than handing it back to its maker (100x bench corpus, five alternating pairs).
#ifndef AUDIT_PIPELINE_ORDERED_POOL_H_
#define AUDIT_PIPELINE_ORDERED_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace audit {

// The worker threads `jobs` asks for: itself, or one per core when it is 0 or less.
int WorkerCount(int jobs);

// Runs the jobs `next` hands out on `jobs` worker threads (`jobs` <= 0: one per core) and calls
// `emit` once per item, in the order `next` gave them. `next` returns an empty function when there
// are no more items; it is called by one thread at a time, in order, under the pool's lock, so it
// may keep state (a folder walk) without a lock of its own, and is not called again once it has
// said there are no more. A job runs on a worker (it must be thread-safe) and is passed that
// worker's number, 0 to WorkerCount(jobs) - 1; a worker is one thread, which runs its jobs one
// after another, so state a job keeps for its worker number is never touched by two threads at
// once (the calling thread is worker 0). Calls to `emit` never overlap and each happens after the
// one before it (a mutex orders them), though not always on the calling thread. Workers stay within
// a window of four items per thread ahead of the next item to emit.
template <typename Item>
void RunOrdered(int jobs, const std::function<std::function<Item(int worker)>()>& next,
                const std::function<void(Item&)>& emit) {
  using Job = std::function<Item(int worker)>;
  jobs = WorkerCount(jobs);
  if (jobs == 1) {
    for (Job job = next(); job; job = next()) {
      Item item = job(0);
      emit(item);
    }
    return;
  }
  const size_t window = static_cast<size_t>(jobs) * 4;
  struct Done {
    Item item;
    int maker;  // the worker that made it, and will destroy it
  };
  std::mutex mu;
  std::condition_variable advance;  // next_to_emit moved on, or the items ran out
  std::map<size_t, Done> done;
  // Per worker: emitted items another worker made, to be destroyed by their maker.
  std::vector<std::vector<Item>> to_destroy(static_cast<size_t>(jobs));
  size_t next_to_emit = 0;
  size_t taken = 0;        // items handed out so far
  bool exhausted = false;  // `next` has said there are no more
  bool emitting = false;   // a worker is draining `done`
  size_t waiting = 0;      // workers blocked on the window
  auto worker = [&](int self) {
    std::vector<Item> emitted_elsewhere;
    Job job;
    std::unique_lock<std::mutex> lock(mu);
    for (;;) {
      if (!to_destroy[self].empty()) {
        emitted_elsewhere.swap(to_destroy[self]);
        lock.unlock();
        emitted_elsewhere.clear();
        lock.lock();
      }
      if (!exhausted && taken >= next_to_emit + window) {
        ++waiting;
        advance.wait(lock, [&] { return exhausted || taken < next_to_emit + window; });
        --waiting;
      }
      if (!exhausted) {
        job = next();
        if (!job) {
          exhausted = true;
          if (waiting > 0) advance.notify_all();
        }
      }
      if (exhausted) {
        // Before leaving, wait for every item in flight to be emitted, so that those of ours
        // another worker emits come back to be freed here.
        ++waiting;
        advance.wait(lock, [&] { return next_to_emit == taken; });
        --waiting;
        emitted_elsewhere.swap(to_destroy[self]);
        lock.unlock();
        return;  // `emitted_elsewhere` is freed on the way out, after the lock is released
      }
      const size_t i = taken++;
      lock.unlock();
      Item item = job(self);
      job = nullptr;
      lock.lock();
      done.emplace(i, Done{std::move(item), self});
      if (emitting) continue;  // the worker draining will reach it
      emitting = true;
      for (auto it = done.find(next_to_emit); it != done.end(); it = done.find(next_to_emit)) {
        Done ready = std::move(it->second);
        done.erase(it);
        lock.unlock();
        emit(ready.item);
        if (ready.maker == self) {
          Item freed_outside_the_lock = std::move(ready.item);
        }
        lock.lock();
        if (ready.maker != self) to_destroy[ready.maker].push_back(std::move(ready.item));
        ++next_to_emit;
      }
      emitting = false;
      if (waiting > 0) advance.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker, t);
  worker(0);
  for (auto& t : threads) t.join();
}

}  // namespace audit

#endif  // AUDIT_PIPELINE_ORDERED_POOL_H_
