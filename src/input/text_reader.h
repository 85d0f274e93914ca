// Reads a plain-text article (UTF-8; a BOM and CRLF line ends are fine) into a Document.
//
// Paragraphs are separated by blank lines; inside a run of lines, a line break also ends a
// paragraph when the line before it ends like a sentence or is short (files written one paragraph a
// line), and otherwise joins the lines (hard-wrapped text). Roles come from the rule pack's
// block-scoped role patterns and from position: short lines without final punctuation at the top
// are headlines, later ones headings. A dateline ("OSLO (AP) —") names the publisher, or the
// wire when the credit is a news agency.
#ifndef AUDIT_INPUT_TEXT_READER_H_
#define AUDIT_INPUT_TEXT_READER_H_

#include "base/error.h"
#include "base/source_file.h"
#include "input/document.h"
#include "rules/rule_set.h"

namespace audit {

// `rules` must outlive the call only. Thread-safe: no state is kept between calls.
Result<Document> ReadPlainText(const SourceFile& file, const RuleSet& rules);

// Gives the blocks of `doc` their roles and fills its metadata from the dateline; shared by every
// reader.
void AssignBlockRoles(const RuleSet& rules, Document* doc);

}  // namespace audit

#endif  // AUDIT_INPUT_TEXT_READER_H_
