#include "input/reader.h"

#include <algorithm>

#include "base/ascii.h"
#include "input/docx_reader.h"
#include "input/html_reader.h"
#include "input/markdown_reader.h"
#include "input/text_reader.h"
#include "input/xml_reader.h"

namespace audit {

namespace {

bool HasExtension(std::string_view path, std::string_view ext) {
  return path.size() > ext.size() && AsciiLower(path.substr(path.size() - ext.size())) == ext;
}

}  // namespace

InputFormat DetectFormat(std::string_view path, std::string_view bytes) {
  if (HasExtension(path, ".md") || HasExtension(path, ".markdown")) return InputFormat::kMarkdown;
  if (HasExtension(path, ".html") || HasExtension(path, ".htm")) return InputFormat::kHtml;
  if (HasExtension(path, ".xml")) return InputFormat::kXml;
  if (HasExtension(path, ".docx")) return InputFormat::kDocx;
  if (HasExtension(path, ".txt") || HasExtension(path, ".text")) return InputFormat::kText;
  if (bytes.substr(0, 4) == "PK\x03\x04") return InputFormat::kDocx;
  size_t start = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (start < bytes.size() &&
         (bytes[start] == ' ' || bytes[start] == '\n' || bytes[start] == '\r'))
    ++start;
  const std::string head = AsciiLower(bytes.substr(start, 15));
  if (head.rfind("<?xml", 0) == 0) return InputFormat::kXml;
  if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0)
    return InputFormat::kHtml;
  return InputFormat::kText;
}

namespace {

Result<Document> ReadByFormat(const SourceFile& file, const RuleSet& rules) {
  switch (DetectFormat(file.path(), file.bytes())) {
    case InputFormat::kMarkdown:
      return ReadMarkdown(file, rules);
    case InputFormat::kHtml:
      return ReadHtml(file, rules);
    case InputFormat::kXml:
      return ReadNewsXml(file, rules);
    case InputFormat::kDocx:
      return ReadDocx(file, rules);
    case InputFormat::kText:
      break;
  }
  return ReadPlainText(file, rules);
}

}  // namespace

Result<Document> ReadDocument(const SourceFile& file, const RuleSet& rules) {
  Result<Document> doc = ReadByFormat(file, rules);
  if (!doc.ok()) return doc;
  // Every position later stages report must lie in the file, whatever a parser made of bad bytes
  // (a library may add text the file never held, such as U+FFFD for a NUL).
  const size_t size = file.bytes().size();
  for (Block& block : doc.value().blocks) {
    block.offsets.ClampTo(size);
    block.file_begin = std::min(block.file_begin, size);
    block.file_end = std::min(std::max(block.file_end, block.file_begin), size);
  }
  return doc;
}

}  // namespace audit
