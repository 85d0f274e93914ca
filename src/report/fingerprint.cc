#include "report/fingerprint.h"

#include <fmt/format.h>

#include <cstdint>

#include "base/ascii.h"

namespace audit {

namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

void Mix(uint64_t* h, char c) {
  *h ^= static_cast<unsigned char>(c);
  *h *= kFnvPrime;
}

}  // namespace

std::string FindingFingerprint(std::string_view rule, std::string_view path,
                               std::string_view sentence) {
  uint64_t h = kFnvOffset;
  for (char c : rule) Mix(&h, c);
  Mix(&h, '\0');
  for (char c : path) Mix(&h, c);
  Mix(&h, '\0');
  bool space = false;
  for (char c : sentence) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space) Mix(&h, ' ');
    space = false;
    Mix(&h, AsciiToLower(c));
  }
  return fmt::format("{:016x}", h);
}

}  // namespace audit
