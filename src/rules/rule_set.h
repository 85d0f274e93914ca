// RuleSet: everything a rule pack says, loaded from YAML and compiled once.
//
// A pack is a folder of YAML files (the default one is rules/news/). Each file may hold any of
// these top-level keys: `lexicons` (named word and phrase lists), `outlets` (news organisations
// with aliases and web domains), `abbreviations` (for the sentence splitter), `roles` (patterns
// that give blocks and sentences their role), `attribution` (cue patterns), `via` (patterns naming
// the outlet a source spoke to), `claims` (claim signals and the claim threshold) and `findings`
// (each finding's id, severity and message). See docs/rules.md.
//
// Patterns are RE2 syntax; `{name}` in a pattern stands for the lexicon of that name, as an
// alternation of its entries (longest first, white space matching any run of white space).
//
// A RuleSet is immutable once loaded and safe to share between threads: RE2 objects are thread-safe
// for matching, and what is compiled on first use (a role pattern or claim signal on its own, the
// cue prefilter) is compiled once, under a once_flag. It cannot be copied (RE2 objects cannot);
// move it or share it by const reference.
#ifndef AUDIT_RULES_RULE_SET_H_
#define AUDIT_RULES_RULE_SET_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/error.h"
#include "base/string_hash.h"
#include "rules/built_when_used.h"
#include "rules/cue_prefilter.h"
#include "rules/first_match.h"
#include "rules/lazy_regex.h"
#include "rules/phrase_matcher.h"
#include "rules/severity.h"

namespace audit {

// Where a rule was defined, for error messages and `audit explain`.
struct RuleLocation {
  std::string file;
  int line = 0;  // 1-based
  int column = 0;
};

// A sentence a rule's pattern must (or must not) match, from the rule's `examples:`; run by
// `audit rules --test`.
struct RuleExample {
  std::string text;
  bool match = true;
  // For an attribution cue's `match` example written as a map: the source the sentence must be
  // attributed to (as written) and its type ("person", "organization", ...); empty when not
  // stated. Checked by auditing the sentence, not by the pattern alone.
  std::string source;
  std::string source_type;
  RuleLocation where;
};

struct Lexicon {
  std::string name;
  std::vector<std::string> entries;  // as written
  RuleLocation where;
};

struct Outlet {
  std::string name;  // canonical display name: "AP", "Reuters"
  std::vector<std::string>
      aliases;  // other ways articles write it: "the Associated Press", "Associated Press"
  std::vector<std::string> domains;  // web domains: "apnews.com"
  bool wire = false;                 // a news agency whose copy other outlets publish
  RuleLocation where;
};

// Where the source of a cue is found, relative to the cue.
enum class SourceSide {
  kSubject,  // the clause's subject before the cue, or after it when inverted ("..., said Smith")
  kAfter,    // the noun phrase after the cue ("according to the ministry")
  kCapture,  // the pattern's named group `source`
  kVague,    // no source: the cue itself is a weasel form ("reportedly", "it is believed")
};

struct CueRule {
  std::string id;
  // Has a named group `cue`; kCapture rules also `source`. Compiled at load in the form for texts
  // in the common script (LazyRegex::For), the full form when a text needs it.
  std::unique_ptr<LazyRegex> re;
  // The pattern as the cue prefilter reads it (PatternCompiler::ExpandForPrefilter).
  std::string prefilter_pattern;
  // Indices of the named groups in `re` (-1 when absent), looked up once at load: the analysis
  // matches every sentence against the rules.
  int cue_group = -1;
  int source_group = -1;
  // The cue group is the whole match (`\b(?P<cue>...)\b`): RE2 need not fill in groups.
  bool cue_is_match = false;
  SourceSide side = SourceSide::kSubject;
  bool inner =
      false;  // names the source under an outer outlet ("Bloomberg reported, citing people")
  bool fallback = false;         // governs only when no other cue does ("complaints from MPs")
  bool holds_paragraph = false;  // attributes the rest of its paragraph too ("SMITH: ...")
  std::string fixed_cue;         // cue text to report when the pattern has no `cue` group
  // `type:` the source type every match gets ("person" for a transcript's "SMITH:"), overriding
  // what the source's words suggest; empty to classify the source.
  std::string fixed_type;
  std::string description;  // one line for editors (`audit rules`)
  std::vector<RuleExample> examples;
  RuleLocation where;
};

// A pattern that gives a block or a sentence its role.
struct RoleRule {
  std::string role;  // "date", "dateline", "caption", "credit", "byline", "boilerplate", "heading"
  bool sentence_scope = false;
  // A block pattern with a named group `credit` (a dateline's "BEIJING (AP) —"): matched on its
  // own, for the group, rather than in a set. Known from the pattern's text, so that asking does
  // not compile it.
  bool reads_credit = false;
  // Compiled when first used on its own: matching goes through FirstMatch's sets.
  std::unique_ptr<LazyRegex> re;
  std::vector<RuleExample> examples;
  RuleLocation where;
};

struct ClaimSignal {
  std::string id;
  // Compiled when first used on its own: scoring goes through the signal set.
  std::unique_ptr<LazyRegex> re;
  double weight = 0;
  std::string description;
  std::vector<RuleExample> examples;
  RuleLocation where;
};

struct FindingRule {
  std::string id;
  Severity severity = Severity::kWarning;
  std::string description;
  std::string message;  // may use {source}, {cue}, {share}, {chain}, {count}
  bool enabled = true;
  RuleLocation where;
};

// A lexicon of words and phrases, matched case-insensitively on word boundaries. Exact lookups use
// a hash set; Search and Prefix walk the text's word starts (PhraseMatcher). Immutable once built;
// thread-safe; copyable.
class PhraseSet {
 public:
  PhraseSet() = default;
  explicit PhraseSet(const std::vector<std::string>& entries);
  bool Contains(std::string_view word) const;  // exact entry, case-insensitive
  bool Search(std::string_view text) const;    // any entry as a whole word or phrase in `text`
  bool Prefix(std::string_view text) const;    // `text` starts with an entry
  // Every entry of `sets` in one set, so one search answers "any of these lexicons".
  static PhraseSet Union(const std::vector<const PhraseSet*>& sets);

 private:
  std::vector<std::string> entries_;  // as written, for Union
  PhraseMatcher matcher_;

  // Lookups by string_view, so Contains needs no allocation on the hot path.
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> exact_;
  // Most words the analysis checks are in no lexicon. A bit per (length, first letter, last letter)
  // signature that some entry has turns most of them away before the word is lowered and hashed.
  static constexpr size_t kSignatureBits = 1024;
  static size_t Signature(size_t size, char first, char last) {
    return (size * 131 + static_cast<unsigned char>(first) * 31 +
            static_cast<unsigned char>(last)) %
           kSignatureBits;
  }
  std::array<uint64_t, kSignatureBits / 64> signatures_{};
};

// The lexicons the analysis looks up by name, in a fixed order; a pack without one of them is an
// error.
inline constexpr std::array<std::string_view, 26> kRequiredLexicons = {
    "titles",          "person_nouns",    "organization_nouns",
    "document_nouns",  "outlet_nouns",    "anonymous_sources",
    "vague_sources",   "pronouns",        "loaded_cues",
    "skip_before_cue", "subordinators",   "sentence_starters",
    "clause_openers",  "time_words",      "not_sources",
    "document_cues",   "reporting_verbs", "noun_like_cues",
    "strong_cues",     "plural_nouns",    "non_speech_objects",
    "addressee_cues",  "inverting_cues",  "document_references",
    "caption_labels",  "masthead_words",
};

// The name of a required lexicon, resolved to its place in kRequiredLexicons when the program is
// compiled: a misspelt name does not compile, and RuleSet::Words is an array index rather than a
// hash lookup on every word the analysis checks.
class LexiconName {
 public:
  consteval LexiconName(const char* name) : index_(IndexOf(name)) {}  // NOLINT: implicit on purpose
  size_t index() const { return index_; }

 private:
  static consteval size_t IndexOf(std::string_view name) {
    for (size_t i = 0; i < kRequiredLexicons.size(); ++i) {
      if (kRequiredLexicons[i] == name) return i;
    }
    throw "not a name in kRequiredLexicons";  // reached only while compiling: a compile error
  }

  size_t index_;
};

// How RuleSet loads a pack. The default is one thread, nothing started behind the caller's back.
struct RuleLoadOptions {
  // Build the role sets on a second thread while the cue rules compile: for callers that will keep
  // more than one core busy anyway (`audit check` with more than one job). About a third of the
  // compiling comes off the start of such a run.
  bool compile_beside = false;
};

class RuleSet {
 public:
  RuleSet() = default;
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;
  RuleSet(RuleSet&&) = default;
  RuleSet& operator=(RuleSet&&) = default;

  // Loads every *.yaml file under `dir` (sorted by name), then compiles. The first problem found is
  // returned with its file, line and column.
  static Result<RuleSet> LoadDirectory(const std::string& dir);
  // Loads several packs together, plus in-memory files (name -> YAML text) such as a project's
  // publisher: ReadPacks, then LoadFiles.
  static Result<RuleSet> LoadDirectories(const std::vector<std::string>& dirs,
                                         const std::map<std::string, std::string>& extra,
                                         RuleLoadOptions options = {});
  // The files LoadDirectories loads (path -> YAML text): every .yaml and .yml file under each
  // folder, and `extra`.
  static Result<std::map<std::string, std::string>> ReadPacks(
      const std::vector<std::string>& dirs, const std::map<std::string, std::string>& extra);
  // Loads from in-memory files (name -> YAML text); used by tests and by LoadDirectory.
  static Result<RuleSet> LoadFiles(const std::map<std::string, std::string>& files,
                                   RuleLoadOptions options = {});

  const Lexicon* FindLexicon(std::string_view name) const;
  // The compiled word set of a lexicon the analysis requires; loading fails when a required one is
  // missing.
  const PhraseSet& Words(LexiconName name) const;

  const std::vector<Outlet>& outlets() const { return outlets_; }
  // The outlet a name or domain refers to ("the Associated Press", "apnews.com"), or null.
  const Outlet* FindOutlet(std::string_view name) const;

  const std::vector<CueRule>& cue_rules() const { return cue_rules_; }
  // Which cue rules can match a sentence, before any scans it.
  const CuePrefilter& cue_prefilter() const { return *cue_prefilter_; }
  const std::vector<CueRule>& via_rules() const { return via_rules_; }
  const std::vector<RoleRule>& role_rules() const { return role_rules_; }
  // The first block-scope role rule, in pack order, that matches `text`, leaving out the dateline
  // rules with a credit group (the readers match those themselves); null when none does.
  const RoleRule* FirstBlockRole(std::string_view text) const;
  // The first sentence-scope role rule that matches `text`, or null.
  const RoleRule* FirstSentenceRole(std::string_view text) const;
  const std::vector<ClaimSignal>& claim_signals() const { return claim_signals_; }
  // One RE2::Set over every claim signal: all the signals a sentence fires, in one pass. In the
  // form for a text in the common script or not (as LazyRegex::For): the full set is compiled when
  // a text first needs it. Indices are those of claim_signals(). Null when the pack has no signals,
  // or the full set cannot be compiled (then each signal is matched on its own).
  const RE2::Set* claim_signal_set(bool text_in_common_script) const;
  double claim_threshold() const { return claim_threshold_; }
  const FindingRule* FindFinding(std::string_view id) const;
  const std::vector<FindingRule>& finding_rules() const { return finding_rules_; }

  // Abbreviations for the segmenter, lowercase, without their final period ("mr", "u.s", "jan").
  const std::unordered_set<std::string>& abbreviations() const { return abbreviations_; }
  // Abbreviations that never end a sentence (titles before a name: "mr", "gen", "dr").
  const std::unordered_set<std::string>& title_abbreviations() const {
    return title_abbreviations_;
  }

 private:
  friend class RuleLoader;

  std::vector<Lexicon> lexicons_;
  std::vector<PhraseSet> word_sets_;  // in kRequiredLexicons order
  std::vector<Outlet> outlets_;
  std::unordered_map<std::string, size_t>
      outlet_index_;  // lowercase name, alias or domain -> outlets_ index
  std::vector<CueRule> cue_rules_;
  std::unique_ptr<CuePrefilter> cue_prefilter_ = std::make_unique<CuePrefilter>();
  std::vector<CueRule> via_rules_;
  std::vector<RoleRule> role_rules_;
  // Over the role rules of each scope, in order; the vectors map a pattern index to a rule index.
  FirstMatch block_roles_;
  std::vector<size_t> block_role_rules_;
  FirstMatch sentence_roles_;
  std::vector<size_t> sentence_role_rules_;
  std::vector<ClaimSignal> claim_signals_;
  std::unique_ptr<RE2::Set> claim_signal_set_;  // for texts in the common script
  // For other texts; null when no signal has a narrowed form (claim_signal_set_ serves all).
  std::unique_ptr<BuiltWhenUsed<RE2::Set>> claim_signal_full_set_;
  double claim_threshold_ = 0.3;
  std::vector<FindingRule> finding_rules_;
  std::unordered_set<std::string> abbreviations_;
  std::unordered_set<std::string> title_abbreviations_;
};

}  // namespace audit

#endif  // AUDIT_RULES_RULE_SET_H_
