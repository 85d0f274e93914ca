#include "input/docx_reader.h"

#include <zip.h>

#include <memory>
#include <pugixml.hpp>
#include <string>

#include "input/text_reader.h"

namespace audit {

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Reads word/document.xml, refusing archives that expand beyond the caps.
Result<std::string> DocumentXml(const SourceFile& file) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source =
      zip_source_buffer_create(file.bytes().data(), file.bytes().size(), 0, &error);
  if (!source)
    return Error::InFile(ErrorCode::kInput, file.path(), "cannot read the .docx archive");
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!zip) {
    zip_source_free(source);
    return Error::InFile(
        ErrorCode::kInput, file.path(),
        std::string("not a valid .docx (zip) file: ") + zip_error_strerror(&error));
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(zip.get(), "word/document.xml", 0, &stat) != 0) {
    return Error::InFile(ErrorCode::kInput, file.path(),
                         "not a Word document: word/document.xml is missing");
  }
  const bool too_big = (stat.valid & ZIP_STAT_SIZE) && stat.size > kMaxDocxXmlBytes;
  const bool bomb = (stat.valid & ZIP_STAT_COMP_SIZE) && (stat.valid & ZIP_STAT_SIZE) &&
                    stat.size > (1 << 20) &&
                    stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) > kMaxDocxExpansion;
  if (too_big || bomb) {
    return Error::InFile(ErrorCode::kInput, file.path(),
                         "refused: word/document.xml would expand to " + std::to_string(stat.size) +
                             " bytes (a zip bomb, or larger than an article can be)");
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> entry(zip_fopen(zip.get(), "word/document.xml", 0));
  if (!entry) return Error::InFile(ErrorCode::kInput, file.path(), "cannot open word/document.xml");
  std::string xml;
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(entry.get(), buffer, sizeof(buffer));
    if (n < 0) return Error::InFile(ErrorCode::kInput, file.path(), "word/document.xml is damaged");
    if (n == 0) break;
    xml.append(buffer, static_cast<size_t>(n));
    // The declared size can lie: stop at the cap whatever the header says.
    if (xml.size() > kMaxDocxXmlBytes) {
      return Error::InFile(ErrorCode::kInput, file.path(),
                           "refused: word/document.xml expands beyond the cap");
    }
  }
  return xml;
}

BlockRole RoleOfParagraph(const pugi::xml_node& p) {
  const pugi::xml_node props = p.child("w:pPr");
  const std::string style = props.child("w:pStyle").attribute("w:val").value();
  if (style == "Title") return BlockRole::kHeadline;
  if (style.rfind("Heading", 0) == 0) return BlockRole::kHeading;
  if (style == "Quote" || style == "IntenseQuote") return BlockRole::kQuotation;
  if (props.child("w:numPr")) return BlockRole::kListItem;
  return BlockRole::kParagraph;
}

// The visible text of a paragraph: runs' text, tabs and breaks as spaces; deletions and field codes
// left out.
void AppendRuns(const pugi::xml_node& node, std::string* text) {
  for (pugi::xml_node child : node.children()) {
    const std::string_view name = child.name();
    if (name == "w:t") {
      text->append(child.child_value());
    } else if (name == "w:tab" || name == "w:br" || name == "w:cr") {
      text->push_back(' ');
    } else if (name == "w:del" || name == "w:instrText" || name == "w:delText" || name == "w:pPr" ||
               name == "w:rPr") {
      continue;
    } else {
      AppendRuns(child, text);
    }
  }
}

std::string FoldSpaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

Result<Document> ReadDocx(const SourceFile& file, const RuleSet& rules) {
  Result<std::string> xml = DocumentXml(file);
  if (!xml.ok()) return xml.error();
  pugi::xml_document parsed;
  const pugi::xml_parse_result result = parsed.load_buffer(xml.value().data(), xml.value().size());
  if (!result) {
    return Error::InFile(ErrorCode::kInput, file.path(),
                         std::string("word/document.xml is malformed: ") + result.description());
  }
  Document doc;
  const pugi::xml_node body = parsed.child("w:document").child("w:body");
  for (pugi::xml_node p : body.children("w:p")) {
    std::string raw;
    AppendRuns(p, &raw);
    Block block;
    block.role = RoleOfParagraph(p);
    block.text = FoldSpaces(raw);
    if (block.text.empty()) continue;
    block.offsets.AddRun(0, 0);  // see the header: a .docx has no line and column to point at
    if (block.role == BlockRole::kHeadline && doc.meta.headline.empty())
      doc.meta.headline = block.text;
    doc.blocks.push_back(std::move(block));
  }
  AssignBlockRoles(rules, &doc);
  return doc;
}

}  // namespace audit
