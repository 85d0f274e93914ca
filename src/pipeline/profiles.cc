#include "pipeline/profiles.h"

#include <fmt/format.h>

#include <filesystem>
#include <future>
#include <optional>

namespace audit {

const Auditor& Profile::AuditorFor(int worker) const {
  if (worker <= 0 || static_cast<size_t>(worker) >= own_.size()) return *auditor;
  OwnRules& own = own_[static_cast<size_t>(worker)];
  if (!own.loaded) Adopt(load_rules_(), &own);
  return own.auditor ? *own.auditor : *auditor;
}

void Profile::Adopt(Result<RuleSet> copy, OwnRules* own) const {
  own->loaded = true;
  if (!copy.ok()) return;
  own->rules = std::make_unique<RuleSet>(copy.take());
  own->auditor = std::make_unique<Auditor>(*own->rules, audit_options_);
}

Result<const Profile*> Profiles::For(const std::string& file) {
  std::string config_path = options_.config;
  if (config_path.empty()) {
    // Files of one folder share a config: look it up once per folder.
    std::string folder = std::filesystem::path(file).parent_path().string();
    if (folder.empty()) folder.assign(1, '.');
    auto it = config_by_folder_.find(folder);
    if (it == config_by_folder_.end()) {
      it = config_by_folder_.emplace(folder, FindConfig(folder)).first;
    }
    config_path = it->second;
  }
  if (auto it = by_config_.find(config_path); it != by_config_.end()) return it->second.get();
  return Load(config_path);
}

Result<const Profile*> Profiles::Load(const std::string& config_path) {
  auto profile = std::make_unique<Profile>();
  if (!config_path.empty()) {
    Result<Config> loaded = LoadConfig(config_path, options_.builtin_pack);
    if (!loaded.ok()) return loaded.error();
    profile->config = loaded.take();
  }
  const Config& config = profile->config;
  std::vector<std::string> packs = config.packs;
  if (!options_.rules_dir.empty()) packs = {options_.rules_dir};
  if (packs.empty()) packs = {options_.builtin_pack};
  std::map<std::string, std::string> extra;
  if (const std::string outlet = config.PublisherOutletYaml(); !outlet.empty()) {
    extra[fmt::format("{} (publisher)", config.path)] = outlet;
  }
  Result<std::map<std::string, std::string>> files = RuleSet::ReadPacks(packs, extra);
  if (!files.ok()) return files.error();
  // A copy loads from the bytes the profile's rules were read from, so that it is the same rules
  // even if the files change during the run, and on one thread.
  RuleLoadOptions copy_options = options_.load;
  copy_options.compile_beside = false;
  // With more than one worker, worker 1's copy loads now, beside the profile's own rules: a load
  // keeps one core busy and leaves the others nearly idle, while a copy loaded on worker 1's first
  // file takes a core from auditing. The profile's rules then load on one thread too. Further
  // copies load on their workers' first files, so that a run over a few files on a machine of
  // many cores does not load a copy per core.
  RuleLoadOptions own_options = options_.load;
  std::future<Result<RuleSet>> beside;
  if (options_.workers > 1) {
    own_options.compile_beside = false;
    beside = std::async(std::launch::async, [&files, copy_options] {
      return RuleSet::LoadFiles(files.value(), copy_options);
    });
  }
  Result<RuleSet> rules = RuleSet::LoadFiles(files.value(), own_options);
  std::optional<Result<RuleSet>> copy;
  if (beside.valid()) copy.emplace(beside.get());
  if (!rules.ok()) return rules.error();
  profile->rules = std::make_unique<RuleSet>(rules.take());
  std::vector<std::string> rule_ids;
  for (const FindingRule& rule : profile->rules->finding_rules()) rule_ids.push_back(rule.id);
  if (std::optional<Error> unknown = config.CheckRuleIds(rule_ids)) return *unknown;
  profile->audit_options_.publisher =
      options_.publisher.empty() ? config.publisher : options_.publisher;
  profile->auditor = std::make_unique<Auditor>(*profile->rules, profile->audit_options_);
  if (options_.workers > 1) {
    profile->own_.resize(static_cast<size_t>(options_.workers));
    profile->Adopt(std::move(*copy), &profile->own_[1]);
  }
  profile->load_rules_ = [files = files.take(), copy_options] {
    return RuleSet::LoadFiles(files, copy_options);
  };
  const Profile* result = profile.get();
  by_config_[config_path] = std::move(profile);
  return result;
}

}  // namespace audit
