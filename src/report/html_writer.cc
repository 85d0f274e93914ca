#include "report/html_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/chains.h"
#include "base/utf8.h"
#include "report/report_assets.h"

namespace audit {

namespace {

// No network, no plugins, no frames: only the page's own inline style and script.
constexpr const char* kPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'";

constexpr const char* kMarks[] = {"unattributed", "weak", "secondhand", "attributed", "none"};

bool IsWeakRule(std::string_view rule) {
  return rule == "anonymous-source" || rule == "vague-attribution" || rule == "loaded-cue" ||
         rule == "unattributed-quote" || rule == "dangling-reference";
}

bool IsBidiControl(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

std::string Percent(size_t part, size_t whole) {
  if (whole == 0) return "—";
  return fmt::format("{:.0f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

// JSON placed inside a <script> element: "<" escaped so "</script>" in article text cannot close
// it.
std::string ScriptJson(const nlohmann::json& j) {
  const std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

std::string Truncate(const std::string& s, size_t code_points) {
  if (CountCodePoints(s) <= code_points) return s;
  size_t i = 0, n = 0;
  while (i < s.size() && n + 1 < code_points) {
    char32_t cp;
    const size_t len = DecodeUtf8(s, i, &cp);
    i += len ? len : 1;
    ++n;
  }
  return s.substr(0, i) + "…";
}

// The chains as columns: publisher, intermediaries, sources; edge width by claims.
std::string ChainSvg(const Analysis& a) {
  if (a.chains.empty()) return "<p>No attributed claims.</p>";
  std::map<std::pair<size_t, std::string>, int> node_row;  // (column, label) -> row
  std::vector<int> rows_in_column;
  std::map<std::pair<std::pair<size_t, int>, std::pair<size_t, int>>, std::pair<size_t, bool>>
      edges;  // -> (claims, secondhand)
  auto node = [&](size_t column, const std::string& label) {
    if (rows_in_column.size() <= column) rows_in_column.resize(column + 1, 0);
    auto [it, added] = node_row.emplace(std::make_pair(column, label), rows_in_column[column]);
    if (added) ++rows_in_column[column];
    return it->second;
  };
  for (const Chain& c : a.chains) {
    for (size_t h = 0; h + 1 < c.hops.size(); ++h) {
      const int from = node(h, c.hops[h]);
      const int to = node(h + 1, c.hops[h + 1]);
      auto& edge = edges[{{h, from}, {h + 1, to}}];
      edge.first += c.sentences.size();
      edge.second = edge.second || c.secondhand;
    }
  }
  constexpr int kColumn = 210, kRow = 30, kBox = 180, kTop = 10;
  const int rows = *std::max_element(rows_in_column.begin(), rows_in_column.end());
  const int width = static_cast<int>(rows_in_column.size()) * kColumn;
  const int height = rows * kRow + 2 * kTop;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\" aria-label=\"Sourcing chains\">\n",
      width, height);
  for (const auto& [key, value] : edges) {
    const auto& [from, to] = key;
    const int x1 = static_cast<int>(from.first) * kColumn + kBox;
    const int x2 = static_cast<int>(to.first) * kColumn;
    const int y1 = kTop + from.second * kRow + kRow / 2;
    const int y2 = kTop + to.second * kRow + kRow / 2;
    const size_t width_px = std::min<size_t>(2 + 2 * value.first, 14);
    svg += fmt::format(
        "<path d=\"M{} {} C{} {} {} {} {} {}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" "
        "stroke-opacity=\"0.6\"{}><title>{} claim(s)</title></path>\n",
        x1, y1, (x1 + x2) / 2, y1, (x1 + x2) / 2, y2, x2, y2, value.second ? "#8a5a00" : "#1b7f3b",
        width_px, value.second ? " stroke-dasharray=\"6 3\"" : "", value.first);
  }
  for (const auto& [key, row] : node_row) {
    const int x = static_cast<int>(key.first) * kColumn;
    const int y = kTop + row * kRow;
    svg += fmt::format(
        "<g><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#f5f5f7\" "
        "stroke=\"#999\"/><text x=\"{}\" y=\"{}\">{}</text><title>{}</title></g>\n",
        x, y + 3, kBox, kRow - 6, x + 6, y + kRow / 2 + 4, HtmlEscape(Truncate(key.second, 26)),
        HtmlEscape(key.second));
  }
  svg += "</svg>";
  return svg;
}

// The chain a sentence rests on, as text; empty when it rests on none.
std::string ChainLabel(const Analysis& a, int chain) {
  if (chain < 0 || static_cast<size_t>(chain) >= a.chains.size()) return {};
  return ChainText(a.chains[chain]);
}

std::string Head(const std::string& title) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n"
      "<title>{}</title>\n<style>\n{}</style>\n</head>\n",
      kPolicy, HtmlEscape(title), ReportCss());
}

}  // namespace

std::string_view SentenceMark(const Analysis& a, size_t sentence) {
  const SentenceVerdict& v = a.sentences[sentence];
  if (v.claim && v.attribution.status == AttributionStatus::kNone) return "unattributed";
  for (const Finding& f : a.findings) {
    if (f.sentence == sentence && IsWeakRule(f.rule)) return "weak";
  }
  if (!v.claim) return "none";
  if (v.secondhand) return "secondhand";
  return "attributed";
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        ++i;
        continue;
      case '<':
        out += "&lt;";
        ++i;
        continue;
      case '>':
        out += "&gt;";
        ++i;
        continue;
      case '"':
        out += "&quot;";
        ++i;
        continue;
      case '\'':
        out += "&#39;";
        ++i;
        continue;
      default:
        break;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      out += c;
      ++i;
      continue;
    }
    char32_t cp;
    const size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) {  // invalid byte: shown as the replacement character
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (IsBidiControl(cp)) {
      out += fmt::format("[U+{:04X}]", static_cast<uint32_t>(cp));
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string ArticleTitle(const FileReport& report, const std::string& display_path) {
  for (const SentenceVerdict& v : report.analysis.sentences) {
    if (v.role == "headline") return std::string(v.text);
  }
  return display_path;
}

std::string RenderHtmlArticle(const FileReport& report, const RuleSet& rules,
                              const std::string& display_path, const std::string& index_href) {
  const Analysis& a = report.analysis;
  const std::string title = ArticleTitle(report, display_path);
  std::string page = Head("audit: " + title);
  page += "<body>\n<header class=\"summary\">\n";
  if (!index_href.empty()) {
    page += fmt::format("<p><a href=\"{}\">&larr; all articles</a></p>\n", HtmlEscape(index_href));
  }
  page += fmt::format("<h1>{}</h1>\n<p class=\"path\">{}</p>\n", HtmlEscape(title),
                      HtmlEscape(display_path));
  size_t by_severity[3] = {0, 0, 0};
  for (const Finding& f : a.findings) ++by_severity[static_cast<int>(f.severity)];
  page += fmt::format(
      "<div class=\"stats\">\n<div><b id=\"stat-claims\">{}</b>claims</div>\n"
      "<div><b id=\"stat-attributed\">{}</b>attributed</div>\n"
      "<div><b class=\"sev-error\">{}</b>errors</div>\n<div><b class=\"sev-warning\">{}</b>"
      "warnings</div>\n<div><b class=\"sev-info\">{}</b>info</div>\n"
      "<div><b>{}</b>publisher</div>\n</div>\n",
      a.claims, Percent(a.attributed_claims, a.claims), by_severity[2], by_severity[1],
      by_severity[0], HtmlEscape(a.publisher.empty() ? "unknown" : a.publisher));
  if (report.error) {
    page += fmt::format("<p class=\"sev-error\">This file could not be audited: {}</p>\n",
                        HtmlEscape(report.error->message));
  }
  // The worst problems first: by severity, then position.
  std::vector<const Finding*> worst;
  for (const Finding& f : a.findings) worst.push_back(&f);
  std::stable_sort(worst.begin(), worst.end(),
                   [](const Finding* x, const Finding* y) { return x->severity > y->severity; });
  if (!worst.empty()) {
    page += "<ol class=\"worst\">\n";
    for (size_t i = 0; i < worst.size() && i < 5; ++i) {
      const Finding& f = *worst[i];
      page += fmt::format("<li><a href=\"#s-{}\" class=\"sev-{}\">[{}]</a> {}</li>\n", f.sentence,
                          SeverityName(f.severity), HtmlEscape(f.rule), HtmlEscape(f.message));
    }
    page += "</ol>\n";
  }
  page += "</header>\n<nav class=\"filters\" aria-label=\"Show sentences\">\n";
  for (const char* mark : kMarks) {
    page += fmt::format(
        "<label><input type=\"checkbox\" checked data-hide=\"{0}\"> <span class=\"v-{0}\">{0}"
        "</span></label>\n",
        mark);
  }
  for (const char* severity : {"error", "warning", "info"}) {
    page += fmt::format(
        "<label><input type=\"checkbox\" checked data-hide=\"sev-{0}\"> <span class=\"sev-{0}\">"
        "{0}</span></label>\n",
        severity);
  }
  page += "</nav>\n<main>\n<section class=\"article\">\n";

  // Per-sentence data for the details panel.
  std::vector<std::vector<const Finding*>> findings_of(a.sentences.size());
  for (const Finding& f : a.findings) findings_of[f.sentence].push_back(&f);
  nlohmann::json data = {{"path", display_path}, {"sentences", nlohmann::json::array()}};
  std::set<std::string> rules_fired;

  size_t i = 0;
  while (i < a.sentences.size()) {
    const size_t block = a.sentences[i].block;
    const std::string_view role = a.sentences[i].role;
    const char* tag = role == "headline" ? "h2" : "p";
    page += fmt::format("<{} class=\"role-{}\">", tag, HtmlEscape(role));
    for (; i < a.sentences.size() && a.sentences[i].block == block; ++i) {
      const SentenceVerdict& v = a.sentences[i];
      const std::string_view mark = SentenceMark(a, i);
      std::string extra;
      if (!findings_of[i].empty()) {
        Severity worst_here = Severity::kInfo;
        for (const Finding* f : findings_of[i]) worst_here = std::max(worst_here, f->severity);
        extra = fmt::format(" data-findings=\"{}\" data-severity=\"{}\"", findings_of[i].size(),
                            SeverityName(worst_here));
      }
      page += fmt::format(
          "<span class=\"s v-{0}\" id=\"s-{1}\" data-id=\"{1}\" data-mark=\"{0}\" tabindex=\"0\" "
          "title=\"{0}\"{2}>{3}</span> ",
          mark, i, extra, HtmlEscape(v.text));
      nlohmann::json s = {
          {"mark", mark},
          {"claim", v.claim},
          {"claim_score", std::round(v.claim_score * 100) / 100},
          {"source", v.attribution.source},
          {"resolved", v.attribution.resolved},
          {"source_type", v.attribution.status == AttributionStatus::kNone
                              ? std::string()
                              : std::string(SourceTypeName(v.attribution.source_type))},
          {"cue", v.attribution.cue},
          {"chain", ChainLabel(a, v.chain)},
          {"findings", nlohmann::json::array()}};
      for (const Finding* f : findings_of[i]) {
        s["findings"].push_back(
            {{"rule", f->rule}, {"severity", SeverityName(f->severity)}, {"message", f->message}});
        rules_fired.emplace(f->rule);
      }
      data["sentences"].push_back(std::move(s));
    }
    page += fmt::format("</{}>\n", tag);
  }
  page += "</section>\n<section class=\"chains\">\n<h2>Sourcing chains</h2>\n";
  page += ChainSvg(a);
  page += "\n<ul>\n";
  for (const Chain& c : a.chains) {
    page += fmt::format("<li>{} — {} claim(s), {}</li>\n", HtmlEscape(ChainLabel(a, c.id)),
                        c.sentences.size(), Percent(c.sentences.size(), a.claims));
  }
  page += "</ul>\n</section>\n";
  if (!rules_fired.empty()) {
    page += "<section class=\"rules\">\n<h2>Rules</h2>\n<dl>\n";
    for (const std::string& id : rules_fired) {
      const FindingRule* rule = rules.FindFinding(id);
      page += fmt::format("<dt id=\"rule-{0}\">{0}</dt><dd>{1}</dd>\n", HtmlEscape(id),
                          HtmlEscape(rule ? rule->description : std::string()));
    }
    page += "</dl>\n</section>\n";
  }
  page +=
      "</main>\n<aside id=\"details\" aria-live=\"polite\">Select a sentence to see its sourcing. "
      "Keys: n next finding, p previous.</aside>\n";
  page += "<script type=\"application/json\" id=\"audit-data\">" + ScriptJson(data) + "</script>\n";
  page += fmt::format("<script>\n{}</script>\n</body>\n</html>\n", ReportJs());
  return page;
}

std::string RenderHtmlIndex(const std::vector<IndexEntry>& entries) {
  std::string page = Head("audit: corpus report");
  size_t claims = 0, attributed = 0, unattributed = 0;
  // Intermediaries: claims resting on each, and the articles that rest on it.
  std::map<std::string, std::pair<size_t, std::set<size_t>>> intermediaries;
  std::string rows;
  for (size_t e = 0; e < entries.size(); ++e) {
    const IndexEntry& entry = entries[e];
    const Analysis& a = entry.report->analysis;
    size_t unattributed_here = 0, secondhand_here = 0;
    for (const SentenceVerdict& v : a.sentences) {
      if (v.claim && v.attribution.status == AttributionStatus::kNone) ++unattributed_here;
      if (v.claim && v.secondhand) ++secondhand_here;
    }
    // In a secondhand chain the outlets sit between the publisher and the source; when the chain
    // is just "publisher -> outlet" ("Reuters reported"), the outlet is the source itself.
    for (const Chain& c : a.chains) {
      if (!c.secondhand || c.hops.size() < 2) continue;
      const size_t last = c.hops.size() == 2 ? 2 : c.hops.size() - 1;
      for (size_t h = 1; h < last; ++h) {
        auto& slot = intermediaries[c.hops[h]];
        slot.first += c.sentences.size();
        slot.second.insert(e);
      }
    }
    claims += a.claims;
    attributed += a.attributed_claims;
    unattributed += unattributed_here;
    int worst = -1;
    for (const Finding& f : a.findings) worst = std::max(worst, static_cast<int>(f.severity));
    const std::string_view worst_name =
        worst < 0 ? std::string_view("none") : SeverityName(static_cast<Severity>(worst));
    const double share =
        a.claims ? static_cast<double>(a.attributed_claims) / static_cast<double>(a.claims) : 0;
    const double secondhand_share =
        a.claims ? static_cast<double>(secondhand_here) / static_cast<double>(a.claims) : 0;
    rows += fmt::format(
        "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td data-value=\"{}\">{}</td>"
        "<td data-value=\"{:.3f}\">{}</td><td data-value=\"{}\">{}</td>"
        "<td data-value=\"{:.3f}\">{}</td><td data-value=\"{}\" class=\"sev-{}\">{}</td></tr>\n",
        HtmlEscape(entry.href), HtmlEscape(entry.title),
        HtmlEscape(a.publisher.empty() ? "unknown" : a.publisher), a.claims, a.claims, share,
        Percent(a.attributed_claims, a.claims), unattributed_here, unattributed_here,
        secondhand_share, Percent(secondhand_here, a.claims), worst, worst_name, worst_name);
  }
  page += fmt::format(
      "<body>\n<header class=\"summary\">\n<h1>Corpus report</h1>\n<div class=\"stats\">\n"
      "<div><b id=\"stat-articles\">{}</b>articles</div>\n<div><b>{}</b>claims</div>\n"
      "<div><b>{}</b>attributed</div>\n<div><b>{}</b>unattributed claims</div>\n</div>\n"
      "</header>\n<main>\n",
      entries.size(), claims, Percent(attributed, claims), unattributed);
  page +=
      "<p><label>Filter articles: <input type=\"search\" id=\"index-filter\" "
      "placeholder=\"title, publisher or severity\"></label></p>\n"
      "<table class=\"index\" "
      "id=\"articles\">\n<thead><tr><th>Article</th><th>Publisher</th><th>Claims</th>"
      "<th>Attributed</th><th>Unattributed</th><th>Secondhand</th><th>Worst</th></tr></thead>\n"
      "<tbody>\n" +
      rows + "</tbody>\n</table>\n";
  std::vector<std::pair<std::string, std::pair<size_t, std::set<size_t>>>> leaned(
      intermediaries.begin(), intermediaries.end());
  std::stable_sort(leaned.begin(), leaned.end(),
                   [](const auto& x, const auto& y) { return x.second.first > y.second.first; });
  page += "<section class=\"outlets\">\n<h2>Intermediaries the corpus leans on</h2>\n";
  if (leaned.empty()) page += "<p>No claim rests on another outlet.</p>\n";
  const size_t most = leaned.empty() ? 1 : leaned.front().second.first;
  page +=
      "<table class=\"index\">\n<thead><tr><th>Intermediary</th><th>Claims</th><th>Articles"
      "</th></tr></thead>\n<tbody>\n";
  for (size_t k = 0; k < leaned.size() && k < 20; ++k) {
    const auto& [name, value] = leaned[k];
    std::string articles;
    for (size_t e : value.second) {
      if (!articles.empty()) articles += ", ";
      articles += fmt::format("<a href=\"{}\">{}</a>", HtmlEscape(entries[e].href),
                              HtmlEscape(Truncate(entries[e].title, 40)));
    }
    page += fmt::format(
        "<tr><td>{}</td><td data-value=\"{}\"><span class=\"bar\" style=\"width:{}px\"></span> "
        "{}</td><td>{}</td></tr>\n",
        HtmlEscape(name), value.first, 4 + 150 * value.first / most, value.first, articles);
  }
  page += "</tbody>\n</table>\n</section>\n</main>\n";
  page += fmt::format("<script>\n{}</script>\n</body>\n</html>\n", ReportJs());
  return page;
}

}  // namespace audit
