#include "memory_mapping.h"

#include <cstdint>
#include <fstream>
#include <sstream>

namespace audit::testing {

std::string VmFlagsOf(const void* p) {
  const auto address = reinterpret_cast<uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= address && address < end;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

bool AdvisedHuge(const void* p) { return VmFlagsOf(p).find(" hg") != std::string::npos; }

}  // namespace audit::testing
