#include "cli/check_command.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "base/paths.h"
#include "cli/error_printer.h"
#include "cli/output_files.h"
#include "cli/progress.h"
#include "cli/report_folder.h"
#include "pipeline/auditor.h"
#include "pipeline/baseline.h"
#include "pipeline/changed_files.h"
#include "pipeline/config.h"
#include "pipeline/file_walker.h"
#include "pipeline/parallel_audit.h"
#include "pipeline/profiles.h"
#include "report/ci_writers.h"
#include "report/html_writer.h"
#include "report/json_writer.h"
#include "report/text_writer.h"
#include "rules/rule_set.h"

namespace audit {
namespace {

// A file this big has its JSON written straight to the output when its turn comes, a megabyte at
// a time, instead of rendered whole on the worker: a huge article's result is several times its
// size, and holding it doubled the peak memory.
constexpr size_t kStreamedFileBytes = 4 << 20;

bool StreamedAtEmit(const FileReport& report) {
  return report.file && report.file->bytes().size() >= kStreamedFileBytes;
}

bool IsJsonFormat(const std::string& format) { return format == "json" || format == "jsonl"; }

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

}  // namespace

ProfileOptions MakeProfileOptions(const std::string& config, const std::string& rules_dir,
                                  const std::string& publisher) {
  ProfileOptions options;
  options.config = config;
  options.rules_dir = rules_dir;
  options.publisher = publisher;
  const char* env = std::getenv("AUDIT_RULES");
  options.builtin_pack = env ? env : AUDIT_DEFAULT_RULES;
  return options;
}

const Profile* WorkingFolderProfile(Profiles* profiles) {
  std::error_code cwd_error;
  const std::filesystem::path root = std::filesystem::current_path(cwd_error);
  Result<const Profile*> home = profiles->For((root / "-").string());
  if (!home.ok()) {
    PrintError(home.error(), nullptr, std::cerr);
    return nullptr;
  }
  return home.value();
}

int WorkersFor(const std::vector<std::string>& paths, int jobs) {
  if (paths.empty()) return jobs;
  size_t files = 0;
  for (const std::string& path : paths) {
    std::error_code error;
    if (path == "-" || !std::filesystem::is_regular_file(path, error)) return jobs;
    ++files;
  }
  return static_cast<int>(std::clamp<size_t>(files, 1, static_cast<size_t>(jobs)));
}

int RunCheck(const CheckArgs& args) {
  std::error_code cwd_error;
  const std::string root = std::filesystem::current_path(cwd_error).string();
  // With more than one core to run on, the rules compile on two threads: start-up that one thread
  // would do while the others wait. With one, in turn.
  const int cores = WorkerCount(args.jobs);
  const int workers = WorkersFor(args.paths, cores);
  ProfileOptions profile_options = MakeProfileOptions(args.config, args.rules_dir, args.publisher);
  profile_options.load.compile_beside = cores > 1;
  profile_options.workers = workers;
  Profiles profiles(std::move(profile_options));
  // The working folder's profile: its rules describe the run in SARIF, and loading it first makes
  // a broken config fail even when there is nothing to audit.
  const Profile* home = WorkingFolderProfile(&profiles);
  if (!home) return kExitError;

  bool input_errors = false;
  std::optional<std::set<std::string>> changed;
  if (!args.changed_since.empty()) {
    Result<std::set<std::string>> files = FilesChangedSince(args.changed_since);
    if (!files.ok()) {
      PrintError(files.error(), nullptr, std::cerr);
      return kExitError;
    }
    changed = files.take();
  }
  const std::string baseline_path = args.baseline.empty() && args.write_baseline
                                        ? std::string(".audit-baseline.json")
                                        : args.baseline;
  Baseline baseline;
  if (!baseline_path.empty() && !args.write_baseline) {
    Result<Baseline> loaded = Baseline::Load(baseline_path);
    if (!loaded.ok()) {
      PrintError(loaded.error(), nullptr, std::cerr);
      return kExitError;
    }
    baseline = loaded.take();
  }
  const bool use_baseline = !baseline_path.empty() && !args.write_baseline;
  const bool ci_format_requested = IsCiFormat(args.format);
  std::set<std::string> baseline_matched;
  // CI formats and baselines name files relative to the repository's top folder (what code
  // scanning expects, and the same whichever folder the job runs in); outside git, the working
  // folder.
  std::string repo_root;
  if (ci_format_requested || !baseline_path.empty()) repo_root = GitTopLevel();
  if (repo_root.empty()) repo_root = root;

  std::optional<Severity> threshold;
  if (args.fail_on != "never") threshold = ParseSeverity(args.fail_on);
  bool failed = false;

  OutputTarget target(args.output);
  if (!target.ok()) {
    std::cerr << args.output << ": error: cannot write the output file: " << std::strerror(errno)
              << '\n';
    return kExitError;
  }
  std::ostream& out = target.stream();
  const bool color = args.output.empty() && UseColor(args.color);
  const bool ci_format = IsCiFormat(args.format);
  const bool html = args.format == "html";
  const bool report_folder = !args.report_dir.empty();
  ReportFolder folder(args.report_dir);
  if (report_folder) {
    std::string error;
    if (!folder.Open(&error)) {
      std::cerr << args.report_dir << ": error: cannot create the report folder: " << error << '\n';
      return kExitError;
    }
  }
  // The CI formats and HTML write their documents once every file is in; so does --write-baseline.
  std::vector<FileReport> kept;
  const bool keep_reports = ci_format || (html && !report_folder) || args.write_baseline;
  ReportTotals totals;
  JsonDocumentWriter json(out);
  if (args.format == "json") json.Begin();
  auto render = [&](const Profile& profile, FileReport& report) {
    profile.config.Apply(&report);
    if (use_baseline) report.baselined = baseline.Filter(repo_root, &report);
    if (html) {
      report.rendered = RenderHtmlArticle(report, *profile.rules, DisplayPath(report.path, root),
                                          report_folder ? ReportFolder::IndexHref() : "");
    } else if (args.format == "text") {
      report.rendered = TextWriter::RenderFile(report, color);
    } else if (!ci_format && !StreamedAtEmit(report)) {
      report.rendered = RenderJson(report);
    }
  };
  Progress progress(Progress::ShouldShow(args.quiet), std::cerr);
  auto emit = [&](FileReport& report) {
    if (report.walk_error) {
      input_errors = true;
      PrintError(*report.error, nullptr, std::cerr);
      return;
    }
    totals.Add(report);
    progress.FileDone(report.file ? report.file->bytes().size() : 0,
                      report.analysis.findings.size());
    if (report.error) {
      input_errors = true;
      PrintError(*report.error, report.file.get(), std::cerr);
    }
    for (const Finding& f : report.analysis.findings) {
      if (threshold && f.severity >= *threshold && !args.write_baseline) failed = true;
    }
    baseline_matched.insert(report.baselined.begin(), report.baselined.end());
    if (report_folder) {
      const std::string shown = DisplayPath(report.path, root);
      if (!folder.Add(std::move(report), shown)) {
        std::cerr << args.report_dir << ": error: cannot write the page of " << shown << '\n';
        input_errors = true;
      }
      return;
    }
    if (!ci_format && !html) {
      // Printed now (and kept for the baseline when one is written).
      const bool streamed = IsJsonFormat(args.format) && StreamedAtEmit(report);
      if (args.format == "json") {
        if (streamed)
          json.Stream(report);
        else
          json.Rendered(report.rendered);
      } else {
        if (streamed)
          WriteJson(report, out);
        else
          out << report.rendered;
        if (args.format == "jsonl") out << '\n';
      }
    }
    if (keep_reports) kept.push_back(std::move(report));
  };
  // Files are audited as the walk finds them, each under the profile of its folder: the list of
  // an archive's paths is never held.
  FileWalker walker(args.paths);
  std::optional<Error> config_error;  // a broken config on the way: the run stops there
  NextJob next = [&]() -> Job {
    WalkStep step;
    while (!config_error && walker.Next(&step)) {
      if (step.error) {
        return [step = std::move(step)](int) mutable {
          FileReport report;
          report.path = std::move(step.path);
          report.error = std::move(step.error);
          report.walk_error = true;
          return report;
        };
      }
      if (changed && !changed->count(CanonicalPath(step.path))) continue;
      Result<const Profile*> profile = profiles.For(step.path);
      if (!profile.ok()) {
        config_error = profile.error();
        break;
      }
      if (!profile.value()->config.Selects(step.path)) continue;
      return [&render, profile = profile.value(), path = std::move(step.path)](int worker) {
        FileReport report = profile->AuditorFor(worker).AuditFile(path);
        render(*profile, report);
        return report;
      };
    }
    return Job();
  };
  RunJobsInOrder(workers, next, emit);
  progress.Finish();
  if (config_error) {
    PrintError(*config_error, nullptr, std::cerr);
    return kExitError;
  }
  if (report_folder) {
    if (!folder.Finish()) {
      std::cerr << folder.index_path() << ": error: cannot write the index\n";
      return kExitError;
    }
    std::cerr << "audit: wrote " << folder.index_path() << " and " << folder.pages()
              << " article page(s)\n";
  } else if (html) {
    if (kept.size() != 1) {
      std::cerr << "audit: error: --format html writes one article's page; for " << kept.size()
                << " files use `audit report PATH... --out DIR`\n";
      return kExitError;
    }
    out << kept.front().rendered;
  }
  if (args.format == "json") json.End();
  if (args.format == "text") out << TextWriter::RenderTotals(totals);
  if (ci_format) {
    CiWriterOptions ci;
    ci.root = repo_root;
    WriteCiFormat(args.format, kept, *home->rules, ci, out);
  }
  if (args.write_baseline) {
    std::vector<const FileReport*> reports;
    for (const FileReport& r : kept) reports.push_back(&r);
    if (std::optional<Error> e = Baseline::Write(reports, repo_root, baseline_path)) {
      PrintError(*e, nullptr, std::cerr);
      return kExitError;
    }
    size_t recorded = 0;
    for (const FileReport& r : kept) recorded += r.analysis.findings.size();
    std::cerr << "audit: recorded " << recorded << " finding(s) in " << baseline_path << '\n';
  }
  if (use_baseline) {
    std::cerr << "audit: " << baseline_matched.size() << " finding(s) matched the baseline; "
              << baseline.size() - std::min(baseline.size(), baseline_matched.size())
              << " baseline entr(ies) no longer match\n";
  }
  std::string write_error;
  if (!target.Commit(&write_error)) {
    std::cerr << args.output << ": error: cannot write the output file: " << write_error << '\n';
    return kExitError;
  }
  if (input_errors) return kExitError;
  return failed ? kExitFindings : kExitClean;
}

int RunInit() {
  if (std::filesystem::exists(".audit.yaml")) {
    std::cerr << ".audit.yaml: error: already exists; remove it first to write a new one\n";
    return kExitError;
  }
  if (!WriteFileAtomically(".audit.yaml", StarterConfig())) {
    std::cerr << ".audit.yaml: error: cannot write: " << std::strerror(errno) << '\n';
    return kExitError;
  }
  std::cout << "wrote .audit.yaml\n";
  return kExitClean;
}

}  // namespace audit
