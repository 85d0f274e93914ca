// The second half of `audit rules --test`: an attribution cue's example that states its source and
// type (`{text, source, type}`) is audited as a one-sentence article, and the sentence must be
// attributed by that rule to that source. The pattern half lives in rules/rule_examples.h; this
// half needs the whole analysis, so it sits above it.
#ifndef AUDIT_PIPELINE_EXAMPLE_ATTRIBUTIONS_H_
#define AUDIT_PIPELINE_EXAMPLE_ATTRIBUTIONS_H_

#include <vector>

#include "pipeline/auditor.h"
#include "rules/rule_examples.h"

namespace audit {

struct AttributionExampleResults {
  size_t run = 0;  // examples that state a source or a type
  std::vector<ExampleFailure> failures;
};

// Audits each such example of `rules` with `auditor` (built over the same rules).
AttributionExampleResults CheckExampleAttributions(const RuleSet& rules, const Auditor& auditor);

}  // namespace audit

#endif  // AUDIT_PIPELINE_EXAMPLE_ATTRIBUTIONS_H_
