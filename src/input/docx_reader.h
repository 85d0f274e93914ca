// Reads a Word .docx article: the zip is opened with libzip, word/document.xml is parsed with
// pugixml. Paragraphs become blocks; the Title style gives the headline, Heading styles headings,
// Quote styles quotations, numbered or bulleted paragraphs list items. Deleted text, field codes,
// footnotes and comments are left out. Decompression is capped, so a zip bomb is refused with a
// clear error rather than exhausting memory.
//
// A .docx has no line and column a reader could open: every position points at the start of the
// file, and the JSON's sentence order (and each sentence's paragraph) says where it stands.
#ifndef AUDIT_INPUT_DOCX_READER_H_
#define AUDIT_INPUT_DOCX_READER_H_

#include <cstddef>

#include "base/error.h"
#include "base/source_file.h"
#include "input/document.h"
#include "rules/rule_set.h"

namespace audit {

// The most word/document.xml may expand to, and the most it may expand relative to its compressed
// size.
inline constexpr size_t kMaxDocxXmlBytes = 64 << 20;
inline constexpr size_t kMaxDocxExpansion = 200;

// Thread-safe: no state is kept between calls.
Result<Document> ReadDocx(const SourceFile& file, const RuleSet& rules);

}  // namespace audit

#endif  // AUDIT_INPUT_DOCX_READER_H_
