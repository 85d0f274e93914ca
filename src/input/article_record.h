// ArticleRecord: one article as a line of JSON, for `audit check --stdin-jsonl`, so an engine that
// pipes records through a command (Spark's RDD.pipe, Hadoop Streaming) can run the auditor as its
// map step: {"id": "...", "text": "...", "format": "html"?, "publisher": "..."?}.
#ifndef AUDIT_INPUT_ARTICLE_RECORD_H_
#define AUDIT_INPUT_ARTICLE_RECORD_H_

#include <string>
#include <string_view>

#include "base/error.h"

namespace audit {

struct ArticleRecord {
  std::string id;         // the record's id, reported as the file's path
  std::string text;       // the article's bytes
  std::string extension;  // ".txt", ".md", ".html" or ".xml" from `format`; empty to sniff
  std::string publisher;  // empty when not given
};

// Parses one line. `origin` names the stream and `line` its 1-based line number, for errors
// ("<stdin>:3: ..."). A record without an id gets "<stdin>:LINE" as its id. Pure; thread-safe.
Result<ArticleRecord> ParseArticleRecord(std::string_view json_line, const std::string& origin,
                                         size_t line);

}  // namespace audit

#endif  // AUDIT_INPUT_ARTICLE_RECORD_H_
