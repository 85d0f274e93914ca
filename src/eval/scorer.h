// Scores the auditor's sentence verdicts against gold annotations with the metrics of
// ../shared/eval/score.py: gold sentences are matched to the auditor's by their words, in order,
// then claim, attributed, unattributed and secondhand are tallied as precision and recall, and the
// sources and via chains the two agree on are counted.
//
// Score() is a pure function of its arguments; thread-safe.
#ifndef AUDIT_EVAL_SCORER_H_
#define AUDIT_EVAL_SCORER_H_

#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "eval/gold.h"

namespace audit {

// The fields of one auditor sentence the score reads, as the JSON output carries them.
struct ToolSentence {
  std::string text;
  bool claim = false;
  bool attributed = false;       // direct or inherited
  std::string source;            // empty when none
  std::string resolved;          // empty when none
  std::vector<std::string> via;  // normalised outlet names, duplicates dropped, order kept
  bool secondhand = false;       // the verdict's flag, or any via

  static ToolSentence From(const SentenceVerdict& verdict);
};

// The auditor's sentences for one gold article; `audited` false when the article could not be read
// (it then scores as if the auditor found no sentences).
struct ToolArticle {
  bool audited = false;
  std::vector<ToolSentence> sentences;
};

// For each gold sentence the index of the auditor's sentence with the most words in common (word
// F1 >= 0.5), searched from three before the last match to forty after it; nullopt when none.
std::vector<std::optional<size_t>> AlignSentences(const std::vector<GoldSentence>& gold,
                                                  const std::vector<ToolSentence>& tool);

struct Tally {
  int tp = 0;
  int fp = 0;
  int fn = 0;

  void Add(bool gold, bool got) {
    tp += gold && got;
    fp += got && !gold;
    fn += gold && !got;
  }
  double Precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0; }
  double Recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// One gold sentence the auditor disagrees on, for --verbose.
struct Disagreement {
  std::string gold_file;
  size_t sentence = 0;  // index among the gold file's sentences
  std::string message;  // as score.py words it: "claim False, gold True: '...'"
};

struct EvalScore {
  int files = 0;
  int sentences = 0;  // gold sentences
  int matched = 0;    // of them, aligned to an auditor sentence
  int exact = 0;      // of them, split exactly as the gold splits them
  Tally claim, attributed, unattributed, secondhand;
  int source_agree = 0, source_compared = 0;
  int via_agree = 0, via_compared = 0;
  std::vector<Disagreement> disagreements;
};

// Scores `tool[i]` against `gold[i]` for every i (the vectors have equal length).
EvalScore Score(const std::vector<GoldArticle>& gold, const std::vector<ToolArticle>& tool);

}  // namespace audit

#endif  // AUDIT_EVAL_SCORER_H_
