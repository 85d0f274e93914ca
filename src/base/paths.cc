#include "base/paths.h"

#include <filesystem>

namespace audit {

std::string DisplayPath(const std::string& path, const std::string& root) {
  if (root.empty()) return path;
  std::error_code ec;
  const auto absolute = std::filesystem::weakly_canonical(path, ec);
  if (ec) return path;
  const auto base = std::filesystem::weakly_canonical(root, ec);
  if (ec) return path;
  const auto relative = absolute.lexically_relative(base);
  if (relative.empty() || relative.native().rfind("..", 0) == 0) return path;
  return relative.generic_string();
}

}  // namespace audit
