#include "pipeline/example_attributions.h"

#include <fmt/format.h>

namespace audit {

namespace {

// What the example's sentence was attributed to, for the failure message.
std::string Describe(const Attribution& a) {
  if (a.status == AttributionStatus::kNone) return "no attribution";
  return fmt::format("source '{}' ({}) by rule '{}'", a.source, SourceTypeName(a.source_type),
                     a.rule);
}

}  // namespace

AttributionExampleResults CheckExampleAttributions(const RuleSet& rules, const Auditor& auditor) {
  AttributionExampleResults results;
  for (const CueRule& rule : rules.cue_rules()) {
    for (const RuleExample& example : rule.examples) {
      if (!example.match || (example.source.empty() && example.source_type.empty())) continue;
      ++results.run;
      // A paragraph of its own, with its final punctuation, reads as body text.
      const FileReport report = auditor.AuditText("example.txt", example.text + "\n");
      const Attribution* got = nullptr;
      for (const SentenceVerdict& v : report.analysis.sentences) {
        if (v.attribution.status != AttributionStatus::kNone) {
          got = &v.attribution;
          break;
        }
      }
      const Attribution none;
      const Attribution& a = got ? *got : none;
      // An inner cue ("citing ...") names the source under the outer cue, whose rule the
      // attribution carries.
      const bool ok =
          a.status == AttributionStatus::kDirect && (a.rule == rule.id || rule.inner) &&
          (example.source.empty() || a.source == example.source) &&
          (example.source_type.empty() || SourceTypeName(a.source_type) == example.source_type);
      if (ok) continue;
      std::string expected = example.source.empty() ? "" : "source '" + example.source + "'";
      if (!example.source_type.empty()) {
        expected += expected.empty() ? "a " + example.source_type + " source"
                                     : " (" + example.source_type + ")";
      }
      results.failures.push_back(
          {rule.id, example, fmt::format("should attribute to {}, got {}", expected, Describe(a))});
    }
  }
  return results;
}

}  // namespace audit
