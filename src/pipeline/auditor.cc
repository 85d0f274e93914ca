#include "pipeline/auditor.h"

#include "base/read_file.h"
#include "input/reader.h"
#include "pipeline/suppressions.h"

namespace audit {

FileReport Auditor::AuditText(const std::string& path, std::string bytes) const {
  FileReport report;
  report.path = path;
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
