// StringViewHash: the hash of string-keyed unordered containers that are looked up by
// std::string_view (with std::equal_to<> as their equality), so that a lookup of a view makes no
// std::string. Stateless; thread-safe.
#ifndef AUDIT_BASE_STRING_HASH_H_
#define AUDIT_BASE_STRING_HASH_H_

#include <cstddef>
#include <functional>
#include <string_view>

namespace audit {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

}  // namespace audit

#endif  // AUDIT_BASE_STRING_HASH_H_
