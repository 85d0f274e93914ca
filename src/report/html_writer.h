// The HTML report: one self-contained page per article (the article as the reader sees it, every
// sentence marked by its verdict, the sourcing chains as an inline SVG, filters, details on
// selection) and an index page for a corpus. Pages embed the stylesheet and script from reports/,
// make no network requests (a Content-Security-Policy forbids them) and escape everything taken
// from an article. Writers only format: every verdict comes from the analysis.
// Stateless functions; thread-safe.
#ifndef AUDIT_REPORT_HTML_WRITER_H_
#define AUDIT_REPORT_HTML_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/file_report.h"
#include "rules/rule_set.h"

namespace audit {

// The mark a sentence gets on the page: "attributed", "unattributed", "secondhand", "weak"
// (anonymous, vague, loaded cue, quote without a speaker, dangling reference) or "none" (not a
// claim).
std::string_view SentenceMark(const Analysis& analysis, size_t sentence);

// `text` with &, <, >, " and ' escaped, and bidirectional-override characters shown as their code
// ("[U+202E]") so they cannot reorder what an editor reads.
std::string HtmlEscape(std::string_view text);

// The article page for one report. `index_href`, when not empty, links back to the corpus index.
std::string RenderHtmlArticle(const FileReport& report, const RuleSet& rules,
                              const std::string& display_path, const std::string& index_href = "");

// One row of the corpus index.
struct IndexEntry {
  std::string title;
  std::string path;  // as shown
  std::string href;  // the article page, relative to the index
  const FileReport* report = nullptr;
};

// The corpus index: one sortable row per article, totals, and the intermediaries the corpus leans
// on most.
std::string RenderHtmlIndex(const std::vector<IndexEntry>& entries);

// The title shown for an article: its headline, else the path.
std::string ArticleTitle(const FileReport& report, const std::string& display_path);

}  // namespace audit

#endif  // AUDIT_REPORT_HTML_WRITER_H_
