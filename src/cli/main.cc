// audit: the command-line front end. It parses arguments, loads the rule pack, runs the library
// over the files, picks the writer and decides the exit code: 0 when no finding reaches --fail-on,
// 1 when one does, 2 for usage, rule or input errors. Everything else lives in the library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/error_printer.h"
#include "pipeline/auditor.h"
#include "pipeline/file_walker.h"
#include "pipeline/parallel_audit.h"
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
  int jobs = 0;
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
  const bool color = UseColor(args.color);
  ReportTotals totals;
  JsonDocumentWriter json(std::cout);
  if (args.format == "json") json.Begin();
  auto render = [&](FileReport& report) {
    if (args.format == "text") {
      report.rendered = TextWriter::RenderFile(report, color);
    } else {
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
    if (args.format == "json") {
      json.Rendered(report.rendered);
    } else {
      std::cout << report.rendered;
      if (args.format == "jsonl") std::cout << '\n';
    }
  });
  if (args.format == "json") json.End();
  if (args.format == "text") std::cout << TextWriter::RenderTotals(totals);
  std::cout.flush();
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
      ->check(CLI::IsMember({"text", "json", "jsonl"}));
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
