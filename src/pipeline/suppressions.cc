#include "pipeline/suppressions.h"

#include <algorithm>
#include <map>
#include <optional>

#include "analysis/findings.h"

namespace audit {

namespace {

constexpr std::string_view kOpen = "<!--";
constexpr std::string_view kClose = "-->";
constexpr std::string_view kPrefix = "audit-";
constexpr const char* kUnusedRule = "unused-suppression";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// "audit-ignore a, b c" -> kind and {"a", "b", "c"}.
SuppressionDirective ParseDirective(std::string_view body, size_t begin, size_t end) {
  SuppressionDirective d;
  d.text = std::string(body);
  d.begin = begin;
  d.end = end;
  size_t word_end = 0;
  while (word_end < body.size() && !IsSpace(body[word_end])) ++word_end;
  const std::string_view word = body.substr(0, word_end);
  if (word == "audit-ignore") {
    d.kind = SuppressionDirective::Kind::kIgnoreNext;
  } else if (word == "audit-off") {
    d.kind = SuppressionDirective::Kind::kOff;
  } else if (word == "audit-on") {
    d.kind = SuppressionDirective::Kind::kOn;
  }
  std::string_view rest = body.substr(word_end);
  std::string current;
  for (char c : rest) {
    if (c == ',' || IsSpace(c)) {
      if (!current.empty()) d.rules.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) d.rules.push_back(std::move(current));
  return d;
}

// One rule (or every rule, when `rule` is empty) switched off by one directive, over a byte range
// (audit-off) or one paragraph (audit-ignore).
struct Scope {
  size_t directive = 0;
  std::string rule;
  size_t begin = 0;  // byte range, for regions
  size_t end = 0;
  std::optional<size_t> block;  // for audit-ignore: the paragraph it covers
  bool used = false;
};

// Where sentences start and end in the file, for finding the sentence at an offset. Sentences come
// in file order from every reader, so a binary search finds it; should they not, a scan from the
// start gives the same answer.
class SentenceIndex {
 public:
  explicit SentenceIndex(const Analysis& analysis) : sentences_(analysis.sentences) {
    const auto by_begin = [](const SentenceVerdict& a, const SentenceVerdict& b) {
      return a.begin < b.begin;
    };
    const auto by_end = [](const SentenceVerdict& a, const SentenceVerdict& b) {
      return a.end < b.end;
    };
    begins_sorted_ = std::is_sorted(sentences_.begin(), sentences_.end(), by_begin);
    ends_sorted_ = std::is_sorted(sentences_.begin(), sentences_.end(), by_end);
  }

  // The first sentence that starts at or after `offset`.
  std::optional<size_t> FirstStartingFrom(size_t offset) const {
    return First([&](const SentenceVerdict& v) { return v.begin >= offset; }, begins_sorted_);
  }
  // The first sentence that ends after `offset`.
  std::optional<size_t> FirstEndingAfter(size_t offset) const {
    return First([&](const SentenceVerdict& v) { return v.end > offset; }, ends_sorted_);
  }

 private:
  template <typename Pred>
  std::optional<size_t> First(Pred pred, bool sorted) const {
    auto it = sorted ? std::partition_point(sentences_.begin(), sentences_.end(),
                                            [&](const SentenceVerdict& v) { return !pred(v); })
                     : std::find_if(sentences_.begin(), sentences_.end(), pred);
    if (it == sentences_.end()) return std::nullopt;
    return static_cast<size_t>(it - sentences_.begin());
  }

  const SentenceVerdicts& sentences_;
  bool begins_sorted_ = false;
  bool ends_sorted_ = false;
};

// The scopes the directives open, in directive order.
std::vector<Scope> BuildScopes(const std::vector<SuppressionDirective>& directives,
                               const Analysis& analysis, const SentenceIndex& index,
                               size_t file_size) {
  std::vector<Scope> scopes;
  std::map<std::string, size_t> open;  // rule ("" for all) -> index into scopes
  auto close = [&](const std::string& rule, size_t at) {
    if (auto it = open.find(rule); it != open.end()) {
      scopes[it->second].end = at;
      open.erase(it);
    }
  };
  for (size_t i = 0; i < directives.size(); ++i) {
    const SuppressionDirective& d = directives[i];
    std::vector<std::string> rules = d.rules;
    if (rules.empty()) rules.emplace_back();
    switch (d.kind) {
      case SuppressionDirective::Kind::kIgnoreNext: {
        // The paragraph of the first sentence after the comment; with none, the directive covers
        // nothing (an empty byte range).
        std::optional<size_t> next;
        if (const std::optional<size_t> s = index.FirstStartingFrom(d.end)) {
          next = analysis.sentences[*s].block;
        }
        for (const std::string& rule : rules) {
          scopes.push_back(Scope{i, rule, 0, 0, next, false});
        }
        break;
      }
      case SuppressionDirective::Kind::kOff:
        for (const std::string& rule : rules) {
          if (open.count(rule)) continue;  // already off: the first directive owns the region
          open[rule] = scopes.size();
          scopes.push_back(Scope{i, rule, d.end, file_size, std::nullopt, false});
        }
        break;
      case SuppressionDirective::Kind::kOn:
        if (d.rules.empty()) {
          while (!open.empty()) close(open.begin()->first, d.begin);
        } else {
          for (const std::string& rule : d.rules) close(rule, d.begin);
        }
        break;
      case SuppressionDirective::Kind::kUnknown:
        break;
    }
  }
  return scopes;
}

// Answers which scopes cover a finding with a few lookups, however many directives an article has
// (a scan of every scope per finding made an article of n directives and findings cost n * n).
//   paragraph scopes: grouped by (paragraph, rule); a group is used when any of its scopes covers.
//   region scopes: per rule, sorted by start; one rule's regions never overlap, since a rule
//   already off is not switched off again.
class ScopeIndex {
 public:
  explicit ScopeIndex(std::vector<Scope>* scopes) : scopes_(*scopes) {
    for (size_t i = 0; i < scopes_.size(); ++i) {
      const Scope& scope = scopes_[i];
      if (scope.block) {
        auto [it, inserted] = groups_[*scope.block].try_emplace(scope.rule, group_scopes_.size());
        if (inserted) group_scopes_.emplace_back();
        group_scopes_[it->second].push_back(i);
      } else if (scope.begin < scope.end) {  // an audit-ignore with no paragraph after it: none
        regions_[scope.rule].push_back(i);   // directive order is start order
      }
    }
    group_used_.assign(group_scopes_.size(), false);
  }

  // Whether any scope covers `f` (in paragraph `block`); marks every one that does as used.
  bool Cover(const Finding& f, size_t block) {
    bool covered = false;
    const auto in_block = groups_.find(block);
    for (const std::string_view rule : {std::string_view(), std::string_view(f.rule)}) {
      if (in_block != groups_.end()) {
        if (const auto it = in_block->second.find(rule); it != in_block->second.end()) {
          group_used_[it->second] = true;
          covered = true;
        }
      }
      if (const auto it = regions_.find(rule); it != regions_.end()) {
        const std::vector<size_t>& starts = it->second;
        // The last region starting at or before the finding.
        auto after = std::upper_bound(starts.begin(), starts.end(), f.begin,
                                      [&](size_t at, size_t i) { return at < scopes_[i].begin; });
        if (after != starts.begin()) {
          Scope& scope = scopes_[*std::prev(after)];
          if (f.begin < scope.end) covered = scope.used = true;
        }
      }
      if (f.rule.empty()) break;  // the two keys are the same
    }
    return covered;
  }

  // Marks the scopes of every used paragraph group as used.
  void Finish() {
    for (size_t g = 0; g < group_scopes_.size(); ++g) {
      if (!group_used_[g]) continue;
      for (size_t i : group_scopes_[g]) scopes_[i].used = true;
    }
  }

 private:
  std::vector<Scope>& scopes_;
  // Paragraph -> rule ("" for every rule) -> group; looked up without copying the rule's name.
  std::map<size_t, std::map<std::string, size_t, std::less<>>> groups_;
  std::vector<std::vector<size_t>> group_scopes_;
  std::vector<bool> group_used_;
  std::map<std::string, std::vector<size_t>, std::less<>> regions_;  // rule -> regions, by start
};

}  // namespace

std::vector<SuppressionDirective> FindSuppressionDirectives(std::string_view bytes) {
  std::vector<SuppressionDirective> directives;
  size_t pos = 0;
  while ((pos = bytes.find(kOpen, pos)) != std::string_view::npos) {
    const size_t close = bytes.find(kClose, pos + kOpen.size());
    if (close == std::string_view::npos) break;
    const std::string_view body =
        Trim(bytes.substr(pos + kOpen.size(), close - pos - kOpen.size()));
    if (body.substr(0, kPrefix.size()) == kPrefix) {
      directives.push_back(ParseDirective(body, pos, close + kClose.size()));
    }
    pos = close + kClose.size();
  }
  return directives;
}

void ApplySuppressions(const RuleSet& rules, std::string_view bytes, Analysis* analysis) {
  const std::vector<SuppressionDirective> directives = FindSuppressionDirectives(bytes);
  if (directives.empty()) return;
  const SentenceIndex sentences(*analysis);
  std::vector<Scope> scopes = BuildScopes(directives, *analysis, sentences, bytes.size());
  ScopeIndex index(&scopes);
  std::erase_if(analysis->findings, [&](const Finding& f) {
    return index.Cover(f, analysis->sentences[f.sentence].block);
  });
  index.Finish();

  const FindingRule* unused = rules.FindFinding(kUnusedRule);
  if (!unused || !unused->enabled) return;
  bool added = false;
  auto report = [&](const SuppressionDirective& d, const std::string& reason) {
    // The sentence holding the directive or the next, else the last.
    if (analysis->sentences.empty()) return;
    const size_t sentence =
        sentences.FirstEndingAfter(d.begin).value_or(analysis->sentences.size() - 1);
    Finding f;
    f.rule = kUnusedRule;
    f.severity = unused->severity;
    f.sentence = sentence;
    f.begin = d.begin;
    f.end = d.end;
    f.message = analysis->strings.Intern(
        FormatMessage(unused->message, {{"directive", d.text}, {"reason", reason}}));
    analysis->findings.push_back(std::move(f));
    added = true;
  };
  for (const SuppressionDirective& d : directives) {
    if (d.kind == SuppressionDirective::Kind::kUnknown) {
      report(d, "it is not a directive (use audit-ignore, audit-off or audit-on)");
    }
  }
  for (const Scope& scope : scopes) {
    if (scope.used) continue;
    const SuppressionDirective& d = directives[scope.directive];
    if (!scope.rule.empty() && !rules.FindFinding(scope.rule)) {
      report(d, "'" + scope.rule + "' is not a rule");
    } else if (scope.rule.empty()) {
      report(d, "nothing here is reported");
    } else {
      report(d, "nothing here is reported as " + scope.rule);
    }
  }
  if (added) SortFindingsByStart(&analysis->findings);
}

}  // namespace audit
