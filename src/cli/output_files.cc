#include "cli/output_files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "base/atomic_file.h"

namespace audit {

OutputTarget::OutputTarget(const std::string& path) : path_(path) {
  if (path_.empty()) return;
  temp_ = TempNameFor(path_);
  file_.open(temp_, std::ios::binary | std::ios::trunc);
}

std::ostream& OutputTarget::stream() { return path_.empty() ? std::cout : file_; }

bool OutputTarget::Commit(std::string* error) {
  if (path_.empty()) {
    std::cout.flush();
    return true;
  }
  file_.close();
  if (!file_ || std::rename(temp_.c_str(), path_.c_str()) != 0) {
    *error = std::strerror(errno);
    std::remove(temp_.c_str());
    return false;
  }
  return true;
}

}  // namespace audit
