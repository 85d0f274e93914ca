#include "cli/error_printer.h"

#include <fstream>
#include <sstream>
#include <string>

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
  if (!source_line.empty() && source_line.size() < 300) {
    out << "  " << source_line << '\n';
    if (column > 0) out << "  " << std::string(static_cast<size_t>(column - 1), ' ') << "^\n";
  }
  for (const Error& other : error.more) PrintError(other, file, out);
}

}  // namespace audit
