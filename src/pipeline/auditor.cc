#include "pipeline/auditor.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

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
  report.analysis = analyzer_.Analyze(doc.value(), options);
  // Word files keep no comments we read; everything else may carry audit-ignore comments.
  if (DetectFormat(path, report.file->bytes()) != InputFormat::kDocx) {
    ApplySuppressions(rules_, report.file->bytes(), &report.analysis);
  }
  return report;
}

FileReport Auditor::AuditFile(const std::string& path) const {
  FileReport report;
  report.path = path;
  auto fail = [&](std::string message) {
    report.error = Error::InFile(ErrorCode::kIo, path, std::move(message));
    return std::move(report);
  };
  // Checked before opening: a pipe or device would block the read or never end.
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (ec) return fail("cannot read: " + ec.message());
  if (!std::filesystem::is_regular_file(status))
    return fail("not a regular file (a folder, pipe or device), so not an article");
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxArticleBytes) {
    return fail(fmt::format("the file is {} MB; audit reads articles of up to {} MB", size >> 20,
                            kMaxArticleBytes >> 20));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(std::string("cannot read: ") + std::strerror(errno));
  // One read of the measured size; then whatever a file that grew meanwhile has gained.
  std::string bytes(ec ? 0 : static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in) bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return fail("read failed");
  return AuditText(path, std::move(bytes));
}

}  // namespace audit
