// Profiles: the config, rules and Auditor each audited file runs under. A file uses the nearest
// `.audit.yaml` in or above its folder (or the one --config names), so a repository can hold a
// stricter config in `news/` and a looser one in `opinion/`. Each distinct config is loaded, and
// its rule packs compiled, once per run.
//
// Owns its profiles; a Profile's address is stable for the Profiles' lifetime. Not thread-safe:
// calls to For must not overlap (the CLI makes them under its worker pool's lock, as the walk
// reaches each file), while profiles it has returned serve any number of threads.
#ifndef AUDIT_PIPELINE_PROFILES_H_
#define AUDIT_PIPELINE_PROFILES_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "pipeline/auditor.h"
#include "pipeline/config.h"
#include "rules/rule_set.h"

namespace audit {

struct ProfileOptions {
  std::string config;        // --config: one config for every file; empty to search
  std::string rules_dir;     // --rules: replaces the config's packs
  std::string publisher;     // --publisher: replaces the config's publisher
  std::string builtin_pack;  // the folder "news" names
  RuleLoadOptions load;      // how each profile's rules load
};

struct Profile {
  Config config;
  std::unique_ptr<RuleSet> rules;
  std::unique_ptr<Auditor> auditor;
};

class Profiles {
 public:
  explicit Profiles(ProfileOptions options) : options_(std::move(options)) {}

  // The profile for one audited file, loading its config and rules on first use; an error (at the
  // config's or rule file's line and column) when either is broken.
  Result<const Profile*> For(const std::string& file);

 private:
  Result<const Profile*> Load(const std::string& config_path);

  ProfileOptions options_;
  std::map<std::string, std::unique_ptr<Profile>> by_config_;  // config path ("" for none)
  std::map<std::string, std::string> config_by_folder_;        // folder -> config path
};

}  // namespace audit

#endif  // AUDIT_PIPELINE_PROFILES_H_
