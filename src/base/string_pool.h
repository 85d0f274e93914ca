// StringPool: keeps one copy of each distinct string handed to it and returns views of it, for text
// that repeats many times over in one result (a long document's findings say "Unattributed claim
// (score 0.85): ..." thousands of times with a few dozen scores).
//
// A view stays valid as long as the pool lives, across later Intern calls and across a move of the
// pool (its strings are nodes that neither rehashing nor a move relocates). Not copyable: a copy's
// views would still point into the original. Not thread-safe; one owner at a time.
#ifndef AUDIT_BASE_STRING_POOL_H_
#define AUDIT_BASE_STRING_POOL_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "base/string_hash.h"

namespace audit {

class StringPool {
 public:
  StringPool() = default;
  StringPool(StringPool&&) = default;
  StringPool& operator=(StringPool&&) = default;
  StringPool(const StringPool&) = delete;
  StringPool& operator=(const StringPool&) = delete;

  // A view of the pool's copy of `text`, made on first sight.
  std::string_view Intern(std::string_view text) {
    auto it = strings_.find(text);
    if (it == strings_.end()) it = strings_.emplace(text).first;
    return *it;
  }

  // How many distinct strings the pool holds.
  size_t size() const { return strings_.size(); }

 private:
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> strings_;
};

}  // namespace audit

#endif  // AUDIT_BASE_STRING_POOL_H_
