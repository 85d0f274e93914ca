#include "analysis/findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/chains.h"

namespace audit {

namespace {

constexpr double kStrongClaimScore = 0.7;

Severity Milder(Severity s) { return s == Severity::kError ? Severity::kWarning : Severity::kInfo; }

class FindingSink {
 public:
  FindingSink(const RuleSet& rules, Analysis* analysis) : rules_(rules), analysis_(analysis) {}

  void Add(const char* id, size_t sentence, TextSpan span,
           std::vector<std::pair<std::string, std::string>> values,
           std::optional<Severity> severity = std::nullopt) {
    const FindingRule* rule = rules_.FindFinding(id);
    if (!rule || !rule->enabled) return;
    const SentenceVerdict& v = analysis_->sentences[sentence];
    Finding f;
    f.rule = id;
    f.severity = severity.value_or(rule->severity);
    f.sentence = sentence;
    f.span = span.empty() ? TextSpan{0, static_cast<uint32_t>(v.text.size())} : span;
    f.begin = v.begin;  // refined to the span by the analyzer, which holds the offset maps
    f.end = v.end;
    f.message = analysis_->strings.Intern(FormatMessage(rule->message, values));
    analysis_->findings.push_back(std::move(f));
  }

  const RuleSet& rules() const { return rules_; }

 private:
  const RuleSet& rules_;
  Analysis* analysis_;
};

// The outlet whose web domain a URL is on ("https://www.reuters.com/x" -> Reuters), or null.
const Outlet* LinkedOutlet(const RuleSet& rules, std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return nullptr;
  std::string host(url.substr(scheme + 3));
  host = host.substr(0, host.find_first_of("/?#:"));
  // "news.bbc.co.uk": the host, then the host without each leading label in turn.
  for (;;) {
    if (const Outlet* o = rules.FindOutlet(host)) return o;
    const size_t dot = host.find('.');
    if (dot == std::string::npos) return nullptr;
    host = host.substr(dot + 1);
  }
}

}  // namespace

std::string FormatMessage(std::string_view templ,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out;
  out.reserve(templ.size() + 32);
  // The text between placeholders goes in a run at a time.
  size_t copied = 0;  // templ[0, copied) is in `out`
  for (size_t open = templ.find('{'); open != std::string_view::npos;
       open = templ.find('{', open + 1)) {
    const size_t close = templ.find('}', open);
    if (close == std::string_view::npos) break;
    const std::string_view name = templ.substr(open + 1, close - open - 1);
    auto it = std::find_if(values.begin(), values.end(),
                           [&](const auto& kv) { return kv.first == name; });
    if (it == values.end()) continue;  // not a placeholder: the brace stays as written
    out.append(templ.data() + copied, open - copied);
    out += it->second;
    copied = close + 1;
    open = close;
  }
  out.append(templ.data() + copied, templ.size() - copied);
  return out;
}

void AddFindings(const RuleSet& rules, Analysis* analysis) {
  // Room for about one finding per sentence, so a long document's findings are not copied each time
  // the vector grows; pages of the room left unused are never touched.
  analysis->findings.reserve(analysis->findings.size() + analysis->sentences.size() +
                             analysis->chains.size());
  FindingSink sink(rules, analysis);
  for (size_t i = 0; i < analysis->sentences.size(); ++i) {
    const SentenceVerdict& v = analysis->sentences[i];
    const Attribution& a = v.attribution;
    for (const TextSpan& cue : analysis->LoadedCuesOf(v)) {
      sink.Add(rule_ids::kLoadedCue, i, cue,
               {{"cue", std::string(v.text.substr(cue.begin, cue.end - cue.begin))}});
    }
    if (a.status == AttributionStatus::kNone) {
      const bool quotation = v.has_quote && v.role == "body";
      if (v.claim && !quotation) {  // a quotation without a speaker is reported once, as such
        const FindingRule* rule = rules.FindFinding(rule_ids::kUnattributedClaim);
        Severity severity = rule ? rule->severity : Severity::kWarning;
        if (v.claim_score < kStrongClaimScore) severity = Milder(severity);
        sink.Add(rule_ids::kUnattributedClaim, i, {},
                 {{"score", fmt::format("{:.2f}", v.claim_score)}}, severity);
      }
      if (quotation) sink.Add(rule_ids::kUnattributedQuote, i, {}, {});
      continue;
    }
    if (a.status != AttributionStatus::kDirect) continue;
    if (a.source_type == SourceType::kAnonymous) {
      sink.Add(rule_ids::kAnonymous, i, a.source_span, {{"source", a.source}});
    } else if (a.source_type == SourceType::kVague) {
      sink.Add(rule_ids::kVague, i, a.source_span, {{"source", a.source}});
    }
    if (a.dangling)
      sink.Add(rule_ids::kDanglingReference, i, a.source_span, {{"source", a.source}});
    const std::string_view link = analysis->LinkOf(a);
    if (const Outlet* linked = LinkedOutlet(rules, link)) {
      // "according to Reuters" linking to another outlet's site.
      const Outlet* named =
          a.source_type == SourceType::kOutlet ? rules.FindOutlet(a.resolved) : nullptr;
      if (!named && !a.via.empty()) named = rules.FindOutlet(a.via.back());
      if (named && named != linked) {
        sink.Add(rule_ids::kLinkMismatch, i, a.source_span,
                 {{"source", a.source},
                  {"outlet", named->name},
                  {"link", std::string(link)},
                  {"linked", linked->name}});
      }
    }
  }
  for (const Chain& chain : analysis->chains) {
    if (!chain.secondhand || chain.sentences.empty()) continue;
    std::string list;
    for (size_t s : chain.sentences) list += (list.empty() ? "" : ", ") + std::to_string(s);
    const size_t first = chain.sentences.front();
    sink.Add(rule_ids::kSecondhand, first, {},
             {{"chain", ChainText(chain)},
              {"count", std::to_string(chain.sentences.size())},
              {"share", fmt::format("{:.0f}%", std::round(chain.share * 100))},
              {"sentences", list}});
  }
  SortFindingsByStart(&analysis->findings);
}

void SortFindingsByStart(Findings* findings) {
  const auto by_start = [](const Finding& a, const Finding& b) { return a.begin < b.begin; };
  const auto run_end = std::is_sorted_until(findings->begin(), findings->end(), by_start);
  if (run_end == findings->end()) return;
  // Merging is stable (the first run's findings go first among equals), so two ordered runs come
  // out exactly as a stable sort of the whole would leave them.
  if (std::is_sorted(run_end, findings->end(), by_start)) {
    std::inplace_merge(findings->begin(), run_end, findings->end(), by_start);
  } else {
    std::stable_sort(findings->begin(), findings->end(), by_start);
  }
}

}  // namespace audit
