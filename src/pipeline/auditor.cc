#include "pipeline/auditor.h"

#include <fmt/format.h>

#include "base/read_file.h"
#include "input/reader.h"
#include "pipeline/suppressions.h"

namespace audit {

FileReport Auditor::AuditText(const std::string& path, std::string bytes) const {
  FileReport report;
  report.path = path;
  if (bytes.size() > kMaxArticleBytes) {
    // The bound files have, for text that came another way (a --stdin-jsonl record); the
    // analysis counts blocks in 32 bits on the strength of it.
    report.error =
        Error::InFile(ErrorCode::kInput, path,
                      fmt::format("the article is {} MB; audit reads articles of up to {} MB",
                                  bytes.size() >> 20, kMaxArticleBytes >> 20));
    return report;
  }
  report.file = std::make_unique<SourceFile>(path, std::move(bytes));
  Result<Document> doc = ReadDocument(*report.file, rules_);
  if (!doc.ok()) {
    report.error = doc.error();
    return report;
  }
  report.warnings = std::move(doc.value().warnings);
  AnalyzerOptions options;
  options.publisher = options_.publisher;
  report.analysis = analyzer_.Analyze(std::move(doc.value()), options);
  // Word files keep no comments we read; everything else may carry audit-ignore comments.
  if (DetectFormat(path, report.file->bytes()) != InputFormat::kDocx) {
    ApplySuppressions(rules_, report.file->bytes(), &report.analysis);
  }
  return report;
}

FileReport Auditor::AuditFile(const std::string& path) const {
  Result<std::string> bytes = ReadRegularFile(path, kMaxArticleBytes);
  if (!bytes.ok()) {
    FileReport report;
    report.path = path;
    report.error = bytes.error();
    return report;
  }
  return AuditText(path, bytes.take());
}

}  // namespace audit
