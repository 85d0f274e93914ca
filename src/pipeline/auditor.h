// Auditor: one file in, one FileReport out: read (by format), analyse, collect findings. The
// library's entry point; the CLI and the tests call it. Holds references to the RuleSet, which must
// outlive it. Thread-safe: AuditFile and AuditText keep no state between calls, so workers share
// one Auditor.
#ifndef AUDIT_PIPELINE_AUDITOR_H_
#define AUDIT_PIPELINE_AUDITOR_H_

#include <cstdint>
#include <string>

#include "analysis/analyzer.h"
#include "report/file_report.h"
#include "rules/rule_set.h"

namespace audit {

// Larger files are refused with an error rather than read: no news article comes near it, and a
// bound keeps one stray dump or log from taking the memory of a run over thousands of files.
inline constexpr uintmax_t kMaxArticleBytes = uintmax_t{64} << 20;

struct AuditOptions {
  std::string publisher;  // --publisher: overrides what articles say
};

class Auditor {
 public:
  Auditor(const RuleSet& rules, AuditOptions options)
      : rules_(rules), analyzer_(rules), options_(std::move(options)) {}

  // Reads `path` from disk and audits it. Never throws; problems land in FileReport::error.
  FileReport AuditFile(const std::string& path) const;
  // Audits bytes already in memory, as if read from `path` (tests, stdin).
  FileReport AuditText(const std::string& path, std::string bytes) const;

 private:
  const RuleSet& rules_;
  Analyzer analyzer_;
  AuditOptions options_;
};

}  // namespace audit

#endif  // AUDIT_PIPELINE_AUDITOR_H_
