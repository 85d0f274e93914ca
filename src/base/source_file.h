// SourceFile: one input file's bytes, owned once, and the positions shown to users.
// Line and column are computed from a line index built lazily on the first request, so a file with
// nothing to report never pays for it. Columns count Unicode code points, 1-based (what editors and
// SARIF's default show). Not thread-safe: the lazy index is built without locking, so one thread
// owns a SourceFile at a time.
#ifndef AUDIT_BASE_SOURCE_FILE_H_
#define AUDIT_BASE_SOURCE_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace audit {

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in code points
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string bytes)
      : path_(std::move(path)), bytes_(std::move(bytes)) {}
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;
  SourceFile(SourceFile&&) = default;
  SourceFile& operator=(SourceFile&&) = default;

  const std::string& path() const { return path_; }
  std::string_view bytes() const { return bytes_; }

  // The line and column of a byte offset (clamped to the file's size). The offset is at the start
  // of a character, as every offset the readers and the analysis give is; inside a multi-byte
  // character the column may count the bytes before it as characters.
  LineColumn Position(size_t offset) const;
  // The text of the line holding `offset`, without its line break.
  std::string_view LineText(size_t offset) const;

 private:
  struct ColumnCheckpoint {
    size_t offset;       // a character start
    size_t code_points;  // before it, from the start of the file
  };
  static constexpr size_t kColumnStride = 4096;

  void BuildLineIndex() const;
  // The index of the line holding `offset` (the line index is built).
  size_t LineIndexOf(size_t offset) const;
  void BuildColumnIndex() const;
  size_t CodePointsBefore(size_t offset) const;

  std::string path_;
  std::string bytes_;
  // Built on first use; a SourceFile is used by one thread at a time.
  mutable std::vector<size_t> line_starts_;
  mutable std::vector<ColumnCheckpoint> column_checkpoints_;
  struct LastPosition {
    size_t line_index = SIZE_MAX;
    size_t offset = 0;
    size_t column = 0;  // code points before `offset` on its line
  };
  mutable LastPosition last_;  // the last position answered
};

}  // namespace audit

#endif  // AUDIT_BASE_SOURCE_FILE_H_
