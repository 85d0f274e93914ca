// Chooses the reader for a file by its name (and, for names that say nothing, its first bytes) and
// reads it. Every reader produces the same Document; the rest of the pipeline never knows the
// format.
#ifndef AUDIT_INPUT_READER_H_
#define AUDIT_INPUT_READER_H_

#include <string_view>

#include "base/error.h"
#include "base/source_file.h"
#include "input/document.h"
#include "rules/rule_set.h"

namespace audit {

enum class InputFormat { kText, kMarkdown, kHtml, kXml, kDocx };

// The format of a file: by extension first, then by its first bytes (a zip signature, "<?xml",
// "<html").
InputFormat DetectFormat(std::string_view path, std::string_view bytes);

// Reads `file` with the reader for its format. Thread-safe.
Result<Document> ReadDocument(const SourceFile& file, const RuleSet& rules);

}  // namespace audit

#endif  // AUDIT_INPUT_READER_H_
