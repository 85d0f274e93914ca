#include "cli/output_files.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace audit {

namespace {

std::string TempName(const std::string& path) { return path + ".tmp-" + std::to_string(getpid()); }

}  // namespace

bool WriteFileAtomically(const std::string& path, const std::string& text) {
  const std::string temp = TempName(path);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      std::remove(temp.c_str());
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

OutputTarget::OutputTarget(const std::string& path) : path_(path) {
  if (path_.empty()) return;
  temp_ = TempName(path_);
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
