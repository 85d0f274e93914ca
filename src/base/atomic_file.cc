#include "base/atomic_file.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace audit {

std::string TempNameFor(const std::string& path) {
  return path + ".tmp-" + std::to_string(getpid());
}

bool WriteFileAtomically(const std::string& path, const std::string& text) {
  const std::string temp = TempNameFor(path);
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

}  // namespace audit
