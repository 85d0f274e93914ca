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
  const Analysis* analysis = nullptr;  // the findings' sentences, for `block`

  bool Covers(const Finding& f) const {
    if (!rule.empty() && rule != f.rule) return false;
    if (block) return analysis->sentences[f.sentence].block == *block;
    return f.begin >= begin && f.begin < end;
  }
};

// The scopes the directives open, in directive order.
std::vector<Scope> BuildScopes(const std::vector<SuppressionDirective>& directives,
                               const Analysis& analysis, size_t file_size) {
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
        for (const SentenceVerdict& v : analysis.sentences) {
          if (v.begin >= d.end) {
            next = v.block;
            break;
          }
        }
        for (const std::string& rule : rules) {
          scopes.push_back(Scope{i, rule, 0, 0, next, false, &analysis});
        }
        break;
      }
      case SuppressionDirective::Kind::kOff:
        for (const std::string& rule : rules) {
          if (open.count(rule)) continue;  // already off: the first directive owns the region
          open[rule] = scopes.size();
          scopes.push_back(Scope{i, rule, d.end, file_size, std::nullopt, false, &analysis});
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

// The sentence an unused directive is reported on: the one holding it or the next, else the last.
std::optional<size_t> AnchorSentence(const Analysis& analysis, size_t offset) {
  if (analysis.sentences.empty()) return std::nullopt;
  for (size_t s = 0; s < analysis.sentences.size(); ++s) {
    if (analysis.sentences[s].end > offset) return s;
  }
  return analysis.sentences.size() - 1;
}

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
  std::vector<Scope> scopes = BuildScopes(directives, *analysis, bytes.size());
  std::erase_if(analysis->findings, [&](const Finding& f) {
    bool suppressed = false;
    for (Scope& scope : scopes) {
      if (scope.Covers(f)) suppressed = scope.used = true;
    }
    return suppressed;
  });

  const FindingRule* unused = rules.FindFinding(kUnusedRule);
  if (!unused || !unused->enabled) return;
  bool added = false;
  auto report = [&](const SuppressionDirective& d, const std::string& reason) {
    const std::optional<size_t> sentence = AnchorSentence(*analysis, d.begin);
    if (!sentence) return;
    Finding f;
    f.rule = kUnusedRule;
    f.severity = unused->severity;
    f.sentence = *sentence;
    f.begin = d.begin;
    f.end = d.end;
    f.message = FormatMessage(unused->message, {{"directive", d.text}, {"reason", reason}});
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
