// Finding fingerprints: stable across edits elsewhere in a file, for baselines and for CI systems
// that track findings between runs (SARIF partialFingerprints, GitLab fingerprints). Built from the
// rule id, the file path and the sentence text with white space and case folded, never from the
// line number.
#ifndef AUDIT_REPORT_FINGERPRINT_H_
#define AUDIT_REPORT_FINGERPRINT_H_

#include <string>
#include <string_view>

namespace audit {

// 16 lowercase hex digits (64-bit FNV-1a).
std::string FindingFingerprint(std::string_view rule, std::string_view path,
                               std::string_view sentence);

}  // namespace audit

#endif  // AUDIT_REPORT_FINGERPRINT_H_
