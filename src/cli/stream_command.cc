#include "cli/stream_command.h"

#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cli/error_printer.h"
#include "input/article_record.h"
#include "pipeline/parallel_audit.h"
#include "report/json_writer.h"

namespace audit {

namespace {

// Records read before a batch is audited: enough to keep every worker busy, few enough that memory
// stays bounded whatever the stream's length.
constexpr size_t kBatchRecords = 512;
constexpr size_t kBatchBytes = 32 << 20;

// One Auditor per publisher named by the records, made on first use. Thread-safe.
class AuditorsByPublisher {
 public:
  AuditorsByPublisher(const RuleSet& rules, const Auditor& fallback)
      : rules_(rules), fallback_(fallback) {}

  const Auditor& For(const std::string& publisher) {
    if (publisher.empty()) return fallback_;
    std::lock_guard<std::mutex> lock(mu_);
    std::unique_ptr<Auditor>& auditor = by_publisher_[publisher];
    if (!auditor) auditor = std::make_unique<Auditor>(rules_, AuditOptions{publisher});
    return *auditor;
  }

 private:
  const RuleSet& rules_;
  const Auditor& fallback_;
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<Auditor>> by_publisher_;
};

}  // namespace

int RunStdinJsonl(const CheckArgs& args, std::istream& in, std::ostream& out) {
  if (args.format != "jsonl" && args.format != "text") {
    std::cerr << "audit: error: --stdin-jsonl writes JSON lines; --format " << args.format
              << " is not available with it\n";
    return kExitError;
  }
  Profiles profiles(MakeProfileOptions(args.config, args.rules_dir, args.publisher));
  const Profile* home = WorkingFolderProfile(&profiles);
  if (!home) return kExitError;
  const Profile& profile = *home;
  AuditorsByPublisher auditors(*profile.rules, *profile.auditor);
  std::optional<Severity> threshold;
  if (args.fail_on != "never") threshold = ParseSeverity(args.fail_on);
  bool failed = false;
  bool bad_records = false;

  struct Line {
    size_t number;
    std::string text;
  };
  std::vector<Line> batch;
  size_t batch_bytes = 0;
  size_t line_number = 0;
  auto flush = [&] {
    RunInOrder(
        batch.size(), args.jobs,
        [&](size_t i, int) {
          Result<ArticleRecord> record =
              ParseArticleRecord(batch[i].text, "<stdin>", batch[i].number);
          if (!record.ok()) {
            FileReport report;
            report.path = fmt::format("<stdin>:{}", batch[i].number);
            report.error = record.error();
            return report;
          }
          ArticleRecord& r = record.value();
          FileReport report =
              auditors.For(r.publisher).AuditText(r.id + r.extension, std::move(r.text));
          report.path = r.id;
          return report;
        },
        [&](FileReport& report) {
          profile.config.Apply(&report);
          report.rendered = RenderJson(report);
        },
        [&](FileReport& report) {
          if (report.error) {
            bad_records = true;
            PrintError(*report.error, nullptr, std::cerr);
          }
          for (const Finding& f : report.analysis.findings) {
            if (threshold && f.severity >= *threshold) failed = true;
          }
          out << report.rendered << '\n';
        });
    out.flush();
    batch.clear();
    batch_bytes = 0;
  };
  std::string text;
  while (std::getline(in, text)) {
    ++line_number;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    batch_bytes += text.size();
    batch.push_back({line_number, std::move(text)});
    if (batch.size() >= kBatchRecords || batch_bytes >= kBatchBytes) flush();
  }
  flush();
  if (bad_records) return kExitError;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace audit
