// Loads rule packs from YAML (yaml-cpp) and compiles their patterns (RE2). Every problem becomes an
// Error with the YAML file, line and column; yaml-cpp's exceptions stop here.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

#include "base/ascii.h"
#include "rules/pattern_compiler.h"
#include "rules/rule_set.h"

namespace audit {

namespace {

constexpr std::string_view kSourceTypeNames =
    "expected one of: person, organization, document, outlet, anonymous, vague";

bool IsSourceTypeName(const std::string& name) {
  return name == "person" || name == "organization" || name == "document" || name == "outlet" ||
         name == "anonymous" || name == "vague";
}

// A parsed YAML file and its name, kept while the pack loads.
struct ParsedFile {
  std::string name;
  YAML::Node root;
};

}  // namespace

// Builds a RuleSet from parsed YAML. One loader per load; not reused.
class RuleLoader {
 public:
  explicit RuleLoader(RuleLoadOptions options) : options_(options) {}
  Result<RuleSet> Load(const std::map<std::string, std::string>& files);

 private:
  Error At(const std::string& file, const YAML::Node& node, const std::string& message) const {
    const YAML::Mark mark = node.Mark();
    return Error::AtLine(ErrorCode::kRules, file, mark.line + 1, mark.column + 1, message);
  }
  RuleLocation Where(const std::string& file, const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    return {file, mark.line + 1, mark.column + 1};
  }

  bool CheckKeys(const std::string& file, const YAML::Node& map,
                 const std::vector<std::string>& allowed);
  bool ReadStrings(const std::string& file, const YAML::Node& node, std::vector<std::string>* out);
  bool ReadString(const std::string& file, const YAML::Node& map, const char* key, bool required,
                  std::string* out);
  // An optional true/false key; `out` keeps its value when the key is absent.
  bool ReadBool(const std::string& file, const YAML::Node& map, const char* key, bool* out);
  // An optional number; `out` keeps its value when the key is absent.
  bool ReadNumber(const std::string& file, const YAML::Node& map, const char* key, double* out);
  // `attribution` allows a `match` example to state the source and type it must be attributed to.
  bool ReadExamples(const std::string& file, const YAML::Node& item, bool attribution,
                    std::vector<RuleExample>* out);
  // Each Collect/Compile reads one section of a file; it reports a broken item (through Fail) and
  // goes on with the next, returning false when anything in the section was broken.
  bool CollectLexicons(const ParsedFile& f);
  bool CollectLexicon(const ParsedFile& f, const YAML::detail::iterator_value& kv);
  bool CollectOutlets(const ParsedFile& f);
  bool CollectOutlet(const ParsedFile& f, const YAML::Node& item);
  bool CollectAbbreviations(const ParsedFile& f);
  // Checks the pattern's syntax, reporting what is wrong at its position; compiling is left to its
  // first use.
  std::unique_ptr<LazyRegex> CheckAt(const std::string& file, const YAML::Node& node);
  // As CheckAt, but compiles the form narrowed to the common script now.
  std::unique_ptr<LazyRegex> CompileNarrowedAt(const std::string& file, const YAML::Node& node);
  // Reads the pattern in `node` and compiles or checks it with `compile`, reporting what is wrong
  // at its position in the file.
  template <typename Compiled>
  Compiled PatternAt(const std::string& file, const YAML::Node& node,
                     Compiled (PatternCompiler::*compile)(std::string_view, std::string*, int*)
                         const);
  // Reports `message` at `column` of the pattern in `node`.
  void FailInPattern(const std::string& file, const YAML::Node& node, const std::string& message,
                     int column);
  // Reports a checked pattern, now compiled, if it did not compile (too large) at `where`.
  void CheckCompiles(const RE2& re, const RuleLocation& where);
  // Sorts the role rules into their scopes and compiles their sets (and a dateline's credit pattern
  // alone). Touches only the role members of set_, so it may run beside the cue rules' compiling;
  // returns its problems rather than recording them.
  std::vector<Error> BuildRoleSets();
  bool CompileRoles(const ParsedFile& f);
  bool CompileRole(const ParsedFile& f, const YAML::Node& item);
  bool CompileCues(const ParsedFile& f, const char* key, std::vector<CueRule>* out);
  bool CompileCue(const ParsedFile& f, const char* key, const YAML::Node& item,
                  std::vector<CueRule>* out);
  bool CompileClaims(const ParsedFile& f);
  bool CompileSignal(const ParsedFile& f, const YAML::Node& item);
  bool CompileFindings(const ParsedFile& f);
  bool CompileFinding(const ParsedFile& f, const YAML::Node& item);

  RuleSet set_;
  std::unordered_map<std::string, std::vector<std::string>> lexicon_entries_;
  // Rule ids seen so far, by kind ("cue" covers attribution and via), with where each was defined:
  // an id names one rule in `audit rules`, `audit explain` and the JSON.
  bool NewId(const std::string& kind, const std::string& file, const YAML::Node& item,
             const std::string& id);
  std::map<std::pair<std::string, std::string>, RuleLocation> ids_;

  // Records a problem; loading goes on so that one run reports them all.
  void Fail(Error error) { errors_.push_back(std::move(error)); }
  // Runs one section reader; yaml-cpp's conversion errors become problems at their mark.
  template <typename Read>
  void Guarded(const ParsedFile& f, Read read) {
    try {
      read();
    } catch (const YAML::Exception& e) {
      Fail(Error::AtLine(ErrorCode::kRules, f.name, e.mark.line + 1, e.mark.column + 1, e.msg));
    }
  }
  // The first problem, carrying the others in file and line order.
  Error Combined() {
    std::stable_sort(errors_.begin(), errors_.end(), [](const Error& a, const Error& b) {
      return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    Error first = errors_.front();
    first.more.assign(errors_.begin() + 1, errors_.end());
    return first;
  }
  std::vector<Error> errors_;
  const RuleLoadOptions options_;
};

bool RuleLoader::CheckKeys(const std::string& file, const YAML::Node& map,
                           const std::vector<std::string>& allowed) {
  if (!map.IsMap()) {
    Fail(At(file, map, "expected a map"));
    return false;
  }
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      Fail(At(file, kv.first, "unknown key '" + key + "' (expected one of: " + list + ")"));
      return false;
    }
  }
  return true;
}

bool RuleLoader::NewId(const std::string& kind, const std::string& file, const YAML::Node& item,
                       const std::string& id) {
  const RuleLocation here = Where(file, item["id"]);
  auto [it, added] = ids_.emplace(std::make_pair(kind, id), here);
  if (added) return true;
  Fail(At(file, item["id"],
          fmt::format("{} rule '{}' is already defined at {}:{}", kind, id, it->second.file,
                      it->second.line)));
  return false;
}

// examples: {match: [sentence, ...], no_match: [sentence, ...]}
bool RuleLoader::ReadExamples(const std::string& file, const YAML::Node& item, bool attribution,
                              std::vector<RuleExample>* out) {
  const YAML::Node examples = item["examples"];
  if (!examples) return true;
  if (!CheckKeys(file, examples, {"match", "no_match"})) return false;
  for (const char* key : {"match", "no_match"}) {
    const YAML::Node list = examples[key];
    if (!list) continue;
    if (!list.IsSequence()) {
      Fail(At(file, list, std::string("'") + key + "' must be a list of sentences"));
      return false;
    }
    const bool match = std::string_view(key) == "match";
    for (const YAML::Node& sentence : list) {
      RuleExample example{{}, match, {}, {}, Where(file, sentence)};
      if (sentence.IsMap() && match && attribution) {
        // {text: ..., source: ..., type: ...}: the sentence and the attribution it must get.
        if (!CheckKeys(file, sentence, {"text", "source", "type"})) return false;
        for (const char* field : {"text", "source", "type"}) {
          if (sentence[field] && !sentence[field].IsScalar()) {
            Fail(At(file, sentence[field], std::string("'") + field + "' must be text"));
            return false;
          }
        }
        if (!sentence["text"]) {
          Fail(At(file, sentence, "an example needs 'text': the sentence"));
          return false;
        }
        example.text = sentence["text"].as<std::string>();
        if (sentence["source"]) example.source = sentence["source"].as<std::string>();
        if (sentence["type"]) {
          example.source_type = sentence["type"].as<std::string>();
          if (!IsSourceTypeName(example.source_type)) {
            Fail(At(file, sentence["type"],
                    "unknown source type '" + example.source_type + "' (" +
                        std::string(kSourceTypeNames) + ")"));
            return false;
          }
        }
      } else if (sentence.IsScalar()) {
        example.text = sentence.as<std::string>();
      } else {
        Fail(At(file, sentence,
                attribution && match ? "an example must be a sentence, or {text, source, type}"
                                     : "an example must be a sentence"));
        return false;
      }
      out->push_back(std::move(example));
    }
  }
  return true;
}

bool RuleLoader::ReadStrings(const std::string& file, const YAML::Node& node,
                             std::vector<std::string>* out) {
  if (!node.IsSequence()) {
    Fail(At(file, node, "expected a list"));
    return false;
  }
  for (const auto& item : node) {
    if (item.IsScalar()) {
      out->push_back(item.as<std::string>());
    } else if (item.IsSequence()) {  // the forms of one word: [say, says, said, saying]
      for (const auto& form : item) {
        if (!form.IsScalar()) {
          Fail(At(file, form, "expected a word or phrase"));
          return false;
        }
        out->push_back(form.as<std::string>());
      }
    } else {
      Fail(At(file, item, "expected a word or phrase, or a list of forms"));
      return false;
    }
  }
  return true;
}

bool RuleLoader::ReadBool(const std::string& file, const YAML::Node& map, const char* key,
                          bool* out) {
  const YAML::Node node = map[key];
  if (!node) return true;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, *out)) {
    Fail(At(file, node, std::string("'") + key + "' must be true or false"));
    return false;
  }
  return true;
}

bool RuleLoader::ReadNumber(const std::string& file, const YAML::Node& map, const char* key,
                            double* out) {
  const YAML::Node node = map[key];
  if (!node) return true;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, *out)) {
    Fail(At(file, node, std::string("'") + key + "' must be a number"));
    return false;
  }
  return true;
}

bool RuleLoader::ReadString(const std::string& file, const YAML::Node& map, const char* key,
                            bool required, std::string* out) {
  const YAML::Node node = map[key];
  if (!node) {
    if (required) Fail(At(file, map, std::string("missing key '") + key + "'"));
    return !required;
  }
  if (!node.IsScalar()) {
    Fail(At(file, node, std::string("'") + key + "' must be a string"));
    return false;
  }
  *out = node.as<std::string>();
  return true;
}

bool RuleLoader::CollectLexicon(const ParsedFile& f, const YAML::detail::iterator_value& kv) {
  const std::string name = kv.first.as<std::string>();
  if (lexicon_entries_.count(name)) {
    Fail(At(f.name, kv.first, "lexicon '" + name + "' is defined twice"));
    return false;
  }
  Lexicon lexicon{name, {}, Where(f.name, kv.first)};
  if (!ReadStrings(f.name, kv.second, &lexicon.entries)) {
    // Known by name, though broken: patterns that use it are not reported a second time.
    lexicon_entries_[name];
    return false;
  }
  lexicon_entries_[name] = lexicon.entries;
  set_.lexicons_.push_back(std::move(lexicon));
  return true;
}

bool RuleLoader::CollectLexicons(const ParsedFile& f) {
  const YAML::Node node = f.root["lexicons"];
  if (!node) return true;
  if (!node.IsMap()) {
    Fail(At(f.name, node, "'lexicons' must map names to lists"));
    return false;
  }
  bool ok = true;
  for (const auto& kv : node) {
    // A broken rule is reported and skipped, so one run reports every broken rule.
    ok = CollectLexicon(f, kv) && ok;
  }
  return ok;
}

bool RuleLoader::CollectOutlet(const ParsedFile& f, const YAML::Node& item) {
  if (!CheckKeys(f.name, item, {"name", "aliases", "domains", "wire"})) return false;
  Outlet outlet;
  outlet.where = Where(f.name, item);
  if (!ReadString(f.name, item, "name", true, &outlet.name)) return false;
  if (item["aliases"] && !ReadStrings(f.name, item["aliases"], &outlet.aliases)) return false;
  if (item["domains"] && !ReadStrings(f.name, item["domains"], &outlet.domains)) return false;
  if (!ReadBool(f.name, item, "wire", &outlet.wire)) return false;
  const size_t index = set_.outlets_.size();
  set_.outlet_index_.emplace(AsciiLower(outlet.name), index);
  for (const auto& a : outlet.aliases) set_.outlet_index_.emplace(AsciiLower(a), index);
  for (const auto& d : outlet.domains) set_.outlet_index_.emplace(AsciiLower(d), index);
  set_.outlets_.push_back(std::move(outlet));
  return true;
}

bool RuleLoader::CollectOutlets(const ParsedFile& f) {
  const YAML::Node node = f.root["outlets"];
  if (!node) return true;
  if (!node.IsSequence()) {
    Fail(At(f.name, node, "'outlets' must be a list"));
    return false;
  }
  bool ok = true;
  for (const auto& item : node) {
    // A broken rule is reported and skipped, so one run reports every broken rule.
    ok = CollectOutlet(f, item) && ok;
  }
  return ok;
}

bool RuleLoader::CollectAbbreviations(const ParsedFile& f) {
  const YAML::Node node = f.root["abbreviations"];
  if (!node) return true;
  if (!CheckKeys(f.name, node, {"titles", "other"})) return false;
  for (const char* key : {"titles", "other"}) {
    std::vector<std::string> words;
    if (node[key] && !ReadStrings(f.name, node[key], &words)) return false;
    for (auto& w : words) {
      std::string lower = AsciiLower(w);
      if (!lower.empty() && lower.back() == '.') lower.pop_back();
      set_.abbreviations_.insert(lower);
      if (std::string_view(key) == "titles") set_.title_abbreviations_.insert(lower);
    }
  }
  return true;
}

template <typename Compiled>
Compiled RuleLoader::PatternAt(const std::string& file, const YAML::Node& node,
                               Compiled (PatternCompiler::*compile)(std::string_view, std::string*,
                                                                    int*) const) {
  if (!node || !node.IsScalar()) {
    Fail(At(file, node ? node : YAML::Node(), "'pattern' must be a string"));
    return nullptr;
  }
  const PatternCompiler compiler(&lexicon_entries_);
  std::string message;
  int column = -1;
  Compiled re = (compiler.*compile)(node.as<std::string>(), &message, &column);
  if (!re) FailInPattern(file, node, message, column);
  return re;
}

std::unique_ptr<LazyRegex> RuleLoader::CheckAt(const std::string& file, const YAML::Node& node) {
  return PatternAt(file, node, &PatternCompiler::Check);
}

std::unique_ptr<LazyRegex> RuleLoader::CompileNarrowedAt(const std::string& file,
                                                         const YAML::Node& node) {
  return PatternAt(file, node, &PatternCompiler::CompileNarrowed);
}

void RuleLoader::FailInPattern(const std::string& file, const YAML::Node& node,
                               const std::string& message, int column) {
  YAML::Mark mark = node.Mark();
  // Point into the pattern itself when the scalar is on one line (plain or quoted: skip the
  // quote).
  const bool quoted = node.Tag() == "!";
  int col = mark.column + 1 + (column >= 0 ? column + (quoted ? 1 : 0) : 0);
  Fail(Error::AtLine(ErrorCode::kRules, file, mark.line + 1, col, message));
}

namespace {

std::optional<Error> CompileError(const RE2& re, const RuleLocation& where) {
  if (re.ok()) return std::nullopt;
  return Error::AtLine(ErrorCode::kRules, where.file, where.line, where.column,
                       "bad pattern: " + re.error());
}

}  // namespace

void RuleLoader::CheckCompiles(const RE2& re, const RuleLocation& where) {
  if (std::optional<Error> error = CompileError(re, where)) Fail(std::move(*error));
}

std::vector<Error> RuleLoader::BuildRoleSets() {
  std::vector<Error> errors;
  auto check = [&errors](const RE2& re, const RuleLocation& where) {
    if (std::optional<Error> error = CompileError(re, where)) errors.push_back(std::move(*error));
  };
  std::vector<const LazyRegex*> block_roles, sentence_roles;
  for (size_t i = 0; i < set_.role_rules_.size(); ++i) {
    const RoleRule& rule = set_.role_rules_[i];
    if (rule.sentence_scope) {
      sentence_roles.push_back(rule.re.get());
      set_.sentence_role_rules_.push_back(i);
    } else if (!rule.reads_credit) {
      block_roles.push_back(rule.re.get());
      set_.block_role_rules_.push_back(i);
    } else {
      check(rule.re->For(true), rule.where);  // a dateline's credit is read with the pattern
    }
  }
  set_.block_roles_ = FirstMatch(std::move(block_roles));
  set_.sentence_roles_ = FirstMatch(std::move(sentence_roles));
  // Compiling the sets at load compiles every pattern in them. When they cannot be compiled, the
  // patterns are tried one by one, and each must compile on its own.
  for (const auto& [roles, indices] :
       {std::pair(&set_.block_roles_, &set_.block_role_rules_),
        std::pair(&set_.sentence_roles_, &set_.sentence_role_rules_)}) {
    if (indices->empty() || roles->BuildSets()) continue;
    for (const size_t i : *indices)
      check(set_.role_rules_[i].re->For(true), set_.role_rules_[i].where);
  }
  return errors;
}

bool RuleLoader::CompileRole(const ParsedFile& f, const YAML::Node& item) {
  static const std::vector<std::string> kRoles = {"date",   "dateline",    "caption", "credit",
                                                  "byline", "boilerplate", "heading", "question"};
  if (!CheckKeys(f.name, item, {"role", "scope", "pattern", "examples"})) return false;
  RoleRule rule;
  rule.where = Where(f.name, item);
  if (!ReadString(f.name, item, "role", true, &rule.role)) return false;
  if (std::find(kRoles.begin(), kRoles.end(), rule.role) == kRoles.end()) {
    Fail(At(f.name, item["role"], "unknown role '" + rule.role + "'"));
    return false;
  }
  std::string scope = "block";
  if (!ReadString(f.name, item, "scope", false, &scope)) return false;
  if (scope != "block" && scope != "sentence") {
    Fail(At(f.name, item["scope"], "scope must be 'block' or 'sentence'"));
    return false;
  }
  rule.sentence_scope = scope == "sentence";
  if (!ReadExamples(f.name, item, false, &rule.examples)) return false;
  rule.re = CheckAt(f.name, item["pattern"]);
  if (!rule.re) return false;
  rule.reads_credit = !rule.sentence_scope && HasNamedGroup(rule.re->pattern(), "credit");
  set_.role_rules_.push_back(std::move(rule));
  return true;
}

bool RuleLoader::CompileRoles(const ParsedFile& f) {
  const YAML::Node node = f.root["roles"];
  if (!node) return true;
  if (!node.IsSequence()) {
    Fail(At(f.name, node, "'roles' must be a list"));
    return false;
  }
  bool ok = true;
  for (const auto& item : node) {
    // A broken rule is reported and skipped, so one run reports every broken rule.
    ok = CompileRole(f, item) && ok;
  }
  return ok;
}

bool RuleLoader::CompileCue(const ParsedFile& f, const char* key, const YAML::Node& item,
                            std::vector<CueRule>* out) {
  if (!CheckKeys(f.name, item,
                 {"id", "pattern", "source", "inner", "fallback", "scope", "cue", "type",
                  "description", "examples"}))
    return false;
  CueRule rule;
  rule.where = Where(f.name, item);
  if (!ReadString(f.name, item, "id", true, &rule.id)) return false;
  if (!NewId("cue", f.name, item, rule.id)) return false;
  std::string side = "subject";
  if (!ReadString(f.name, item, "source", false, &side)) return false;
  if (side == "subject") {
    rule.side = SourceSide::kSubject;
  } else if (side == "after") {
    rule.side = SourceSide::kAfter;
  } else if (side == "capture") {
    rule.side = SourceSide::kCapture;
  } else if (side == "vague") {
    rule.side = SourceSide::kVague;
  } else {
    Fail(At(f.name, item["source"], "source must be one of: subject, after, capture, vague"));
    return false;
  }
  if (!ReadBool(f.name, item, "inner", &rule.inner)) return false;
  if (!ReadBool(f.name, item, "fallback", &rule.fallback)) return false;
  std::string scope = "sentence";
  if (!ReadString(f.name, item, "scope", false, &scope)) return false;
  if (scope != "sentence" && scope != "paragraph") {
    Fail(At(f.name, item["scope"], "scope must be 'sentence' or 'paragraph'"));
    return false;
  }
  rule.holds_paragraph = scope == "paragraph";
  if (!ReadString(f.name, item, "cue", false, &rule.fixed_cue)) return false;
  if (!ReadString(f.name, item, "type", false, &rule.fixed_type)) return false;
  if (!rule.fixed_type.empty() && !IsSourceTypeName(rule.fixed_type)) {
    Fail(At(
        f.name, item["type"],
        "unknown source type '" + rule.fixed_type + "' (" + std::string(kSourceTypeNames) + ")"));
    return false;
  }
  if (!ReadString(f.name, item, "description", false, &rule.description)) return false;
  if (!ReadExamples(f.name, item, std::string_view(key) == "attribution", &rule.examples))
    return false;
  // Compiled now in the form most texts are matched with, which also tells the groups (both forms
  // have the same); the full form waits for a text outside the common script.
  rule.re = CompileNarrowedAt(f.name, item["pattern"]);
  if (!rule.re) return false;
  const RE2& compiled = rule.re->For(/*text_in_common_script=*/true);
  rule.prefilter_pattern =
      PatternCompiler(&lexicon_entries_).ExpandForPrefilter(item["pattern"].as<std::string>());
  const auto& groups = compiled.NamedCapturingGroups();
  const bool is_via = std::string_view(key) == "via";
  if (is_via && !groups.count("source")) {
    Fail(At(f.name, item["pattern"],
            "a via pattern needs a named group (?P<source>...) for the outlet"));
    return false;
  }
  if (!is_via && rule.fixed_cue.empty() && !groups.count("cue")) {
    Fail(At(f.name, item["pattern"], "pattern needs a named group (?P<cue>...) or a 'cue' key"));
    return false;
  }
  if (rule.side == SourceSide::kCapture && !groups.count("source")) {
    Fail(At(f.name, item["pattern"], "source: capture needs a named group (?P<source>...)"));
    return false;
  }
  if (auto it = groups.find("cue"); it != groups.end()) rule.cue_group = it->second;
  if (auto it = groups.find("source"); it != groups.end()) rule.source_group = it->second;
  rule.cue_is_match = rule.cue_group > 0 && GroupIsWholeMatch(rule.re->pattern(), "cue");
  out->push_back(std::move(rule));
  return true;
}

bool RuleLoader::CompileCues(const ParsedFile& f, const char* key, std::vector<CueRule>* out) {
  const YAML::Node node = f.root[key];
  if (!node) return true;
  if (!node.IsSequence()) {
    Fail(At(f.name, node, std::string("'") + key + "' must be a list"));
    return false;
  }
  bool ok = true;
  for (const auto& item : node) {
    // A broken rule is reported and skipped, so one run reports every broken rule.
    ok = CompileCue(f, key, item, out) && ok;
  }
  return ok;
}

bool RuleLoader::CompileSignal(const ParsedFile& f, const YAML::Node& item) {
  if (!CheckKeys(f.name, item, {"id", "pattern", "weight", "description", "examples"}))
    return false;
  ClaimSignal signal;
  signal.where = Where(f.name, item);
  if (!ReadString(f.name, item, "id", true, &signal.id)) return false;
  if (!NewId("claim signal", f.name, item, signal.id)) return false;
  if (!item["weight"]) {
    Fail(At(f.name, item, "missing numeric 'weight'"));
    return false;
  }
  if (!ReadNumber(f.name, item, "weight", &signal.weight)) return false;
  if (!ReadString(f.name, item, "description", false, &signal.description)) return false;
  if (!ReadExamples(f.name, item, false, &signal.examples)) return false;
  signal.re = CheckAt(f.name, item["pattern"]);  // compiled in the signal set below
  if (!signal.re) return false;
  set_.claim_signals_.push_back(std::move(signal));
  return true;
}

bool RuleLoader::CompileClaims(const ParsedFile& f) {
  const YAML::Node node = f.root["claims"];
  if (!node) return true;
  if (!CheckKeys(f.name, node, {"threshold", "signals"})) return false;
  bool ok = ReadNumber(f.name, node, "threshold", &set_.claim_threshold_);
  const YAML::Node signals = node["signals"];
  if (!signals) return ok;
  if (!signals.IsSequence()) {
    Fail(At(f.name, signals, "'signals' must be a list"));
    return false;
  }
  for (const auto& item : signals) {
    // A broken rule is reported and skipped, so one run reports every broken rule.
    ok = CompileSignal(f, item) && ok;
  }
  return ok;
}

bool RuleLoader::CompileFinding(const ParsedFile& f, const YAML::Node& item) {
  if (!CheckKeys(f.name, item, {"id", "severity", "description", "message", "enabled"}))
    return false;
  FindingRule rule;
  rule.where = Where(f.name, item);
  std::string severity;
  if (!ReadString(f.name, item, "id", true, &rule.id) ||
      !ReadString(f.name, item, "severity", true, &severity) ||
      !ReadString(f.name, item, "description", false, &rule.description) ||
      !ReadString(f.name, item, "message", true, &rule.message)) {
    return false;
  }
  if (!NewId("finding", f.name, item, rule.id)) return false;
  auto parsed = ParseSeverity(severity);
  if (!parsed) {
    Fail(At(f.name, item["severity"], "severity must be info, warning or error"));
    return false;
  }
  rule.severity = *parsed;
  if (!ReadBool(f.name, item, "enabled", &rule.enabled)) return false;
  set_.finding_rules_.push_back(std::move(rule));
  return true;
}

bool RuleLoader::CompileFindings(const ParsedFile& f) {
  const YAML::Node node = f.root["findings"];
  if (!node) return true;
  if (!node.IsSequence()) {
    Fail(At(f.name, node, "'findings' must be a list"));
    return false;
  }
  bool ok = true;
  for (const auto& item : node) {
    // A broken rule is reported and skipped, so one run reports every broken rule.
    ok = CompileFinding(f, item) && ok;
  }
  return ok;
}

Result<RuleSet> RuleLoader::Load(const std::map<std::string, std::string>& files) {
  std::vector<ParsedFile> parsed;
  for (const auto& [name, text] : files) {
    try {
      YAML::Node root = YAML::Load(text);
      if (root.IsNull()) continue;
      if (!CheckKeys(name, root,
                     {"lexicons", "outlets", "abbreviations", "roles", "attribution", "via",
                      "claims", "findings"})) {
        continue;
      }
      parsed.push_back({name, root});
    } catch (const YAML::Exception& e) {
      Fail(Error::AtLine(ErrorCode::kRules, name, e.mark.line + 1, e.mark.column + 1, e.msg));
    }
  }
  // Every section of every file is read even after a problem, so one run reports each broken rule;
  // the sections that patterns refer to (lexicons, outlets) come first.
  for (const auto& f : parsed) {
    Guarded(f, [&] { return CollectLexicons(f); });
    Guarded(f, [&] { return CollectOutlets(f); });
    Guarded(f, [&] { return CollectAbbreviations(f); });
  }
  // Every outlet name and alias is also a lexicon, so patterns can say {outlets}.
  std::vector<std::string> outlet_names;
  for (const auto& o : set_.outlets_) {
    outlet_names.push_back(o.name);
    outlet_names.insert(outlet_names.end(), o.aliases.begin(), o.aliases.end());
  }
  lexicon_entries_["outlets"] = outlet_names;
  // Role patterns, claim signals and findings are only read and parsed here; the cue rules compile
  // theirs. The role sets, about half of what compiling costs, are built once the roles are read:
  // beside the cue rules on a second thread when the caller has a core to spare, else after them.
  for (const auto& f : parsed) {
    Guarded(f, [&] { return CompileRoles(f); });
    Guarded(f, [&] { return CompileClaims(f); });
    Guarded(f, [&] { return CompileFindings(f); });
  }
  std::future<std::vector<Error>> role_sets;
  if (errors_.empty()) {
    role_sets = std::async(options_.compile_beside ? std::launch::async : std::launch::deferred,
                           [this] { return BuildRoleSets(); });
  }
  for (const auto& f : parsed) {
    Guarded(f, [&] { return CompileCues(f, "attribution", &set_.cue_rules_); });
    Guarded(f, [&] { return CompileCues(f, "via", &set_.via_rules_); });
  }
  if (!errors_.empty()) return Combined();  // the role sets' future waits for them on the way out
  std::vector<std::string> cue_patterns;
  for (const CueRule& rule : set_.cue_rules_) cue_patterns.push_back(rule.prefilter_pattern);
  set_.cue_prefilter_ = std::make_unique<CuePrefilter>(std::move(cue_patterns), RuleRe2Options());
  for (Error& e : role_sets.get()) Fail(std::move(e));
  if (!errors_.empty()) return Combined();
  if (!set_.claim_signals_.empty()) {
    // The set most texts are matched with is compiled now; the full one when a text needs it.
    set_.claim_signal_set_ = std::make_unique<RE2::Set>(RuleRe2Options(), RE2::UNANCHORED);
    std::vector<std::string> full_patterns;
    bool any_narrowed = false;
    for (const auto& signal : set_.claim_signals_) {
      std::string error;
      if (set_.claim_signal_set_->Add(signal.re->pattern_for(true), &error) < 0) {
        return Error::AtLine(ErrorCode::kRules, signal.where.file, signal.where.line,
                             signal.where.column,
                             "claim signal cannot join the signal set: " + error);
      }
      full_patterns.push_back(signal.re->pattern());
      any_narrowed = any_narrowed || signal.re->pattern_for(true) != signal.re->pattern();
    }
    if (any_narrowed) {
      set_.claim_signal_full_set_ = std::make_unique<BuiltWhenUsed<RE2::Set>>(
          0, [patterns = std::move(full_patterns)]() -> std::unique_ptr<RE2::Set> {
            auto set = std::make_unique<RE2::Set>(RuleRe2Options(), RE2::UNANCHORED);
            for (const std::string& pattern : patterns) {
              if (set->Add(pattern, nullptr) < 0) return nullptr;
            }
            if (!set->Compile()) return nullptr;
            return set;
          });
    }
    if (!set_.claim_signal_set_->Compile()) {
      // A signal too large to compile on its own is reported at its rule; otherwise the set is.
      for (const ClaimSignal& signal : set_.claim_signals_)
        CheckCompiles(signal.re->For(true), signal.where);
      if (errors_.empty()) {
        return Error::InFile(ErrorCode::kRules, set_.claim_signals_.front().where.file,
                             "the claim signals are too large to compile together");
      }
      return Combined();
    }
  }
  // In kRequiredLexicons order, so that a LexiconName's index finds its set.
  for (const std::string_view name : kRequiredLexicons) {
    auto it = lexicon_entries_.find(std::string(name));
    if (it == lexicon_entries_.end()) {
      const std::string file = files.empty() ? std::string("rules") : files.begin()->first;
      Fail(Error::InFile(
          ErrorCode::kRules, file,
          fmt::format("the rule pack has no lexicon '{}', which the analysis needs", name)));
      set_.word_sets_.emplace_back();
      continue;
    }
    set_.word_sets_.emplace_back(it->second);
  }
  if (!errors_.empty()) return Combined();
  return std::move(set_);
}

Result<RuleSet> RuleSet::LoadFiles(const std::map<std::string, std::string>& files,
                                   RuleLoadOptions options) {
  RuleLoader loader(options);
  return loader.Load(files);
}

Result<RuleSet> RuleSet::LoadDirectories(const std::vector<std::string>& dirs,
                                         const std::map<std::string, std::string>& extra,
                                         RuleLoadOptions options) {
  Result<std::map<std::string, std::string>> files = ReadPacks(dirs, extra);
  if (!files.ok()) return files.error();
  return LoadFiles(files.value(), options);
}

Result<std::map<std::string, std::string>> RuleSet::ReadPacks(
    const std::vector<std::string>& dirs, const std::map<std::string, std::string>& extra) {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> files = extra;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
      return Error::InFile(ErrorCode::kRules, dir, "not a rule pack folder");
    size_t found = 0;
    for (fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec)) {
      const fs::path& p = it->path();
      if (!it->is_regular_file() || (p.extension() != ".yaml" && p.extension() != ".yml")) continue;
      std::ifstream in(p, std::ios::binary);
      if (!in) return Error::InFile(ErrorCode::kRules, p.string(), "cannot read rule file");
      std::ostringstream text;
      text << in.rdbuf();
      files[p.string()] = text.str();
      ++found;
    }
    if (ec) return Error::InFile(ErrorCode::kRules, dir, "cannot list rule pack: " + ec.message());
    if (found == 0) return Error::InFile(ErrorCode::kRules, dir, "no .yaml files in rule pack");
  }
  return files;
}

Result<RuleSet> RuleSet::LoadDirectory(const std::string& dir) {
  return LoadDirectories({dir}, {});
}

}  // namespace audit
