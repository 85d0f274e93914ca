// Writers for the formats CI systems read: SARIF 2.1.0, GitHub workflow commands, JUnit XML,
// reviewdog rdjsonl, GitLab Code Quality, Checkstyle XML and a Markdown summary for a pull-request
// comment. Each takes the finished reports of a run and writes one document; they only format.
// Positions come from SourceFile::Position (1-based lines, 1-based columns in Unicode code points);
// each writer converts as its consumer expects.
#ifndef AUDIT_REPORT_CI_WRITERS_H_
#define AUDIT_REPORT_CI_WRITERS_H_

#include <ostream>
#include <string>
#include <vector>

#include "report/file_report.h"
#include "rules/rule_set.h"

namespace audit {

struct CiWriterOptions {
  std::string tool_version = "0.1.0";
  std::string root;  // paths are written relative to this folder when they lie under it
};

void WriteSarif(const std::vector<FileReport>& reports, const RuleSet& rules,
                const CiWriterOptions& options, std::ostream& out);
void WriteGithub(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                 std::ostream& out);
void WriteJunit(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                std::ostream& out);
void WriteRdjsonl(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                  std::ostream& out);
void WriteGitlab(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                 std::ostream& out);
void WriteCheckstyle(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                     std::ostream& out);
void WriteMarkdownSummary(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                          std::ostream& out);

// The formats above, by their --format names.
bool IsCiFormat(const std::string& format);
void WriteCiFormat(const std::string& format, const std::vector<FileReport>& reports,
                   const RuleSet& rules, const CiWriterOptions& options, std::ostream& out);

}  // namespace audit

#endif  // AUDIT_REPORT_CI_WRITERS_H_
