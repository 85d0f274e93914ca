#include "cli/error_printer.h"

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "base/utf8.h"

namespace audit {

namespace {

std::string LineOf(const std::string& path, int line) {
  std::ifstream in(path);
  std::string text;
  for (int i = 1; std::getline(in, text); ++i) {
    if (i == line) return text;
  }
  return {};
}

// Whether a line can be shown on a terminal as it is: valid UTF-8 with no control characters but
// tabs (a binary file's "line" is neither).
bool Printable(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    char32_t cp;
    const size_t len = DecodeUtf8(line, i, &cp);
    if (len == 0 || (cp < 0x20 && cp != '\t') || cp == 0x7F) return false;
    i += len;
  }
  return true;
}

}  // namespace

void PrintError(const Error& error, const SourceFile* file, std::ostream& out) {
  int line = error.line, column = error.column;
  std::string source_line;
  if (error.offset && file) {
    LineColumn lc = file->Position(*error.offset);
    line = lc.line;
    column = lc.column;
    source_line = std::string(file->LineText(*error.offset));
  } else if (line > 0) {
    source_line = LineOf(error.file, line);
  }
  out << error.file;
  if (line > 0) out << ':' << line << ':' << column;
  out << ": error: " << error.message << '\n';
  if (!source_line.empty() && source_line.size() < 300 && Printable(source_line)) {
    out << "  " << source_line << '\n';
    if (column > 0) out << "  " << std::string(static_cast<size_t>(column - 1), ' ') << "^\n";
  }
  for (const Error& other : error.more) PrintError(other, file, out);
}

}  // namespace audit
