// FileWalker: the article files under the paths given on the command line, one at a time, in a
// stable order: each path in turn; a file as given; a folder's files, at any depth, in the byte
// order of their paths (what sorting the whole list would give). Hidden entries are skipped,
// symbolic links to folders are not followed (no loops), and only files whose extension is an
// article format are kept. Problems (a missing path, a folder that cannot be listed, a broken link)
// come out in order beside the files, so the rest still gets audited.
//
// It holds only the listings of the folders between the starting path and the current file, each
// until the walk leaves it: an archive's walk takes memory for its largest folder, not for all of
// its files (a list of a million paths was the one thing in a run that grew with the archive).
//
// Not thread-safe: one thread at a time calls Next.
#ifndef AUDIT_PIPELINE_FILE_WALKER_H_
#define AUDIT_PIPELINE_FILE_WALKER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"

namespace audit {

// One step of a walk: a file to audit, or an error about a path it could not use.
struct WalkStep {
  std::string path;
  std::optional<Error> error;  // set when `path` is not a file to audit (the error names it)
};

class FileWalker {
 public:
  explicit FileWalker(std::vector<std::string> paths) : paths_(std::move(paths)) {}

  // The next file or error; false when the walk is over.
  bool Next(WalkStep* step);

  // Folder entries the walker holds now (for tests of its memory): the not yet visited entries
  // of the folders on the way down to the current file.
  size_t held_entries() const;

 private:
  // A folder being walked: its entries' names, sorted, and how far the walk has come.
  struct Folder {
    std::string path;
    // The entries' names end to end; a sub-folder's name is stored with a '/' after it, so that
    // sorting names sorts the paths under them as whole paths sort ("a-b.txt" < "a.txt" < "a/" <
    // "a0.txt").
    std::string names;
    // What the folder's listing said an entry is: most are plain files, which then need no
    // system call of their own (a stat per file was a tenth of a walk's cost).
    enum class Kind : uint8_t { kFolder, kFile, kOther };
    struct Entry {
      uint32_t begin;
      uint32_t size;
      Kind kind;
    };
    std::vector<Entry> entries;  // sorted by name
    size_t next = 0;
  };

  // Pushes the listing of folder `path`; an error when it cannot be listed.
  std::optional<Error> Enter(const std::string& path);

  std::vector<std::string> paths_;
  size_t next_path_ = 0;
  std::vector<Folder> folders_;  // the current folder last
};

// Whether a file name has an extension the readers take when found in a folder walk.
bool IsArticleFileName(const std::string& name);

}  // namespace audit

#endif  // AUDIT_PIPELINE_FILE_WALKER_H_
