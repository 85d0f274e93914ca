// Formats `audit eval`'s scores: the text and JSON summaries of ../shared/eval/score.py (same
// layout, same rounding, so the figures can be compared digit for digit), and the side-by-side
// table of `--compare`.
#ifndef AUDIT_REPORT_EVAL_WRITER_H_
#define AUDIT_REPORT_EVAL_WRITER_H_

#include <nlohmann/json.hpp>
#include <string>

#include "eval/scorer.h"

namespace audit {

// score.py's --json summary: files, sentences, matched, split, source, via, and for claim,
// attributed, unattributed and secondhand {p, r, f1, tp, fp, fn}; ratios rounded to four places.
nlohmann::ordered_json EvalSummaryJson(const EvalScore& score);

// score.py's text summary; with `verbose`, every disagreement first, one per line.
std::string RenderEvalText(const EvalScore& score, bool verbose);

// The metrics of two rule sets side by side with the change from `base` to `other`, then the gold
// sentences whose claim, attributed or secondhand verdict differs between them, each marked as a
// fix or a regression against the gold.
struct EvalRun {
  std::string label;  // the rule set's name, for the column heading
  EvalScore score;
  std::vector<ToolArticle> tool;  // the verdicts scored, aligned to the gold as in `score`
};
std::string RenderEvalComparison(const std::vector<GoldArticle>& gold, const EvalRun& base,
                                 const EvalRun& other);

// The value of a summary metric named as in --min ("split", "unattributed.f1"); nullopt when the
// name is unknown.
std::optional<double> EvalMetric(const nlohmann::ordered_json& summary, const std::string& name);

}  // namespace audit

#endif  // AUDIT_REPORT_EVAL_WRITER_H_
