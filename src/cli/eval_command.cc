#include "cli/eval_command.h"

#include <cstdlib>
#include <iostream>

#include "cli/check_command.h"
#include "cli/error_printer.h"
#include "eval/gold.h"
#include "eval/scorer.h"
#include "pipeline/profiles.h"
#include "report/eval_writer.h"

namespace audit {

namespace {

// Audits every gold article under `options`; an article that cannot be read is reported on stderr
// and scores as if the auditor found nothing. Fails only when a config or rule pack is broken.
Result<std::vector<ToolArticle>> AuditGoldArticles(const std::vector<GoldArticle>& gold,
                                                   ProfileOptions options, bool* input_errors) {
  Profiles profiles(std::move(options));
  std::vector<ToolArticle> out;
  for (const GoldArticle& article : gold) {
    Result<const Profile*> profile = profiles.For(article.article_path);
    if (!profile.ok()) return profile.error();
    FileReport report = profile.value()->auditor->AuditFile(article.article_path);
    ToolArticle tool;
    if (report.error) {
      PrintError(*report.error, report.file.get(), std::cerr);
      *input_errors = true;
    } else {
      tool.audited = true;
      for (const SentenceVerdict& v : report.analysis.sentences)
        tool.sentences.push_back(ToolSentence::From(v));
    }
    out.push_back(std::move(tool));
  }
  return out;
}

struct Minimum {
  std::string metric;
  std::string text;  // the floor as given, for the message
  double floor = 0;
};

// Parses --min METRIC=VALUE, checking each metric name against the summary's fields.
Result<std::vector<Minimum>> ParseMinimums(const std::vector<std::string>& given) {
  const nlohmann::ordered_json names = EvalSummaryJson(EvalScore{});
  std::vector<Minimum> out;
  for (const std::string& m : given) {
    const size_t eq = m.find('=');
    char* end = nullptr;
    const double floor = eq == std::string::npos ? 0 : std::strtod(m.c_str() + eq + 1, &end);
    if (eq == std::string::npos || end == m.c_str() + eq + 1 || *end != '\0')
      return Error::InFile(ErrorCode::kUsage, "", "--min wants METRIC=VALUE, not `" + m + "`");
    Minimum minimum{m.substr(0, eq), m.substr(eq + 1), floor};
    if (!EvalMetric(names, minimum.metric)) {
      return Error::InFile(ErrorCode::kUsage, "",
                           "--min: no metric `" + minimum.metric +
                               "` (split, source, via, claim.f1, unattributed.p, ...)");
    }
    out.push_back(std::move(minimum));
  }
  return out;
}

}  // namespace

int RunEval(const EvalArgs& args) {
  Result<std::vector<Minimum>> minimums = ParseMinimums(args.min);
  if (!minimums.ok()) {
    std::cerr << "audit eval: error: " << minimums.error().message << '\n';
    return kExitError;
  }
  GoldFolder gold = ReadGoldFolder(args.gold_dir);
  for (const Error& e : gold.errors) PrintError(e, nullptr, std::cerr);
  bool input_errors = !gold.errors.empty();
  if (gold.articles.empty()) {
    if (gold.errors.empty())
      std::cerr << args.gold_dir << ": error: no *.gold.yaml files in this folder\n";
    return kExitError;
  }

  const ProfileOptions options = MakeProfileOptions(args.config, args.rules_dir, args.publisher);
  Result<std::vector<ToolArticle>> tool = AuditGoldArticles(gold.articles, options, &input_errors);
  if (!tool.ok()) {
    PrintError(tool.error(), nullptr, std::cerr);
    return kExitError;
  }
  EvalRun base{args.rules_dir.empty() ? "current" : args.rules_dir, {}, tool.take()};
  base.score = Score(gold.articles, base.tool);
  const nlohmann::ordered_json summary = EvalSummaryJson(base.score);

  if (args.compare.empty()) {
    if (args.format == "json") {
      std::cout << summary.dump(2) << '\n';
    } else {
      std::cout << RenderEvalText(base.score, args.verbose);
    }
  } else {
    ProfileOptions other_options = options;
    other_options.rules_dir = args.compare;
    Result<std::vector<ToolArticle>> other_tool =
        AuditGoldArticles(gold.articles, other_options, &input_errors);
    if (!other_tool.ok()) {
      PrintError(other_tool.error(), nullptr, std::cerr);
      return kExitError;
    }
    EvalRun other{args.compare, {}, other_tool.take()};
    other.score = Score(gold.articles, other.tool);
    if (args.format == "json") {
      nlohmann::ordered_json j;
      j["base"] = {{"rules", base.label}, {"summary", summary}};
      j["other"] = {{"rules", other.label}, {"summary", EvalSummaryJson(other.score)}};
      std::cout << j.dump(2) << '\n';
    } else {
      std::cout << RenderEvalComparison(gold.articles, base, other);
    }
  }
  std::cout.flush();

  bool below = false;
  for (const Minimum& m : minimums.value()) {
    const double value = *EvalMetric(summary, m.metric);
    if (value < m.floor) {
      std::cerr << "below minimum: " << m.metric << " = " << value << " < " << m.text << '\n';
      below = true;
    }
  }
  if (input_errors) return kExitError;
  return below ? kExitFindings : kExitClean;
}

}  // namespace audit
