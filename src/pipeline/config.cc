#include "pipeline/config.h"

#include <fmt/format.h>
#include <fnmatch.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/paths.h"

namespace audit {

namespace fs = std::filesystem;

namespace {

// Reads one config file, turning every problem into an Error at its line and column.
class ConfigReader {
 public:
  ConfigReader(std::string path, std::string builtin)
      : path_(std::move(path)), builtin_(std::move(builtin)) {}

  Result<Config> Read(const std::string& text) {
    Config config;
    mentions_ = &config.rule_mentions;
    config.path = path_;
    config.base = fs::path(path_).parent_path().string();
    if (config.base.empty()) config.base = ".";
    try {
      const YAML::Node root = YAML::Load(text);
      if (root.IsNull()) return config;
      if (!Keys(root, {"rules", "publisher", "severity", "disable", "min_claim_score", "include",
                       "exclude", "overrides"})) {
        return *error_;
      }
      std::vector<std::string> packs;
      if (root["rules"] && !Strings(root["rules"], &packs)) return *error_;
      for (const std::string& p : packs) {
        config.packs.push_back(p == "news" ? builtin_ : (fs::path(config.base) / p).string());
      }
      if (const YAML::Node publisher = root["publisher"]) {
        if (publisher.IsScalar()) {
          config.publisher = publisher.as<std::string>();
        } else {
          if (!Keys(publisher, {"name", "aliases", "domains"})) return *error_;
          if (!String(publisher["name"], &config.publisher)) return *error_;
          if (publisher["aliases"] && !Strings(publisher["aliases"], &config.publisher_aliases))
            return *error_;
          if (publisher["domains"] && !Strings(publisher["domains"], &config.publisher_domains))
            return *error_;
        }
      }
      if (const YAML::Node score = root["min_claim_score"]) {
        double value = 0;
        if (!Number(score, &value)) return *error_;
        config.min_claim_score = value;
      }
      if (root["include"] && !Strings(root["include"], &config.include)) return *error_;
      if (root["exclude"] && !Strings(root["exclude"], &config.exclude)) return *error_;
      if (!Section(root, &config.top)) return *error_;
      if (const YAML::Node overrides = root["overrides"]) {
        if (!overrides.IsSequence()) return At(overrides, "'overrides' must be a list of sections");
        for (const YAML::Node& item : overrides) {
          if (!Keys(item, {"files", "severity", "disable"})) return *error_;
          ConfigSection section;
          if (!String(item["files"], &section.files) || !Section(item, &section)) return *error_;
          config.overrides.push_back(std::move(section));
        }
      }
    } catch (const YAML::Exception& e) {
      return Error::AtLine(ErrorCode::kUsage, path_, e.mark.line + 1, e.mark.column + 1, e.msg);
    }
    return config;
  }

 private:
  Error At(const YAML::Node& node, const std::string& message) {
    const YAML::Mark m = node.Mark();
    error_ = Error::AtLine(ErrorCode::kUsage, path_, m.line + 1, m.column + 1, message);
    return *error_;
  }
  bool Keys(const YAML::Node& map, const std::vector<std::string>& allowed) {
    if (!map.IsMap()) {
      At(map, "expected a map");
      return false;
    }
    for (const auto& kv : map) {
      const std::string key = kv.first.as<std::string>();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed) {
          if (!list.empty()) list += ", ";
          list += a;
        }
        At(kv.first, fmt::format("unknown key '{}' (expected one of: {})", key, list));
        return false;
      }
    }
    return true;
  }
  bool String(const YAML::Node& node, std::string* out) {
    if (!node || !node.IsScalar()) {
      At(node ? node : YAML::Node(), "expected a string");
      return false;
    }
    *out = node.as<std::string>();
    return true;
  }
  bool Number(const YAML::Node& node, double* out) {
    try {
      *out = node.as<double>();
      return true;
    } catch (const YAML::Exception&) {
      At(node, "expected a number");
      return false;
    }
  }
  bool Strings(const YAML::Node& node, std::vector<std::string>* out) {
    if (!node.IsSequence()) {
      At(node, "expected a list");
      return false;
    }
    for (const auto& item : node) {
      if (!item.IsScalar()) {
        At(item, "expected a string");
        return false;
      }
      out->push_back(item.as<std::string>());
    }
    return true;
  }
  bool Section(const YAML::Node& node, ConfigSection* section) {
    if (const YAML::Node severity = node["severity"]) {
      if (!severity.IsMap()) {
        At(severity, "'severity' must map rule ids to info, warning or error");
        return false;
      }
      for (const auto& kv : severity) {
        const std::optional<Severity> level = ParseSeverity(kv.second.as<std::string>());
        if (!level) {
          At(kv.second, "severity must be info, warning or error");
          return false;
        }
        section->severity[kv.first.as<std::string>()] = *level;
        Mention(kv.first);
      }
    }
    if (!node["disable"]) return true;
    if (!Strings(node["disable"], &section->disable)) return false;
    for (const auto& item : node["disable"]) Mention(item);
    return true;
  }
  void Mention(const YAML::Node& id) {
    const YAML::Mark m = id.Mark();
    mentions_->push_back({id.as<std::string>(), m.line + 1, m.column + 1});
  }

  std::string path_;
  std::string builtin_;
  std::optional<Error> error_;
  std::vector<RuleMention>* mentions_ = nullptr;
};

bool GlobMatches(const std::string& glob, const std::string& path) {
  // Without FNM_PATHNAME a "*" also crosses folders, so "news/**" and "news/*" both take the whole
  // tree.
  return fnmatch(glob.c_str(), path.c_str(), 0) == 0;
}

void ApplySection(const ConfigSection& section, FileReport* report) {
  auto& findings = report->analysis.findings;
  std::erase_if(findings, [&](const Finding& f) {
    return std::find(section.disable.begin(), section.disable.end(), f.rule) !=
           section.disable.end();
  });
  for (Finding& f : findings) {
    if (auto it = section.severity.find(f.rule); it != section.severity.end())
      f.severity = it->second;
  }
}

}  // namespace

bool Config::Selects(const std::string& path) const {
  if (include.empty() && exclude.empty()) return true;
  const std::string relative = DisplayPath(path, base);
  if (!include.empty() && std::none_of(include.begin(), include.end(), [&](const std::string& g) {
        return GlobMatches(g, relative);
      })) {
    return false;
  }
  return std::none_of(exclude.begin(), exclude.end(),
                      [&](const std::string& g) { return GlobMatches(g, relative); });
}

void Config::Apply(FileReport* report) const {
  if (min_claim_score) {
    std::erase_if(report->analysis.findings, [&](const Finding& f) {
      return f.rule == "unattributed-claim" &&
             report->analysis.sentences[f.sentence].claim_score < *min_claim_score;
    });
  }
  ApplySection(top, report);
  if (overrides.empty()) return;  // the relative path costs a canonicalisation per file
  const std::string relative = DisplayPath(report->path, base);
  for (const ConfigSection& section : overrides) {
    if (GlobMatches(section.files, relative)) ApplySection(section, report);
  }
}

std::string Config::PublisherOutletYaml() const {
  if (publisher.empty()) return {};
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "outlets" << YAML::Value << YAML::BeginSeq
      << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << publisher;
  out << YAML::Key << "aliases" << YAML::Value << YAML::Flow << publisher_aliases;
  out << YAML::Key << "domains" << YAML::Value << YAML::Flow << publisher_domains;
  out << YAML::EndMap << YAML::EndSeq << YAML::EndMap;
  return out.c_str();
}

std::optional<Error> Config::CheckRuleIds(const std::vector<std::string>& known) const {
  for (const RuleMention& m : rule_mentions) {
    if (std::find(known.begin(), known.end(), m.id) != known.end()) continue;
    std::string list;
    for (const std::string& id : known) {
      if (!list.empty()) list += ", ";
      list += id;
    }
    return Error::AtLine(ErrorCode::kUsage, path, m.line, m.column,
                         fmt::format("unknown rule '{}' (rules: {})", m.id, list));
  }
  return std::nullopt;
}

std::string FindConfig(const std::string& start) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(start, ec);
  if (ec) return {};
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (;;) {
    const fs::path candidate = dir / ".audit.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return {};
    dir = dir.parent_path();
  }
}

Result<Config> LoadConfig(const std::string& path, const std::string& builtin_pack) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::InFile(ErrorCode::kUsage, path, "cannot read the config file");
  std::ostringstream text;
  text << in.rdbuf();
  ConfigReader reader(path, builtin_pack);
  return reader.Read(text.str());
}

const char* StarterConfig() {
  return R"(# .audit.yaml: settings for `audit check` in this folder and below.
# Every key is optional. Run `audit check --help` for the command-line options.

# Rule packs to load: "news" is the built-in pack; add folders of your own house rules.
rules: [news]

# Your outlet: its own name, aliases and web domains are never counted as secondhand sourcing.
# publisher:
#   name: Valley Herald
#   aliases: [the Herald]
#   domains: [valleyherald.example]

# Change a rule's severity (info, warning, error) or switch rules off.
# severity:
#   vague-attribution: error
# disable: [anonymous-source]

# Unattributed claims scoring below this are not reported (0 to 1).
# min_claim_score: 0.5

# Which files to audit, as globs relative to this file.
# include: ["news/**"]
# exclude: ["drafts/**"]

# Stricter or looser rules for parts of the repository.
# overrides:
#   - files: "opinion/**"
#     disable: [unattributed-claim]
)";
}

}  // namespace audit
