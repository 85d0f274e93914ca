#include "input/article_record.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace audit {

namespace {

// `format` as a file extension for the reader dispatch. Word files are binary and cannot travel
// as JSON text.
bool ExtensionFor(const std::string& format, std::string* extension) {
  if (format.empty()) return true;
  if (format == "text" || format == "txt" || format == "plain") {
    *extension = ".txt";
  } else if (format == "markdown" || format == "md") {
    *extension = ".md";
  } else if (format == "html" || format == "htm") {
    *extension = ".html";
  } else if (format == "xml" || format == "nitf" || format == "newsml") {
    *extension = ".xml";
  } else {
    return false;
  }
  return true;
}

}  // namespace

Result<ArticleRecord> ParseArticleRecord(std::string_view json_line, const std::string& origin,
                                         size_t line) {
  auto fail = [&](const std::string& message) {
    return Error::AtLine(ErrorCode::kInput, origin, static_cast<int>(line), 1, message);
  };
  nlohmann::json j = nlohmann::json::parse(json_line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return fail("not a JSON record");
  if (!j.is_object()) return fail("a record must be a JSON object with \"text\"");
  ArticleRecord record;
  record.id = fmt::format("{}:{}", origin, line);
  for (const char* key : {"id", "text", "format", "publisher"}) {
    if (j.contains(key) && !j[key].is_null() && !j[key].is_string() &&
        !(std::string_view(key) == "id" && j[key].is_number())) {
      return fail(fmt::format("\"{}\" must be a string", key));
    }
  }
  if (j.contains("id") && j["id"].is_string()) record.id = j["id"].get<std::string>();
  if (j.contains("id") && j["id"].is_number()) record.id = j["id"].dump();
  if (!j.contains("text") || !j["text"].is_string())
    return Error::AtLine(ErrorCode::kInput, record.id, static_cast<int>(line), 1,
                         "the record has no \"text\"");
  record.text = j["text"].get<std::string>();
  const std::string format = j.contains("format") && j["format"].is_string()
                                 ? j["format"].get<std::string>()
                                 : std::string();
  if (!ExtensionFor(format, &record.extension)) {
    return fail(fmt::format(
        "unknown format \"{}\" (expected text, markdown, html or xml; .docx cannot travel as text)",
        format));
  }
  if (j.contains("publisher") && j["publisher"].is_string())
    record.publisher = j["publisher"].get<std::string>();
  return record;
}

}  // namespace audit
