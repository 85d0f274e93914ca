// LazyRegex: a rule pattern whose syntax was checked at load, compiled into an RE2 on its first
// use. Most role patterns are only ever matched through the RE2::Set that FirstMatch compiles from
// their text, and compiling one pattern with Unicode classes (\p{L}) costs a millisecond or more:
// a pattern is compiled on its own only when something asks for it (a dateline's credit, a rule's
// examples, FirstMatch without its sets).
//
// Thread-safe: the first Get() compiles, once, and every caller gets the same RE2. Neither copyable
// nor movable; hold it by pointer.
#ifndef AUDIT_RULES_LAZY_REGEX_H_
#define AUDIT_RULES_LAZY_REGEX_H_

#include <re2/re2.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

namespace audit {

class LazyRegex {
 public:
  LazyRegex(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)), options_(options) {}
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;

  // The pattern as RE2 sees it (lexicons expanded), and the options it is compiled with.
  const std::string& pattern() const { return pattern_; }
  const RE2::Options& options() const { return options_; }

  // The compiled pattern; compiles it on the first call. Check ok(): a pattern that parses may
  // still be too large to compile.
  const RE2& Get() const {
    std::call_once(once_, [this] {
      re_ = std::make_unique<RE2>(pattern_, options_);
      compiled_.store(true, std::memory_order_release);
    });
    return *re_;
  }

  // Whether Get() has compiled the pattern (for tests of who compiles what).
  bool compiled() const { return compiled_.load(std::memory_order_acquire); }

 private:
  const std::string pattern_;
  const RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<RE2> re_;  // written once, under once_
  mutable std::atomic<bool> compiled_{false};
};

}  // namespace audit

#endif  // AUDIT_RULES_LAZY_REGEX_H_
