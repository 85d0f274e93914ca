#include "pipeline/file_walker.h"

#include <algorithm>
#include <filesystem>
#include <iterator>

namespace audit {

namespace fs = std::filesystem;

bool IsArticleFileName(const std::string& name) {
  static const char* kExtensions[] = {".txt", ".text", ".md",   ".markdown",
                                      ".xml", ".docx", ".html", ".htm"};
  for (const char* ext : kExtensions) {
    const size_t n = std::char_traits<char>::length(ext);
    if (name.size() > n && name.compare(name.size() - n, n, ext) == 0) return true;
  }
  return false;
}

WalkResult CollectArticleFiles(const std::vector<std::string>& paths) {
  WalkResult result;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      result.errors.push_back(Error::InFile(ErrorCode::kIo, path, "no such file or folder"));
      continue;
    }
    if (!fs::is_directory(status)) {
      result.files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      result.errors.push_back(
          Error::InFile(ErrorCode::kIo, path, "cannot list folder: " + ec.message()));
      continue;
    }
    for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        result.errors.push_back(
            Error::InFile(ErrorCode::kIo, path, "cannot list folder: " + ec.message()));
        break;
      }
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!IsArticleFileName(name)) continue;
      if (it->is_regular_file(ec)) {
        found.push_back(it->path().string());
      } else if (it->is_symlink(ec) && !fs::exists(it->path(), ec)) {
        // An article's name that leads nowhere: say so rather than skip it silently.
        result.errors.push_back(
            Error::InFile(ErrorCode::kIo, it->path().string(), "broken symbolic link"));
      } else if (!it->is_directory(ec)) {
        result.errors.push_back(Error::InFile(ErrorCode::kIo, it->path().string(),
                                              "not a regular file (a pipe or device)"));
      }
    }
    std::sort(found.begin(), found.end());
    // Moved, not copied: an archive's list of paths is the one thing here that grows with it.
    result.files.insert(result.files.end(), std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
  }
  return result;
}

}  // namespace audit
