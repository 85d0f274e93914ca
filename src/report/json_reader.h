// Reads back what the JSON writer wrote (one FILE object of docs/json.md), so `audit report
// --from-jsonl` can build the HTML corpus report from result shards without re-auditing: the
// verdicts, chains and findings the writers need. Fields a later version adds are ignored; missing
// ones take their defaults. Pure; thread-safe.
#ifndef AUDIT_REPORT_JSON_READER_H_
#define AUDIT_REPORT_JSON_READER_H_

#include <nlohmann/json.hpp>
#include <string>

#include "base/error.h"
#include "report/file_report.h"

namespace audit {

// `origin` and `line` place errors ("shard-0.jsonl:12: ...").
Result<FileReport> FileReportFromJson(const nlohmann::json& file, const std::string& origin,
                                      size_t line);

}  // namespace audit

#endif  // AUDIT_REPORT_JSON_READER_H_
