#include "eval/scorer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/utf8.h"
#include "eval/text_compare.h"

namespace audit {

namespace {

using WordCounts = std::map<std::string, int>;

WordCounts CountWords(std::string_view text) {
  WordCounts counts;
  for (std::string& word : TextWords(text)) ++counts[std::move(word)];
  return counts;
}

int Total(const WordCounts& counts) {
  int total = 0;
  for (const auto& [word, n] : counts) total += n;
  return total;
}

// The multiset intersection's size (Python's sum((a & b).values())).
int Common(const WordCounts& a, const WordCounts& b) {
  int common = 0;
  for (const auto& [word, n] : a) {
    if (auto it = b.find(word); it != b.end()) common += std::min(n, it->second);
  }
  return common;
}

std::string Clip(const std::string& text, size_t limit) {
  return std::string(PrefixCodePoints(text, limit));
}

std::vector<std::string> UniqueNames(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    std::string normalized = NormalizeName(name);
    if (std::find(out.begin(), out.end(), normalized) == out.end())
      out.push_back(std::move(normalized));
  }
  return out;
}

const char* Bool(bool b) { return b ? "true" : "false"; }

std::string List(const std::vector<std::string>& names) {
  return fmt::format("[{}]", fmt::join(names, ", "));
}

}  // namespace

ToolSentence ToolSentence::From(const SentenceVerdict& verdict) {
  ToolSentence s;
  s.text = verdict.text;
  s.claim = verdict.claim;
  s.attributed = verdict.attribution.status != AttributionStatus::kNone;
  s.source = verdict.attribution.source;
  s.resolved = verdict.attribution.resolved;
  s.via = UniqueNames(verdict.attribution.via);
  s.secondhand = verdict.secondhand || !s.via.empty();
  return s;
}

std::vector<std::optional<size_t>> AlignSentences(const std::vector<GoldSentence>& gold,
                                                  const std::vector<ToolSentence>& tool) {
  std::vector<WordCounts> tool_words;
  std::vector<int> tool_totals;
  for (const ToolSentence& t : tool) {
    tool_words.push_back(CountWords(t.text));
    tool_totals.push_back(Total(tool_words.back()));
  }
  std::vector<std::optional<size_t>> out;
  size_t cursor = 0;
  for (const GoldSentence& g : gold) {
    const WordCounts gold_words = CountWords(g.text);
    const int gold_total = Total(gold_words);
    std::optional<size_t> best;
    double best_f = 0.0;
    const size_t from = cursor >= 3 ? cursor - 3 : 0;
    const size_t to = std::min(tool.size(), cursor + 40);
    for (size_t j = from; j < to; ++j) {
      const int common = Common(gold_words, tool_words[j]);
      if (!common) continue;
      // The same operations in the same order as score.py, so ties break the same way.
      const double p = static_cast<double>(common) / std::max(1, tool_totals[j]);
      const double r = static_cast<double>(common) / std::max(1, gold_total);
      const double f = 2 * p * r / (p + r);
      if (f > best_f) {
        best = j;
        best_f = f;
      }
    }
    if (best && best_f >= 0.5) {
      out.push_back(best);
      cursor = *best + 1;
    } else {
      out.push_back(std::nullopt);
    }
  }
  return out;
}

EvalScore Score(const std::vector<GoldArticle>& gold, const std::vector<ToolArticle>& tool) {
  EvalScore score;
  score.files = static_cast<int>(gold.size());
  for (size_t a = 0; a < gold.size(); ++a) {
    const GoldArticle& article = gold[a];
    const std::vector<ToolSentence>& tool_sentences = tool[a].sentences;
    auto disagree = [&](size_t i, std::string message) {
      score.disagreements.push_back({article.gold_path, i, std::move(message)});
    };
    if (!tool[a].audited) {
      score.disagreements.push_back(
          {article.gold_path, 0, article.article_path + ": not in the auditor's output"});
    }
    const std::vector<std::optional<size_t>> match =
        AlignSentences(article.sentences, tool_sentences);
    for (size_t i = 0; i < article.sentences.size(); ++i) {
      const GoldSentence& g = article.sentences[i];
      ++score.sentences;
      ToolSentence none;
      const ToolSentence* t = &none;
      if (!match[i]) {
        disagree(i, "no matching sentence: " + Clip(g.text, 90));
      } else {
        ++score.matched;
        t = &tool_sentences[*match[i]];
        if (NormalizeText(t->text) == NormalizeText(g.text)) {
          ++score.exact;
        } else {
          disagree(i, "split differs: " + Clip(t->text, 90));
        }
      }
      const bool gold_attributed = g.attribution == "direct" || g.attribution == "inherited";
      const std::vector<std::string> gold_via = UniqueNames(g.via);
      score.claim.Add(g.claim, t->claim);
      score.attributed.Add(gold_attributed, t->attributed);
      score.unattributed.Add(g.claim && !gold_attributed, t->claim && !t->attributed);
      score.secondhand.Add(g.secondhand, t->secondhand);
      if (g.attribution == "direct" && !g.source.empty() && t->attributed) {
        ++score.source_compared;
        bool agree = (!t->source.empty() && SameSource(g.source, t->source)) ||
                     (!t->resolved.empty() && SameSource(g.source, t->resolved));
        // A resolved name counts when the sentence that introduced the source mentions it.
        if (!agree && g.refers_to >= 0 && !t->resolved.empty()) {
          agree =
              NormalizeText(article.sentences[g.refers_to].text).find(NormalizeName(t->resolved)) !=
              std::string::npos;
        }
        score.source_agree += agree;
        if (!agree) {
          disagree(i, fmt::format("source \"{}\", gold \"{}\"", t->source, g.source));
        }
      }
      if (g.secondhand && t->secondhand) {
        ++score.via_compared;
        bool agree = gold_via.size() == t->via.size();
        for (size_t k = 0; agree && k < gold_via.size(); ++k)
          agree = SameSource(gold_via[k], t->via[k]);
        score.via_agree += agree;
        if (!agree) disagree(i, fmt::format("via {}, gold {}", List(t->via), List(gold_via)));
      }
      const std::string excerpt = Clip(g.text, 80);
      if (g.claim != t->claim)
        disagree(i, fmt::format("claim {}, gold {}: {}", Bool(t->claim), Bool(g.claim), excerpt));
      if (gold_attributed != t->attributed) {
        disagree(i, fmt::format("attributed {}, gold {}: {}", Bool(t->attributed),
                                Bool(gold_attributed), excerpt));
      }
      if (g.secondhand != t->secondhand) {
        disagree(i, fmt::format("secondhand {}, gold {}: {}", Bool(t->secondhand),
                                Bool(g.secondhand), excerpt));
      }
    }
  }
  return score;
}

}  // namespace audit
