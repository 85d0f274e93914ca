// StringListPool: keeps one copy of each distinct list of strings handed to it and returns views of
// it, for lists that repeat from one sentence to the next (a long document's 300,000 sentences fire
// a few hundred distinct combinations of claim signals: one list each rather than a vector of
// strings per sentence).
//
// A view stays valid as long as the pool lives, across later Intern calls and across a move of the
// pool (its lists are set nodes that neither an insertion nor a move relocates). Not copyable: a
// copy's views would still point into the original. Not thread-safe; one owner at a time.
#ifndef AUDIT_BASE_STRING_LIST_POOL_H_
#define AUDIT_BASE_STRING_LIST_POOL_H_

#include <algorithm>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace audit {

class StringListPool {
 public:
  StringListPool() = default;
  StringListPool(StringListPool&&) = default;
  StringListPool& operator=(StringListPool&&) = default;
  StringListPool(const StringListPool&) = delete;
  StringListPool& operator=(const StringListPool&) = delete;

  // A view of the pool's copy of `list`, made on first sight. An empty list is an empty view and
  // takes no room.
  std::span<const std::string> Intern(std::span<const std::string_view> list);
  std::span<const std::string> Intern(const std::vector<std::string>& list);

  // How many distinct non-empty lists the pool holds.
  size_t size() const { return lists_.size(); }

 private:
  // Orders stored lists and looked-up views alike, element by element, so a lookup needs no copy.
  struct Less {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return std::lexicographical_compare(
          a.begin(), a.end(), b.begin(), b.end(),
          [](std::string_view x, std::string_view y) { return x < y; });
    }
  };

  std::set<std::vector<std::string>, Less> lists_;
};

}  // namespace audit

#endif  // AUDIT_BASE_STRING_LIST_POOL_H_
