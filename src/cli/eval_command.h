// The `audit eval GOLD_DIR` command: audits the articles of a folder of gold annotations
// (NAME.gold.yaml beside NAME.EXT, as ../shared/corpus/ANNOTATION.md describes) and scores the
// verdicts with the metrics of ../shared/eval/score.py. `--compare OTHER_RULES` scores a second
// rule pack on the same articles and shows what changes.
#ifndef AUDIT_CLI_EVAL_COMMAND_H_
#define AUDIT_CLI_EVAL_COMMAND_H_

#include <string>
#include <vector>

namespace audit {

struct EvalArgs {
  std::string gold_dir;
  std::string config;
  std::string rules_dir;
  std::string publisher;
  std::string compare;           // a second rule pack folder
  std::string format = "text";   // "text" or "json"
  bool verbose = false;          // list every disagreement
  std::vector<std::string> min;  // METRIC=VALUE: exit 1 when the metric is below VALUE
};

// Exit 0 when scored (and every --min holds), 1 when a --min fails, 2 on a usage, rule, gold or
// article error (the figures are still printed when any article could be scored).
int RunEval(const EvalArgs& args);

}  // namespace audit

#endif  // AUDIT_CLI_EVAL_COMMAND_H_
