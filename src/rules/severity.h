// Severity of a finding, ordered: kInfo < kWarning < kError.
#ifndef AUDIT_RULES_SEVERITY_H_
#define AUDIT_RULES_SEVERITY_H_

#include <optional>
#include <string_view>

namespace audit {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

inline std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "info";
}

inline std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

}  // namespace audit

#endif  // AUDIT_RULES_SEVERITY_H_
