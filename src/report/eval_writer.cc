#include "report/eval_writer.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "base/utf8.h"

namespace audit {

namespace {

// Python's round(x, 4): the correctly rounded four-place decimal, read back as a double.
double Round4(double x) { return std::strtod(fmt::format("{:.4f}", x).c_str(), nullptr); }

double Ratio(int n, int of) { return of ? static_cast<double>(n) / of : 1.0; }

struct NamedTally {
  const char* name;
  const Tally* tally;
};

std::vector<NamedTally> Tallies(const EvalScore& s) {
  return {{"claim", &s.claim},
          {"attributed", &s.attributed},
          {"unattributed", &s.unattributed},
          {"secondhand", &s.secondhand}};
}

// The metrics the comparison table shows, in order, read from a summary.
constexpr const char* kCompared[] = {
    "split",  "claim.f1", "attributed.f1",  "unattributed.f1", "secondhand.f1",
    "source", "via",      "unattributed.p", "unattributed.r"};

const ToolSentence* Aligned(const std::vector<ToolSentence>& tool,
                            const std::optional<size_t>& index) {
  return index ? &tool[*index] : nullptr;
}

}  // namespace

nlohmann::ordered_json EvalSummaryJson(const EvalScore& s) {
  nlohmann::ordered_json j;
  j["files"] = s.files;
  j["sentences"] = s.sentences;
  j["matched"] = s.matched;
  j["split"] = s.sentences ? Round4(static_cast<double>(s.exact) / s.sentences) : 0.0;
  j["source"] = Round4(Ratio(s.source_agree, s.source_compared));
  j["via"] = Round4(Ratio(s.via_agree, s.via_compared));
  for (const NamedTally& t : Tallies(s)) {
    j[t.name] = {{"p", Round4(t.tally->Precision())},
                 {"r", Round4(t.tally->Recall())},
                 {"f1", Round4(t.tally->F1())},
                 {"tp", t.tally->tp},
                 {"fp", t.tally->fp},
                 {"fn", t.tally->fn}};
  }
  return j;
}

std::string RenderEvalText(const EvalScore& s, bool verbose) {
  const nlohmann::ordered_json j = EvalSummaryJson(s);
  std::string out;
  if (verbose) {
    for (const Disagreement& d : s.disagreements) {
      out += fmt::format("{}#{}: {}\n", std::filesystem::path(d.gold_file).filename().string(),
                         d.sentence, d.message);
    }
    out += '\n';
  }
  // Percentages of the rounded ratios, as score.py formats them.
  out += fmt::format("files {}  gold sentences {}  matched {}  split exactly {} ({:.1f}%)\n",
                     s.files, s.sentences, s.matched, s.exact, j["split"].get<double>() * 100);
  for (const NamedTally& t : Tallies(s)) {
    const auto& m = j[t.name];
    out += fmt::format("{:<13} P {:.3f}  R {:.3f}  F1 {:.3f}   (tp {}, fp {}, fn {})\n", t.name,
                       m["p"].get<double>(), m["r"].get<double>(), m["f1"].get<double>(),
                       t.tally->tp, t.tally->fp, t.tally->fn);
  }
  out += fmt::format("{:<13} {}/{} ({:.1f}%)\n", "source", s.source_agree, s.source_compared,
                     j["source"].get<double>() * 100);
  out += fmt::format("{:<13} {}/{} ({:.1f}%)\n", "via", s.via_agree, s.via_compared,
                     j["via"].get<double>() * 100);
  return out;
}

std::optional<double> EvalMetric(const nlohmann::ordered_json& summary, const std::string& name) {
  const nlohmann::ordered_json* node = &summary;
  size_t begin = 0;
  while (true) {
    const size_t dot = name.find('.', begin);
    const std::string part = name.substr(begin, dot == std::string::npos ? dot : dot - begin);
    if (!node->is_object() || !node->contains(part)) return std::nullopt;
    node = &(*node)[part];
    if (dot == std::string::npos) break;
    begin = dot + 1;
  }
  if (!node->is_number()) return std::nullopt;
  return node->get<double>();
}

std::string RenderEvalComparison(const std::vector<GoldArticle>& gold, const EvalRun& base,
                                 const EvalRun& other) {
  const nlohmann::ordered_json a = EvalSummaryJson(base.score);
  const nlohmann::ordered_json b = EvalSummaryJson(other.score);
  const size_t width = std::max<size_t>({10, base.label.size(), other.label.size()});
  std::string out = fmt::format("{:<17} {:>{}} {:>{}}  change\n", "metric", base.label, width,
                                other.label, width);
  for (const char* metric : kCompared) {
    // The change between the figures as shown, so the columns add up.
    const std::string x = fmt::format("{:.3f}", *EvalMetric(a, metric));
    const std::string y = fmt::format("{:.3f}", *EvalMetric(b, metric));
    const long change = std::lround((std::stod(y) - std::stod(x)) * 1000);
    out += fmt::format("{:<17} {:>{}} {:>{}}  {}\n", metric, x, width, y, width,
                       change == 0 ? std::string("=")
                                   : fmt::format("{:+.3f}", static_cast<double>(change) / 1000));
  }
  // The sentences whose verdict the change of rules flips.
  std::string flips;
  int fixed = 0, broken = 0;
  for (size_t f = 0; f < gold.size(); ++f) {
    const std::vector<GoldSentence>& sentences = gold[f].sentences;
    const auto match_a = AlignSentences(sentences, base.tool[f].sentences);
    const auto match_b = AlignSentences(sentences, other.tool[f].sentences);
    for (size_t i = 0; i < sentences.size(); ++i) {
      const ToolSentence none;
      const ToolSentence* x = Aligned(base.tool[f].sentences, match_a[i]);
      const ToolSentence* y = Aligned(other.tool[f].sentences, match_b[i]);
      if (!x) x = &none;
      if (!y) y = &none;
      const GoldSentence& g = sentences[i];
      const bool gold_attributed = g.attribution != "none";
      const struct {
        const char* name;
        bool gold, before, after;
      } verdicts[] = {{"claim", g.claim, x->claim, y->claim},
                      {"attributed", gold_attributed, x->attributed, y->attributed},
                      {"secondhand", g.secondhand, x->secondhand, y->secondhand}};
      for (const auto& v : verdicts) {
        if (v.before == v.after) continue;
        const bool fixes = v.after == v.gold;
        (fixes ? fixed : broken)++;
        flips += fmt::format("  {} {}#{}: {} {} -> {}: {}\n", fixes ? "fixed:" : "broken:",
                             std::filesystem::path(gold[f].gold_path).filename().string(), i,
                             v.name, v.before, v.after, PrefixCodePoints(g.text, 100));
      }
    }
  }
  out += fmt::format("\n{} verdicts fixed, {} broken by {} (against {})\n", fixed, broken,
                     other.label, base.label);
  return out + flips;
}

}  // namespace audit
