// Profiles: the config, rules and Auditor each audited file runs under. A file uses the nearest
// `.audit.yaml` in or above its folder (or the one --config names), so a repository can hold a
// stricter config in `news/` and a looser one in `opinion/`. Each distinct config is loaded, and
// its rule packs compiled, once per run.
//
// Each worker thread of a run audits with rules of its own (Profile::AuditorFor): the first worker
// with the profile's, the second with a copy loaded beside them, each further one with a copy it
// loads on its first file. Threads that search one RE2 take turns at the reader lock of its DFA
// cache on every search, and on the two-core virtual machine of the benchmarks that lock's cache
// line moving between the cores was 6.5-7.9% of two workers' CPU samples (perf; 1.6-1.8% with a
// copy each, what the lock costs untaken). A copy costs a load (about 50 ms of one core) and its
// DFA states built again, once, and about 6 MB with the news pack; the lock's cost grows with the
// run: over 45,000 articles two workers took 4-5% less time with copies.
//
// Owns its profiles; a Profile's address is stable for the Profiles' lifetime. Not thread-safe:
// calls to For must not overlap (the CLI makes them under its worker pool's lock, as the walk
// reaches each file), while profiles it has returned serve any number of threads.
#ifndef AUDIT_PIPELINE_PROFILES_H_
#define AUDIT_PIPELINE_PROFILES_H_

#include <functional>
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
  int workers = 1;           // the worker threads that will audit: each past the first gets a copy
};

class Profile {
 public:
  Config config;
  std::unique_ptr<RuleSet> rules;
  std::unique_ptr<Auditor> auditor;

  // The auditor worker number `worker` (RunOrdered) audits with: `auditor` for worker 0, and for
  // any worker past the first its own, over a copy of the rules loaded from the bytes `rules` was
  // loaded from (worker 1's with `rules`, the others' on their first call); `auditor` again when
  // the worker is out of the range ProfileOptions::workers gave, or if the copy fails to load (it
  // cannot fail where `rules` loaded, but for want of memory). Thread-safe as long as each thread
  // passes only its own worker number: a worker's copy is touched by that worker alone.
  const Auditor& AuditorFor(int worker) const;
  // Whether worker `worker` has its copy of the rules loaded now (for tests).
  bool HasOwnRules(int worker) const {
    return worker > 0 && static_cast<size_t>(worker) < own_.size() &&
           own_[static_cast<size_t>(worker)].auditor != nullptr;
  }

 private:
  friend class Profiles;
  // Set by Profiles::Load: how to load the rules again (from the rule files as they were read),
  // and what the auditors are told.
  std::function<Result<RuleSet>()> load_rules_;
  AuditOptions audit_options_;
  struct OwnRules {
    std::unique_ptr<RuleSet> rules;
    std::unique_ptr<Auditor> auditor;  // over `rules`
    bool loaded = false;               // tried: `auditor` is null if the load failed
  };
  // Makes `own` the worker's copy from `copy`, loaded (`own` keeps no auditor if it failed).
  void Adopt(Result<RuleSet> copy, OwnRules* own) const;
  // By worker number, sized when the profile is loaded and never resized; slot 0 stays empty.
  mutable std::vector<OwnRules> own_;
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
