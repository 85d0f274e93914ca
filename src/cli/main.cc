// audit: the command-line front end. It parses arguments, loads the rule pack, runs the library
// over the files, picks the writer and decides the exit code: 0 when no finding reaches --fail-on,
// 1 when one does, 2 for usage, rule or input errors. Everything else lives in the library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/error_printer.h"
#include "pipeline/auditor.h"
#include "pipeline/file_walker.h"
#include "pipeline/parallel_audit.h"
#include "report/ci_writers.h"
#include "report/json_writer.h"
#include "report/text_writer.h"
#include "rules/rule_set.h"

namespace audit {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on = "error";
  std::string publisher;
  std::string rules_dir;
  std::string color = "auto";
  std::string output;  // --output FILE; standard output when empty
  int jobs = 0;
};

// Output to a file is written to a temporary name and renamed when complete, so a run that stops
// half-way never leaves half a report.
class OutputTarget {
 public:
  explicit OutputTarget(const std::string& path) : path_(path) {
    if (path_.empty()) return;
    temp_ = path_ + ".tmp-" + std::to_string(getpid());
    file_.open(temp_, std::ios::binary | std::ios::trunc);
  }
  bool ok() const { return path_.empty() || file_.is_open(); }
  std::ostream& stream() { return path_.empty() ? std::cout : file_; }
  // Renames the temporary file into place; false (with the reason in *error) when that fails.
  bool Commit(std::string* error) {
    if (path_.empty()) {
      std::cout.flush();
      return true;
    }
    file_.close();
    if (!file_ || std::rename(temp_.c_str(), path_.c_str()) != 0) {
      *error = std::strerror(errno);
      std::remove(temp_.c_str());
      return false;
    }
    return true;
  }

 private:
  std::string path_;
  std::string temp_;
  std::ofstream file_;
};

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("AUDIT_RULES")) return env;
  return AUDIT_DEFAULT_RULES;
}

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

int RunCheck(const CheckArgs& args) {
  Result<RuleSet> rules =
      RuleSet::LoadDirectory(args.rules_dir.empty() ? DefaultRulesDir() : args.rules_dir);
  if (!rules.ok()) {
    PrintError(rules.error(), nullptr, std::cerr);
    return kExitError;
  }
  WalkResult walk = CollectArticleFiles(args.paths);
  for (const Error& e : walk.errors) PrintError(e, nullptr, std::cerr);
  bool input_errors = !walk.errors.empty();

  std::optional<Severity> threshold;
  if (args.fail_on != "never") threshold = ParseSeverity(args.fail_on);
  bool failed = false;

  AuditOptions options;
  options.publisher = args.publisher;
  Auditor auditor(rules.value(), options);
  OutputTarget target(args.output);
  if (!target.ok()) {
    std::cerr << args.output << ": error: cannot write the output file: " << std::strerror(errno)
              << '\n';
    return kExitError;
  }
  std::ostream& out = target.stream();
  const bool color = args.output.empty() && UseColor(args.color);
  const bool ci_format = IsCiFormat(args.format);
  std::vector<FileReport> kept;  // the CI formats write one document once every file is in
  ReportTotals totals;
  JsonDocumentWriter json(out);
  if (args.format == "json") json.Begin();
  auto render = [&](FileReport& report) {
    if (args.format == "text") {
      report.rendered = TextWriter::RenderFile(report, color);
    } else if (!ci_format) {
      report.rendered = RenderJson(report);
    }
  };
  AuditInOrder(auditor, walk.files, args.jobs, render, [&](FileReport& report) {
    totals.Add(report);
    if (report.error) {
      input_errors = true;
      PrintError(*report.error, report.file.get(), std::cerr);
    }
    for (const Finding& f : report.analysis.findings) {
      if (threshold && f.severity >= *threshold) failed = true;
    }
    if (ci_format) {
      kept.push_back(std::move(report));
    } else if (args.format == "json") {
      json.Rendered(report.rendered);
    } else {
      out << report.rendered;
      if (args.format == "jsonl") out << '\n';
    }
  });
  if (args.format == "json") json.End();
  if (args.format == "text") out << TextWriter::RenderTotals(totals);
  if (ci_format) {
    CiWriterOptions ci;
    std::error_code ec;
    ci.root = std::filesystem::current_path(ec).string();
    WriteCiFormat(args.format, kept, rules.value(), ci, out);
  }
  std::string write_error;
  if (!target.Commit(&write_error)) {
    std::cerr << args.output << ": error: cannot write the output file: " << write_error << '\n';
    return kExitError;
  }
  if (input_errors) return kExitError;
  return failed ? kExitFindings : kExitClean;
}

}  // namespace
}  // namespace audit

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{
      "audit: checks that every factual sentence of a news article says where it comes from"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "audit 0.1.0");

  audit::CheckArgs check;
  CLI::App* cmd =
      app.add_subcommand("check", "Audit articles (files or folders) and report findings");
  cmd->add_option("paths", check.paths, "Article files or folders (walked recursively)")
      ->required();
  cmd->add_option("--format,-f", check.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl", "sarif", "github", "junit", "rdjsonl",
                             "gitlab", "checkstyle", "markdown"}));
  cmd->add_option("--output,-o", check.output, "Write the report to this file (atomically)");
  cmd->add_option("--fail-on", check.fail_on, "Exit 1 when a finding reaches this severity")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--publisher", check.publisher, "The outlet that publishes these articles");
  cmd->add_option("--rules", check.rules_dir, "Rule pack folder (default: the built-in news pack)");
  cmd->add_option("--color", check.color, "Colour output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--jobs,-j", check.jobs, "Worker threads (default: one per core)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : audit::kExitError;
  }
  if (cmd->parsed()) return audit::RunCheck(check);
  return audit::kExitError;
}
