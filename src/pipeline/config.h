// Project configuration: `.audit.yaml`. Each audited file uses the nearest one in or above its
// folder, or the one --config names (see pipeline/profiles.h).
//
//   rules: [news, ./house-rules]  # "news" is the built-in pack; paths are relative to this file
//   publisher: {name: Valley Herald, aliases: [the Herald], domains: [valleyherald.example]}
//   severity: {vague-attribution: error}
//   disable: [anonymous-source]
//   min_claim_score: 0.5          # unattributed claims scoring lower are not reported
//   include: ["news/**"]          # globs, relative to this file
//   exclude: ["drafts/**"]
//   overrides:                    # per-glob sections, applied in order
//     - files: "opinion/**"
//       disable: [unattributed-claim]
//       severity: {loaded-cue: info}
//
// Unknown keys and wrong types are errors with the file, line and column. A Config is a plain
// value, read-only once loaded and safe to share between threads.
#ifndef AUDIT_PIPELINE_CONFIG_H_
#define AUDIT_PIPELINE_CONFIG_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "report/file_report.h"
#include "rules/severity.h"

namespace audit {

struct ConfigSection {
  std::string files;  // glob; empty for the top level
  std::map<std::string, Severity, std::less<>> severity;
  std::vector<std::string> disable;
};

// A rule id the config names, with where it names it, so a typo can be reported in place.
struct RuleMention {
  std::string id;
  int line = 0;
  int column = 0;
};

struct Config {
  std::string path;                // the file it came from; empty when there is none
  std::string base;                // its folder: packs, include and exclude are relative to it
  std::vector<std::string> packs;  // rule pack folders, resolved
  std::string publisher;
  std::vector<std::string> publisher_aliases;
  std::vector<std::string> publisher_domains;
  std::optional<double> min_claim_score;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  ConfigSection top;
  std::vector<ConfigSection> overrides;
  std::vector<RuleMention> rule_mentions;  // every id under severity and disable

  // Whether a file (given as the user gave it) is audited under include and exclude.
  bool Selects(const std::string& path) const;
  // Applies severities, disabled rules, min_claim_score and the matching overrides to one report's
  // findings.
  void Apply(FileReport* report) const;
  // An extra rule-pack file adding the publisher as an outlet, so its own name and domains are
  // known.
  std::string PublisherOutletYaml() const;
  // The first rule id the config names that is not in `known`, as an error at its position.
  std::optional<Error> CheckRuleIds(const std::vector<std::string>& known) const;
};

// Finds `.audit.yaml` in `start` or the nearest folder above it; empty when there is none.
std::string FindConfig(const std::string& start);

// Loads and checks a config file. `builtin_pack` is the folder the name "news" stands for.
Result<Config> LoadConfig(const std::string& path, const std::string& builtin_pack);

// The commented starter file `audit init` writes.
const char* StarterConfig();

}  // namespace audit

#endif  // AUDIT_PIPELINE_CONFIG_H_
