#include "base/string_list_pool.h"

namespace audit {

std::span<const std::string> StringListPool::Intern(std::span<const std::string_view> list) {
  if (list.empty()) return {};
  auto it = lists_.find(list);
  if (it == lists_.end()) it = lists_.emplace(list.begin(), list.end()).first;
  return *it;
}

std::span<const std::string> StringListPool::Intern(const std::vector<std::string>& list) {
  const std::vector<std::string_view> views(list.begin(), list.end());
  return Intern(views);
}

}  // namespace audit
