// Reads an HTML page (parsed with gumbo, an HTML5 parser) into a Document.
//
// For a full web page the article body is found and everything around it dropped (navigation,
// menus, share bars, related links, comments, scripts, styles): an element marked as the article
// body (itemprop or property "articleBody") wins, then the <article> with the most paragraph text,
// else the element whose paragraphs hold the most text with the fewest links. Metadata: the
// publisher from og:site_name, JSON-LD publisher.name or the canonical URL's domain; the headline
// from <h1>, og:title or <title>; byline and date from meta tags. Paragraphs, headings, list items,
// block quotations (role quotation) and figure captions become blocks; links keep their URL. Text
// maps back to the bytes of the file through gumbo's source positions.
#ifndef AUDIT_INPUT_HTML_READER_H_
#define AUDIT_INPUT_HTML_READER_H_

#include "base/error.h"
#include "base/source_file.h"
#include "input/document.h"
#include "rules/rule_set.h"

namespace audit {

// Thread-safe: no state is kept between calls.
Result<Document> ReadHtml(const SourceFile& file, const RuleSet& rules);

}  // namespace audit

#endif  // AUDIT_INPUT_HTML_READER_H_
