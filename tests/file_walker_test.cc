// FileWalker: the order of a folder walk (that of the sorted list of whole paths), what it skips
// and reports, and that it holds only the folders on its way down.
#include "pipeline/file_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace audit {
namespace {

namespace fs = std::filesystem;

using testing::ScratchDir;

void Touch(const fs::path& path) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "The council said the bridge will close.\n";
}

struct Walked {
  std::vector<std::string> files;
  std::vector<std::string> errors;  // "path: message"
};

Walked WalkAll(std::vector<std::string> paths) {
  Walked walked;
  FileWalker walker(std::move(paths));
  WalkStep step;
  while (walker.Next(&step)) {
    if (step.error) {
      walked.errors.push_back(step.path + ": " + step.error->message);
    } else {
      walked.files.push_back(step.path);
    }
  }
  return walked;
}

TEST_CASE("FileWalker walks a folder in the byte order of the whole paths") {
  ScratchDir dir("walk-order");
  const fs::path top = dir.dir();
  // Names whose order depends on '/' sorting after '-' and '.' and before '0' and letters.
  for (const char* name : {"a.txt", "a/z.txt", "a/b.md", "a-b.txt", "a0.txt", "b/c/d.md", "Z.txt",
                           "x.txt.d/y.html", "dir.md/in.txt", "sp ace.txt"}) {
    Touch(top / name);
  }
  const Walked walked = WalkAll({top.string()});
  std::vector<std::string> expected;
  for (const auto& entry : fs::recursive_directory_iterator(top)) {
    if (entry.is_regular_file()) expected.push_back(entry.path().string());
  }
  std::sort(expected.begin(), expected.end());
  CHECK(walked.errors.empty());
  CHECK(walked.files == expected);
  REQUIRE(walked.files.size() == 10);
  CHECK(walked.files.front() == (top / "Z.txt").string());
  CHECK(walked.files[2] == (top / "a.txt").string());
  CHECK(walked.files[3] == (top / "a/b.md").string());
  CHECK(walked.files[5] == (top / "a0.txt").string());
}

TEST_CASE("FileWalker keeps article files, skips hidden entries and links to folders") {
  ScratchDir dir("walk-skips");
  const fs::path top = dir.dir();
  Touch(top / "story.md");
  Touch(top / "notes.pdf");
  Touch(top / ".drafts/hidden.txt");
  Touch(top / ".hidden.txt");
  Touch(top / "sub/inner.html");
  fs::create_directory_symlink(top, top / "sub/loop");            // back up: a loop if followed
  fs::create_directory_symlink(top / "sub", top / "linked.txt");  // a folder under a file's name
  fs::create_symlink(top / "story.md", top / "alias.txt");        // a link to a file is a file
  const Walked walked = WalkAll({top.string()});
  CHECK(walked.errors.empty());
  CHECK(walked.files == std::vector<std::string>{(top / "alias.txt").string(),
                                                 (top / "story.md").string(),
                                                 (top / "sub/inner.html").string()});
}

TEST_CASE("FileWalker reports what it cannot use in its place and goes on") {
  ScratchDir dir("walk-errors");
  const fs::path top = dir.dir();
  Touch(top / "a.txt");
  Touch(top / "c.txt");
  fs::create_symlink(top / "nowhere", top / "b.txt");
  REQUIRE(mkfifo((top / "b2.txt").c_str(), 0600) == 0);
  const std::string missing = (top / "missing").string();
  const std::string given = (top / "given.data").string();  // named: taken whatever its extension
  Touch(given);
  FileWalker walker({missing, top.string(), given});
  std::vector<std::string> steps;
  WalkStep step;
  while (walker.Next(&step)) {
    steps.push_back(step.error ? "error " + step.path + ": " + step.error->message
                               : "file " + step.path);
  }
  CHECK(steps ==
        std::vector<std::string>{
            "error " + missing + ": no such file or folder",
            "file " + (top / "a.txt").string(),
            "error " + (top / "b.txt").string() + ": broken symbolic link",
            "error " + (top / "b2.txt").string() + ": not a regular file (a pipe or device)",
            "file " + (top / "c.txt").string(),
            "file " + given,
        });
}

TEST_CASE("FileWalker holds the folders on its way down, not the files it has passed") {
  ScratchDir dir("walk-memory");
  const fs::path top = dir.dir();
  // Ten folders of fifty files: the walk holds one folder's listing at a time (and what is left
  // of the top folder's), not five hundred paths.
  for (int d = 0; d < 10; ++d) {
    for (int f = 0; f < 50; ++f) {
      Touch(top / ("day" + std::to_string(d)) / ("story" + std::to_string(f) + ".txt"));
    }
  }
  FileWalker walker({top.string()});
  WalkStep step;
  size_t files = 0, most_held = 0;
  while (walker.Next(&step)) {
    REQUIRE_FALSE(step.error);
    ++files;
    most_held = std::max(most_held, walker.held_entries());
  }
  CHECK(files == 500);
  CHECK(most_held <= 50 + 10);
  CHECK(most_held >= 49);  // it does hold the current folder
  CHECK(walker.held_entries() == 0);
}

}  // namespace
}  // namespace audit
