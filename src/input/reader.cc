#include "input/reader.h"

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

Result<Document> ReadDocument(const SourceFile& file, const RuleSet& rules) {
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

}  // namespace audit
