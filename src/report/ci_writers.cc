#include "report/ci_writers.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "base/paths.h"
#include "report/fingerprint.h"

namespace audit {

namespace {

// A finding with everything the CI formats print.
struct Located {
  const FileReport* report;
  const Finding* finding;
  std::string path;
  LineColumn from;
  LineColumn to;
  std::string fingerprint;
  // 1-based columns in UTF-8 bytes, for consumers that count bytes (reviewdog).
  int from_byte_column = 1;
  int to_byte_column = 1;
};

int ByteColumn(const SourceFile& file, size_t offset) {
  const std::string_view line = file.LineText(offset);
  const size_t line_start = static_cast<size_t>(line.data() - file.bytes().data());
  return static_cast<int>(std::min(offset, file.bytes().size()) - line_start) + 1;
}

std::vector<Located> Locate(const std::vector<FileReport>& reports,
                            const CiWriterOptions& options) {
  std::vector<Located> out;
  for (const FileReport& r : reports) {
    if (!r.file) continue;
    const std::string path = DisplayPath(r.path, options.root);
    for (const Finding& f : r.analysis.findings) {
      const std::string_view sentence = r.analysis.sentences[f.sentence].text;
      out.push_back({&r, &f, path, r.file->Position(f.begin), r.file->Position(f.end),
                     FindingFingerprint(f.rule, path, sentence), ByteColumn(*r.file, f.begin),
                     ByteColumn(*r.file, f.end)});
    }
  }
  return out;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters other than tab and line breaks are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        out.push_back(c);
    }
  }
  return out;
}

std::string SarifLevel(Severity s) {
  return s == Severity::kError ? "error" : s == Severity::kWarning ? "warning" : "note";
}

// GitHub workflow command escaping: data escapes %, CR and LF; properties also : and ,.
std::string GithubData(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out.push_back(c);
  }
  return out;
}

std::string GithubProperty(std::string_view s) {
  std::string out;
  for (char c : GithubData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out.push_back(c);
  }
  return out;
}

}  // namespace

void WriteSarif(const std::vector<FileReport>& reports, const RuleSet& rules,
                const CiWriterOptions& options, std::ostream& out) {
  nlohmann::json driver_rules = nlohmann::json::array();
  std::map<std::string, size_t, std::less<>> rule_index;
  for (const FindingRule& rule : rules.finding_rules()) {
    rule_index[rule.id] = driver_rules.size();
    driver_rules.push_back(
        {{"id", rule.id},
         {"shortDescription", {{"text", rule.description.empty() ? rule.id : rule.description}}},
         {"fullDescription", {{"text", rule.description.empty() ? rule.id : rule.description}}},
         {"help", {{"text", rule.message}}},
         {"defaultConfiguration", {{"level", SarifLevel(rule.severity)}}}});
  }
  nlohmann::json results = nlohmann::json::array();
  for (const Located& l : Locate(reports, options)) {
    nlohmann::json result = {{"ruleId", l.finding->rule},
                             {"level", SarifLevel(l.finding->severity)},
                             {"message", {{"text", l.finding->message}}},
                             {"locations",
                              {{{"physicalLocation",
                                 {{"artifactLocation", {{"uri", l.path}}},
                                  {"region",
                                   {{"startLine", l.from.line},
                                    {"startColumn", l.from.column},
                                    {"endLine", l.to.line},
                                    {"endColumn", l.to.column}}}}}}}},
                             {"partialFingerprints", {{"auditFinding/v1", l.fingerprint}}}};
    if (auto it = rule_index.find(l.finding->rule); it != rule_index.end())
      result["ruleIndex"] = it->second;
    results.push_back(std::move(result));
  }
  nlohmann::json notifications = nlohmann::json::array();
  for (const FileReport& r : reports) {
    if (!r.error) continue;
    notifications.push_back(
        {{"level", "error"},
         {"message", {{"text", r.error->message}}},
         {"locations",
          {{{"physicalLocation",
             {{"artifactLocation", {{"uri", DisplayPath(r.path, options.root)}}}}}}}}});
  }
  nlohmann::json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       {{{"tool",
          {{"driver",
            {{"name", "audit"}, {"version", options.tool_version}, {"rules", driver_rules}}}}},
         {"columnKind", "unicodeCodePoints"},
         {"invocations",
          {{{"executionSuccessful", notifications.empty()},
            {"toolExecutionNotifications", notifications}}}},
         {"results", results}}}}};
  out << sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void WriteGithub(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                 std::ostream& out) {
  for (const Located& l : Locate(reports, options)) {
    const char* command = l.finding->severity == Severity::kError     ? "error"
                          : l.finding->severity == Severity::kWarning ? "warning"
                                                                      : "notice";
    out << fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       command, GithubProperty(l.path), l.from.line, l.from.column, l.to.line,
                       l.to.column, GithubProperty(l.finding->rule),
                       GithubData(l.finding->message));
  }
  for (const FileReport& r : reports) {
    if (r.error)
      out << fmt::format("::error file={}::{}\n", GithubProperty(r.path),
                         GithubData(r.error->message));
  }
}

void WriteJunit(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                std::ostream& out) {
  const std::vector<Located> located = Locate(reports, options);
  size_t tests = 0, failures = 0;
  std::string cases;
  for (const FileReport& r : reports) {
    const std::string path = DisplayPath(r.path, options.root);
    size_t in_file = 0;
    for (const Located& l : located) {
      if (l.report != &r) continue;
      ++in_file;
      ++tests;
      ++failures;
      cases += fmt::format(
          "    <testcase classname=\"{0}\" name=\"{0}:{1}:{2} {3}\"><failure type=\"{3}\" "
          "message=\"{4}\">{5}: "
          "{4}</failure></testcase>\n",
          XmlEscape(path), l.from.line, l.from.column, XmlEscape(l.finding->rule),
          XmlEscape(l.finding->message), SeverityName(l.finding->severity));
    }
    if (r.error) {
      ++tests;
      ++failures;
      cases += fmt::format(
          "    <testcase classname=\"{0}\" name=\"{0}\"><error message=\"{1}\"/></testcase>\n",
          XmlEscape(path), XmlEscape(r.error->message));
    } else if (in_file == 0) {
      ++tests;
      cases += fmt::format("    <testcase classname=\"{0}\" name=\"{0}\"/>\n", XmlEscape(path));
    }
  }
  if (tests == 0) {  // at least one test case, so CI systems see the step ran
    ++tests;
    cases += "    <testcase classname=\"audit\" name=\"no articles\"/>\n";
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites tests=\"{0}\" failures=\"{1}\">\n  <testsuite name=\"audit\" tests=\"{0}\" "
      "failures=\"{1}\">\n",
      tests, failures);
  out << cases << "  </testsuite>\n</testsuites>\n";
}

// reviewdog's columns count UTF-8 bytes ("Column number, starting at 1 (byte count in UTF-8)").
void WriteRdjsonl(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                  std::ostream& out) {
  for (const Located& l : Locate(reports, options)) {
    const char* severity = l.finding->severity == Severity::kError     ? "ERROR"
                           : l.finding->severity == Severity::kWarning ? "WARNING"
                                                                       : "INFO";
    nlohmann::json d = {{"message", l.finding->message},
                        {"location",
                         {{"path", l.path},
                          {"range",
                           {{"start", {{"line", l.from.line}, {"column", l.from_byte_column}}},
                            {"end", {{"line", l.to.line}, {"column", l.to_byte_column}}}}}}},
                        {"severity", severity},
                        {"source", {{"name", "audit"}}},
                        {"code", {{"value", l.finding->rule}}}};
    out << d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
}

void WriteGitlab(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                 std::ostream& out) {
  nlohmann::json issues = nlohmann::json::array();
  for (const Located& l : Locate(reports, options)) {
    const char* severity = l.finding->severity == Severity::kError     ? "major"
                           : l.finding->severity == Severity::kWarning ? "minor"
                                                                       : "info";
    issues.push_back(
        {{"description", l.finding->message},
         {"check_name", l.finding->rule},
         {"fingerprint", l.fingerprint},
         {"severity", severity},
         {"location",
          {{"path", l.path}, {"lines", {{"begin", l.from.line}, {"end", l.to.line}}}}}});
  }
  out << issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void WriteCheckstyle(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                     std::ostream& out) {
  const std::vector<Located> located = Locate(reports, options);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  for (const FileReport& r : reports) {
    out << fmt::format("  <file name=\"{}\">\n", XmlEscape(DisplayPath(r.path, options.root)));
    if (r.error) {
      out << fmt::format(
          "    <error line=\"1\" severity=\"error\" message=\"{}\" source=\"audit.input\"/>\n",
          XmlEscape(r.error->message));
    }
    for (const Located& l : located) {
      if (l.report != &r) continue;
      out << fmt::format(
          "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" "
          "source=\"audit.{}\"/>\n",
          l.from.line, l.from.column, SeverityName(l.finding->severity),
          XmlEscape(l.finding->message), XmlEscape(l.finding->rule));
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

void WriteMarkdownSummary(const std::vector<FileReport>& reports, const CiWriterOptions& options,
                          std::ostream& out) {
  // Cells must not break the table: pipes escaped, line breaks folded.
  auto cell = [](std::string_view s) {
    std::string o;
    for (char c : s) {
      if (c == '|')
        o += "\\|";
      else if (c == '\n' || c == '\r')
        o.push_back(' ');
      else
        o.push_back(c);
    }
    return o;
  };
  constexpr size_t kMaxRows = 50;
  ReportTotals totals;
  for (const FileReport& r : reports) totals.Add(r);
  out << "## audit: sourcing report\n\n";
  out << fmt::format("{} file{}: {} error{}, {} warning{}, {} info\n\n", totals.files,
                     totals.files == 1 ? "" : "s", totals.by_severity[2],
                     totals.by_severity[2] == 1 ? "" : "s", totals.by_severity[1],
                     totals.by_severity[1] == 1 ? "" : "s", totals.by_severity[0]);
  out << "| file | claims | attributed | findings |\n|---|---:|---:|---:|\n";
  for (const FileReport& r : reports) {
    out << fmt::format("| {} | {} | {} | {} |\n", cell(DisplayPath(r.path, options.root)),
                       r.analysis.claims, r.analysis.attributed_claims,
                       r.error ? std::string("error") : std::to_string(r.analysis.findings.size()));
  }
  const std::vector<Located> located = Locate(reports, options);
  if (located.empty()) return;
  out << "\n| where | severity | rule | message |\n|---|---|---|---|\n";
  for (size_t i = 0; i < located.size() && i < kMaxRows; ++i) {
    const Located& l = located[i];
    out << fmt::format("| {}:{}:{} | {} | {} | {} |\n", cell(l.path), l.from.line, l.from.column,
                       SeverityName(l.finding->severity), l.finding->rule,
                       cell(l.finding->message));
  }
  if (located.size() > kMaxRows)
    out << fmt::format("\n… and {} more.\n", located.size() - kMaxRows);
}

bool IsCiFormat(const std::string& format) {
  return format == "sarif" || format == "github" || format == "junit" || format == "rdjsonl" ||
         format == "gitlab" || format == "checkstyle" || format == "markdown";
}

void WriteCiFormat(const std::string& format, const std::vector<FileReport>& reports,
                   const RuleSet& rules, const CiWriterOptions& options, std::ostream& out) {
  if (format == "sarif")
    WriteSarif(reports, rules, options, out);
  else if (format == "github")
    WriteGithub(reports, options, out);
  else if (format == "junit")
    WriteJunit(reports, options, out);
  else if (format == "rdjsonl")
    WriteRdjsonl(reports, options, out);
  else if (format == "gitlab")
    WriteGitlab(reports, options, out);
  else if (format == "checkstyle")
    WriteCheckstyle(reports, options, out);
  else if (format == "markdown")
    WriteMarkdownSummary(reports, options, out);
}

}  // namespace audit
