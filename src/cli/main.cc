// audit: the command-line front end. It parses arguments and hands them to the command; everything
// else lives in the library.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/check_command.h"
#include "cli/eval_command.h"
#include "cli/explain_command.h"
#include "cli/from_jsonl_command.h"
#include "cli/heap.h"
#include "cli/rules_command.h"
#include "cli/stream_command.h"

int main(int argc, char** argv) {
  audit::ConfigureHeap();
  std::ios::sync_with_stdio(false);
  CLI::App app{
      "audit: checks that every factual sentence of a news article says where it comes from"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "audit 0.1.0");

  audit::CheckArgs check;
  CLI::App* cmd =
      app.add_subcommand("check", "Audit articles (files or folders) and report findings");
  cmd->add_option("paths", check.paths, "Article files or folders (walked recursively)");
  cmd->add_flag("--stdin-jsonl", check.stdin_jsonl,
                "Read {\"id\", \"text\", \"format\"?, \"publisher\"?} records from standard input, "
                "one per line; write one JSON result per line");
  cmd->add_option("--format,-f", check.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "jsonl", "sarif", "github", "junit", "rdjsonl",
                             "gitlab", "checkstyle", "markdown", "html"}));
  cmd->add_option("--output,-o", check.output, "Write the report to this file (atomically)");
  cmd->add_option("--baseline", check.baseline, "Report only findings not in this baseline file");
  cmd->add_flag("--write-baseline", check.write_baseline,
                "Record the current findings in the baseline file (default .audit-baseline.json)");
  cmd->add_option("--changed-since", check.changed_since,
                  "Audit only files git reports changed since REF");
  cmd->add_option("--config", check.config,
                  "Config file (default: the nearest .audit.yaml above each file)");
  CLI::App* init = app.add_subcommand("init", "Write a commented starter .audit.yaml here");
  cmd->add_option("--fail-on", check.fail_on, "Exit 1 when a finding reaches this severity")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  cmd->add_option("--publisher", check.publisher, "The outlet that publishes these articles");
  cmd->add_option("--rules", check.rules_dir, "Rule pack folder (default: the built-in news pack)");
  cmd->add_option("--color", check.color, "Colour output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--jobs,-j", check.jobs, "Worker threads (default: one per core)");
  cmd->add_flag("--quiet,-q", check.quiet, "No progress line on a terminal");

  audit::CheckArgs report;
  report.fail_on = "never";
  CLI::App* report_cmd = app.add_subcommand(
      "report", "Write an HTML report: a page per article and a corpus index, in --out DIR");
  report_cmd->add_option("paths", report.paths, "Article files or folders");
  report_cmd->add_option("--from-jsonl", report.from_jsonl,
                         "Build the report from result shards (--format jsonl output) instead");
  report_cmd->add_option("--out", report.report_dir, "Folder for the report")->required();
  report_cmd->add_option("--config", report.config, "Config file");
  report_cmd->add_option("--publisher", report.publisher,
                         "The outlet that publishes these articles");
  report_cmd->add_option("--rules", report.rules_dir, "Rule pack folder");
  report_cmd->add_option("--jobs,-j", report.jobs, "Worker threads (default: one per core)");
  report_cmd->add_flag("--quiet,-q", report.quiet, "No progress line on a terminal");

  audit::RulesArgs rules;
  CLI::App* rules_cmd =
      app.add_subcommand("rules", "List the active rules, or check the rule packs and config");
  rules_cmd->add_flag("--check", rules.check, "Only validate the rule packs and the config");
  rules_cmd->add_flag("--test", rules.test, "Run every rule's examples (exit 1 when one fails)");
  rules_cmd->add_option("--config", rules.config, "Config file");
  rules_cmd->add_option("--rules", rules.rules_dir, "Rule pack folder");
  rules_cmd->add_option("--format,-f", rules.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));

  audit::ExplainArgs explain;
  CLI::App* explain_cmd =
      app.add_subcommand("explain", "Show how one sentence's verdict came about (FILE:LINE)");
  explain_cmd->add_option("target", explain.target, "FILE:LINE, or FILE with --sentence")
      ->required();
  explain_cmd->add_option("--sentence", explain.sentence, "Sentence number, as in the JSON");
  explain_cmd->add_option("--config", explain.config, "Config file");
  explain_cmd->add_option("--rules", explain.rules_dir, "Rule pack folder");
  explain_cmd->add_option("--publisher", explain.publisher,
                          "The outlet that publishes the article");

  audit::EvalArgs eval;
  CLI::App* eval_cmd = app.add_subcommand(
      "eval", "Score the auditor against annotated articles (a folder of NAME.gold.yaml files)");
  eval_cmd->add_option("gold_dir", eval.gold_dir, "Folder of gold annotations and their articles")
      ->required();
  eval_cmd->add_option("--compare", eval.compare,
                       "A second rule pack folder: show how its figures differ");
  eval_cmd->add_option("--format,-f", eval.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));
  eval_cmd->add_flag("--verbose,-v", eval.verbose, "List every disagreement with the gold");
  eval_cmd->add_option("--min", eval.min, "METRIC=VALUE: exit 1 when a metric is below VALUE");
  eval_cmd->add_option("--config", eval.config, "Config file");
  eval_cmd->add_option("--rules", eval.rules_dir, "Rule pack folder");
  eval_cmd->add_option("--publisher", eval.publisher, "The outlet that publishes these articles");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : audit::kExitError;
  }
  if (cmd->parsed()) {
    if (check.stdin_jsonl) {
      if (!check.paths.empty()) {
        std::cerr << "audit check: error: --stdin-jsonl reads standard input; give no paths\n";
        return audit::kExitError;
      }
      return audit::RunStdinJsonl(check, std::cin, std::cout);
    }
    if (check.paths.empty()) {
      std::cerr << "audit check: error: give the articles to audit (files or folders)\n";
      return audit::kExitError;
    }
    return audit::RunCheck(check);
  }
  if (init->parsed()) return audit::RunInit();
  if (rules_cmd->parsed()) return audit::RunRules(rules);
  if (explain_cmd->parsed()) return audit::RunExplain(explain);
  if (eval_cmd->parsed()) return audit::RunEval(eval);
  if (report_cmd->parsed()) {
    report.format = "html";
    if (!report.from_jsonl.empty()) {
      if (!report.paths.empty()) {
        std::cerr << "audit report: error: give articles or --from-jsonl shards, not both\n";
        return audit::kExitError;
      }
      return audit::RunReportFromJsonl(report);
    }
    if (report.paths.empty()) {
      std::cerr << "audit report: error: give the articles (files or folders) or --from-jsonl\n";
      return audit::kExitError;
    }
    return audit::RunCheck(report);
  }
  return audit::kExitError;
}
