#include "report/explain_writer.h"

#include <fmt/format.h>

#include "analysis/chains.h"
#include "base/paths.h"

namespace audit {

namespace {

std::string Where(const RuleLocation& where, const std::string& root) {
  if (where.file.empty()) return "built in";
  return fmt::format("{}:{}", DisplayPath(where.file, root), where.line);
}

const CueRule* FindCueRule(const RuleSet& rules, std::string_view id) {
  for (const CueRule& c : rules.cue_rules()) {
    if (c.id == id) return &c;
  }
  for (const CueRule& c : rules.via_rules()) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::string Span(std::string_view text, TextSpan span) {
  if (span.empty() || span.end > text.size()) return {};
  return std::string(text.substr(span.begin, span.end - span.begin));
}

void DescribeAttribution(const Attribution& a, std::string_view text, std::string_view link,
                         const RuleSet& rules, const std::string& root, const char* label,
                         std::string* out) {
  if (a.status == AttributionStatus::kNone) {
    *out += fmt::format("{}: none\n", label);
    return;
  }
  *out += fmt::format("{}: {}\n", label, StatusName(a.status));
  if (!a.cue.empty()) {
    *out += fmt::format("  cue          '{}'", a.cue);
    if (const std::string span = Span(text, a.cue_span); !span.empty() && span != a.cue)
      *out += fmt::format(" (matched '{}')", span);
    *out += '\n';
  }
  if (!a.rule.empty()) {
    const CueRule* rule = FindCueRule(rules, a.rule);
    *out += fmt::format("  cue rule     {} ({})\n", a.rule,
                        rule ? Where(rule->where, root) : std::string("not in the pack"));
  }
  if (!a.source.empty()) *out += fmt::format("  source       '{}'\n", a.source);
  if (!a.resolved.empty() && a.resolved != a.source)
    *out += fmt::format("  refers to    '{}'\n", a.resolved);
  *out += fmt::format("  source type  {}\n", SourceTypeName(a.source_type));
  if (a.refers_to >= 0) *out += fmt::format("  introduced   in sentence {}\n", a.refers_to);
  if (!a.via.empty()) {
    std::string via;
    for (const std::string& v : a.via) via += (via.empty() ? "" : " -> ") + v;
    *out += fmt::format("  via          {}\n", via);
  }
  if (a.status == AttributionStatus::kInherited)
    *out += "  inherited    from the quotation or paragraph it continues\n";
  if (a.dangling) *out += "  dangling     refers back to nothing introduced earlier\n";
  if (!link.empty()) *out += fmt::format("  link         {}\n", link);
}

}  // namespace

std::optional<size_t> SentenceAtLine(const FileReport& report, int line) {
  if (!report.file) return std::nullopt;
  for (size_t i = 0; i < report.analysis.sentences.size(); ++i) {
    const SentenceVerdict& v = report.analysis.sentences[i];
    const int first = report.file->Position(v.begin).line;
    const int last = report.file->Position(v.end > v.begin ? v.end - 1 : v.end).line;
    if (first <= line && line <= last) return i;
    if (first > line) return std::nullopt;
  }
  return std::nullopt;
}

std::string RenderExplanation(const FileReport& report, const RuleSet& rules, size_t index,
                              const std::string& root) {
  const Analysis& a = report.analysis;
  const SentenceVerdict& v = a.sentences[index];
  const LineColumn at = report.file->Position(v.begin);
  std::string out =
      fmt::format("{}:{}:{}: sentence {} of {}\n  {}\n\n", DisplayPath(report.path, root), at.line,
                  at.column, index, a.sentences.size(), v.text);
  out += fmt::format("role: {}\n", v.role);
  out += fmt::format("claim: {} (score {:.2f}, threshold {:.2f})\n", v.claim ? "yes" : "no",
                     v.claim_score, rules.claim_threshold());
  for (const std::string& id : v.signals) {
    for (const ClaimSignal& s : rules.claim_signals()) {
      if (s.id != id) continue;
      out += fmt::format("  signal       {} {:+.2f} ({})\n", id, s.weight, Where(s.where, root));
    }
  }
  DescribeAttribution(v.attribution, v.text, a.LinkOf(v.attribution), rules, root, "attribution",
                      &out);
  for (const audit::Attribution& also : a.AlsoOf(v)) {
    DescribeAttribution(also, v.text, a.LinkOf(also), rules, root, "also, in a subordinate clause",
                        &out);
  }
  if (v.chain >= 0 && static_cast<size_t>(v.chain) < a.chains.size()) {
    const Chain& c = a.chains[v.chain];
    out += fmt::format("chain: {}{} ({} claim(s))\n", ChainText(c),
                       c.secondhand ? ", secondhand" : "", c.sentences.size());
  }
  bool any = false;
  for (const Finding& f : a.findings) {
    if (f.sentence != index) continue;
    if (!any) out += "findings:\n";
    any = true;
    const FindingRule* rule = rules.FindFinding(f.rule);
    out += fmt::format("  {} [{}] {} ({})\n", SeverityName(f.severity), f.rule, f.message,
                       rule ? Where(rule->where, root) : std::string("built in"));
  }
  if (!any) out += "findings: none\n";
  return out;
}

}  // namespace audit
