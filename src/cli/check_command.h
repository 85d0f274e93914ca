// The `audit check` command (and `audit report`, which is check writing an HTML folder): walks the
// paths, audits every article with the loaded rule pack, applies a baseline, writes the chosen
// format and returns the exit code (0 clean, 1 findings at
// --fail-on, 2 usage, rule or input errors).
#ifndef AUDIT_CLI_CHECK_COMMAND_H_
#define AUDIT_CLI_CHECK_COMMAND_H_

#include <string>
#include <vector>

#include "pipeline/profiles.h"

namespace audit {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string fail_on = "error";
  std::string publisher;
  std::string rules_dir;
  std::string color = "auto";
  std::string output;    // --output FILE; standard output when empty
  std::string baseline;  // --baseline FILE
  bool write_baseline =
      false;                  // --write-baseline: record the findings in the baseline file instead
  std::string changed_since;  // --changed-since REF: only files git reports changed since REF
  std::string config;         // --config FILE; else the nearest .audit.yaml above each file
  std::string report_dir;     // `audit report --out DIR`: the HTML corpus report's folder
  int jobs = 0;
  bool stdin_jsonl = false;  // --stdin-jsonl: article records on standard input (stream_command.h)
  std::vector<std::string> from_jsonl;  // `audit report --from-jsonl`: shards of earlier results
  bool quiet = false;                   // --quiet: no progress line
};

int RunCheck(const CheckArgs& args);

// The workers for a run over `paths` with `jobs` (a WorkerCount) to spend: no more than the files
// when every path is a file, so that an editor's check of one article neither starts a thread nor
// loads a second copy of the rules for it; `jobs` when a path is a folder (it may hold any number).
int WorkersFor(const std::vector<std::string>& paths, int jobs);
// What every command passes to Profiles: the options given, and the built-in pack (AUDIT_RULES in
// the environment, else the pack beside the sources).
ProfileOptions MakeProfileOptions(const std::string& config, const std::string& rules_dir,
                                  const std::string& publisher);
// The working folder's profile (its nearest config, or --config, and the rule packs): the rules of
// commands that read no article, and of the run as a whole. Prints the error and returns null when
// the config or a pack is broken.
const Profile* WorkingFolderProfile(Profiles* profiles);
// `audit init`: writes a commented starter .audit.yaml into the working folder.
int RunInit();

}  // namespace audit

#endif  // AUDIT_CLI_CHECK_COMMAND_H_
