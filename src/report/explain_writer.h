// What `audit explain` prints for one sentence: how its verdict came about (position, role, claim
// score with each signal and its weight, the cue rule that matched and where it is defined, the
// source and what it refers to, the chain, and the findings with their rules). Only formats.
// Stateless; thread-safe.
#ifndef AUDIT_REPORT_EXPLAIN_WRITER_H_
#define AUDIT_REPORT_EXPLAIN_WRITER_H_

#include <optional>
#include <string>

#include "report/file_report.h"
#include "rules/rule_set.h"

namespace audit {

// The sentence of `report` that holds 1-based `line` (the first sentence starting on or spanning
// it), or nullopt.
std::optional<size_t> SentenceAtLine(const FileReport& report, int line);

// The explanation of sentence `index` of `report`; paths shown relative to `root`.
std::string RenderExplanation(const FileReport& report, const RuleSet& rules, size_t index,
                              const std::string& root);

}  // namespace audit

#endif  // AUDIT_REPORT_EXPLAIN_WRITER_H_
