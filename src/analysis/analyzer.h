// Analyzer: runs the analysis stage over one Document, start to finish.
//
//   sentences (Segmenter) -> per sentence: role, claim score, attribution (AttributionFinder)
//   -> discourse passes (references, quotations, wire and publisher) -> chains -> findings
//
// Holds a reference to the RuleSet, which must outlive it. Analyze is const and keeps its working
// memory on the stack of the call, so one Analyzer may serve many threads at once.
#ifndef AUDIT_ANALYSIS_ANALYZER_H_
#define AUDIT_ANALYSIS_ANALYZER_H_

#include <string>

#include "analysis/analysis.h"
#include "analysis/attribution_finder.h"
#include "analysis/claim_scorer.h"
#include "analysis/discourse.h"
#include "input/document.h"
#include "rules/rule_set.h"
#include "text/segmenter.h"

namespace audit {

struct AnalyzerOptions {
  std::string publisher;  // overrides what the document says; empty to use the document's
};

class Analyzer {
 public:
  explicit Analyzer(const RuleSet& rules)
      : rules_(rules), segmenter_(rules), finder_(rules), scorer_(rules), discourse_(rules) {}

  // Takes the document by value (move it in when done with it): its block texts move into the
  // Analysis, whose sentences view them rather than copy them.
  Analysis Analyze(Document doc, const AnalyzerOptions& options) const;

 private:
  // A view of the block role names or of a role rule's name (both outlive the analysis).
  std::string_view SentenceRole(const Block& block, const SentenceVerdict& v,
                                const std::vector<Token>& tokens) const;

  const RuleSet& rules_;
  Segmenter segmenter_;
  AttributionFinder finder_;
  ClaimScorer scorer_;
  Discourse discourse_;
};

}  // namespace audit

#endif  // AUDIT_ANALYSIS_ANALYZER_H_
