// BuiltWhenUsed<T>: an accelerator built only once it has been asked for often enough to pay for
// itself. A regex set or prefilter costs milliseconds to compile and saves microseconds per use, so
// a run over a handful of articles (an editor's check, a pre-commit hook) is better off without
// one, and a run over thousands is better off with it. Until the `threshold`-th call Get() returns
// null and the caller takes its plain path, which must give the same answers; the call that
// reaches the threshold builds the accelerator, and every later call gets it.
//
// Thread-safe: Get() is lock-free once built; one caller builds, and callers past the threshold
// wait for it meanwhile. Neither copyable nor movable; hold it by pointer.
#ifndef AUDIT_RULES_BUILT_WHEN_USED_H_
#define AUDIT_RULES_BUILT_WHEN_USED_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

namespace audit {

template <typename T>
class BuiltWhenUsed {
 public:
  BuiltWhenUsed(size_t threshold, std::function<std::unique_ptr<T>()> build)
      : threshold_(threshold), build_(std::move(build)) {}
  BuiltWhenUsed(const BuiltWhenUsed&) = delete;
  BuiltWhenUsed& operator=(const BuiltWhenUsed&) = delete;

  // The accelerator, or null while it is not (yet) built.
  const T* Get() const {
    if (const T* built = built_.load(std::memory_order_acquire)) return built;
    if (calls_.fetch_add(1, std::memory_order_relaxed) + 1 < threshold_) return nullptr;
    return BuildNow();
  }

  // Builds the accelerator now, if no call has, and returns it (null when it cannot be built). A
  // caller that gets here while another builds waits for it: the plain path may cost more than
  // the wait (FirstMatch's patterns are compiled one by one only when used).
  const T* BuildNow() const {
    std::call_once(once_, [this] {
      owned_ = build_();
      built_.store(owned_.get(), std::memory_order_release);
    });
    return owned_.get();
  }

 private:
  const size_t threshold_;
  const std::function<std::unique_ptr<T>()> build_;
  // Written once, under once_, before `built_` publishes it.
  mutable std::unique_ptr<T> owned_;
  mutable std::atomic<const T*> built_{nullptr};
  mutable std::atomic<size_t> calls_{0};
  mutable std::once_flag once_;
};

}  // namespace audit

#endif  // AUDIT_RULES_BUILT_WHEN_USED_H_
