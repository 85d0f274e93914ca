// Reads a Markdown article (CommonMark, parsed with cmark) into a Document.
//
// YAML front matter between `---` lines is read with yaml-cpp for the title (the headline), author
// (byline), date and publisher (`publisher`, `source` or `site`); it is never audited as prose.
// Paragraphs, headings, block quotations (role quotation) and list items become blocks; code
// blocks, code spans and raw HTML are never prose. Links keep their URL. Every character of block
// text maps back to its byte in the file: each text node's literal is found in the source from the
// block's position on, so escapes and entities shift a run, not the rest.
#ifndef AUDIT_INPUT_MARKDOWN_READER_H_
#define AUDIT_INPUT_MARKDOWN_READER_H_

#include "base/error.h"
#include "base/source_file.h"
#include "input/document.h"
#include "rules/rule_set.h"

namespace audit {

// Thread-safe: no state is kept between calls. Malformed front matter is an error with its line and
// column.
Result<Document> ReadMarkdown(const SourceFile& file, const RuleSet& rules);

}  // namespace audit

#endif  // AUDIT_INPUT_MARKDOWN_READER_H_
