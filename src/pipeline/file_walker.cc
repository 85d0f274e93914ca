#include "pipeline/file_walker.h"

#include <algorithm>
#include <filesystem>
#include <string_view>

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

std::optional<Error> FileWalker::Enter(const std::string& path) {
  std::error_code ec;
  fs::directory_iterator it(path, ec);
  if (ec) return Error::InFile(ErrorCode::kIo, path, "cannot list folder: " + ec.message());
  Folder folder;
  folder.path = path;
  for (fs::directory_iterator end; it != end; it.increment(ec)) {
    if (ec) return Error::InFile(ErrorCode::kIo, path, "cannot list folder: " + ec.message());
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    // A folder is walked, unless it is a link to one (a link may lead back up: a loop); other
    // entries count only with an article's extension. The listing gives each entry's type, so
    // these tests make no system call except for a link.
    std::error_code type_ec;
    const bool link = it->is_symlink(type_ec);
    Folder::Kind kind = Folder::Kind::kOther;
    if (!link && it->is_directory(type_ec)) {
      kind = Folder::Kind::kFolder;
      name += '/';
    } else if (!IsArticleFileName(name)) {
      continue;
    } else if (!link && it->is_regular_file(type_ec)) {
      kind = Folder::Kind::kFile;
    }
    folder.entries.push_back(
        {static_cast<uint32_t>(folder.names.size()), static_cast<uint32_t>(name.size()), kind});
    folder.names += name;
  }
  const std::string& names = folder.names;
  std::sort(folder.entries.begin(), folder.entries.end(),
            [&names](const Folder::Entry& a, const Folder::Entry& b) {
              return std::string_view(names).substr(a.begin, a.size) <
                     std::string_view(names).substr(b.begin, b.size);
            });
  folders_.push_back(std::move(folder));
  return std::nullopt;
}

bool FileWalker::Next(WalkStep* step) {
  for (;;) {
    if (folders_.empty()) {
      if (next_path_ == paths_.size()) return false;
      std::string path = std::move(paths_[next_path_++]);
      std::error_code ec;
      const fs::file_status status = fs::status(path, ec);
      if (ec || !fs::exists(status)) {
        *step = {path, Error::InFile(ErrorCode::kIo, path, "no such file or folder")};
        return true;
      }
      if (!fs::is_directory(status)) {
        *step = {std::move(path), std::nullopt};  // a file named on the command line, as given
        return true;
      }
      if (std::optional<Error> error = Enter(path)) {
        *step = {path, std::move(error)};
        return true;
      }
      continue;
    }
    Folder& folder = folders_.back();
    if (folder.next == folder.entries.size()) {
      folders_.pop_back();
      continue;
    }
    const Folder::Entry entry = folder.entries[folder.next++];
    std::string_view name = std::string_view(folder.names).substr(entry.begin, entry.size);
    if (entry.kind == Folder::Kind::kFolder) {
      name.remove_suffix(1);
      // `folder` may move when the sub-folder is pushed: the path is made first.
      const std::string path = (fs::path(folder.path) / name).string();
      if (std::optional<Error> error = Enter(path)) {
        *step = {path, std::move(error)};
        return true;
      }
      continue;
    }
    std::string path = (fs::path(folder.path) / name).string();
    std::error_code ec;
    if (entry.kind == Folder::Kind::kFile || fs::is_regular_file(path, ec)) {  // a link: followed
      *step = {std::move(path), std::nullopt};
      return true;
    }
    if (fs::is_symlink(fs::symlink_status(path, ec)) && !fs::exists(path, ec)) {
      // An article's name that leads nowhere: say so rather than skip it silently.
      *step = {path, Error::InFile(ErrorCode::kIo, path, "broken symbolic link")};
      return true;
    }
    if (!fs::is_directory(path, ec)) {
      *step = {path, Error::InFile(ErrorCode::kIo, path, "not a regular file (a pipe or device)")};
      return true;
    }
    // A link to a folder with an article's name: not followed.
  }
}

size_t FileWalker::held_entries() const {
  size_t held = 0;
  for (const Folder& folder : folders_) held += folder.entries.size() - folder.next;
  return held;
}

}  // namespace audit
