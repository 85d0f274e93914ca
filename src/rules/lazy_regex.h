// LazyRegex: a rule pattern whose syntax was checked at load, compiled into an RE2 on its first
// use. Most role patterns are only ever matched through the RE2::Set that FirstMatch compiles from
// their text, and compiling one pattern with Unicode classes (\p{L}) costs a millisecond or more:
// a pattern is compiled on its own only when something asks for it (a dateline's credit, a rule's
// examples, FirstMatch without its sets).
//
// It holds two forms of the pattern: the full one, and the one narrowed to the common script
// (rules/common_script.h), which compiles in a fraction of the time and matches the same on a text
// in that script. For(text_in_common_script) gives the one a text needs; each form is compiled
// when first asked for, so a run over texts in the common script never compiles the full one.
//
// Thread-safe: the first call for a form compiles it, once, and every caller gets the same RE2.
// Neither copyable nor movable; hold it by pointer.
#ifndef AUDIT_RULES_LAZY_REGEX_H_
#define AUDIT_RULES_LAZY_REGEX_H_

#include <re2/re2.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "rules/common_script.h"

namespace audit {

class LazyRegex {
 public:
  LazyRegex(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)),
        narrow_pattern_(NarrowToCommonScript(pattern_)),
        options_(options) {}
  LazyRegex(const LazyRegex&) = delete;
  LazyRegex& operator=(const LazyRegex&) = delete;

  // The pattern as RE2 sees it (lexicons expanded), and the options it is compiled with.
  const std::string& pattern() const { return pattern_; }
  const RE2::Options& options() const { return options_; }
  // The pattern for a text in the common script: narrowed, or the full one when it has nothing to
  // narrow (then both forms are one RE2).
  const std::string& pattern_for(bool text_in_common_script) const {
    return text_in_common_script && narrow_pattern_ ? *narrow_pattern_ : pattern_;
  }

  // The compiled full pattern; compiles it on the first call. Check ok(): a pattern that parses may
  // still be too large to compile.
  const RE2& Get() const { return full_.Get(pattern_, options_); }

  // The form to match a text with: the narrowed one when the text is in the common script
  // (InCommonScript) and the pattern has one.
  const RE2& For(bool text_in_common_script) const {
    if (!text_in_common_script || !narrow_pattern_) return Get();
    return narrow_.Get(*narrow_pattern_, options_);
  }

  // Whether either form has been compiled, and whether the full one has (for tests of who
  // compiles what).
  bool compiled() const { return full_.compiled() || narrow_.compiled(); }
  bool full_compiled() const { return full_.compiled(); }

 private:
  class Once {
   public:
    const RE2& Get(const std::string& pattern, const RE2::Options& options) const {
      std::call_once(once_, [&] {
        re_ = std::make_unique<RE2>(pattern, options);
        compiled_.store(true, std::memory_order_release);
      });
      return *re_;
    }
    bool compiled() const { return compiled_.load(std::memory_order_acquire); }

   private:
    mutable std::once_flag once_;
    mutable std::unique_ptr<RE2> re_;  // written once, under once_
    mutable std::atomic<bool> compiled_{false};
  };

  const std::string pattern_;
  const std::optional<std::string> narrow_pattern_;
  const RE2::Options options_;
  Once full_;
  Once narrow_;
};

}  // namespace audit

#endif  // AUDIT_RULES_LAZY_REGEX_H_
