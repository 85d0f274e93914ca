// Files the tool writes appear whole or not at all: written under a temporary name, then renamed.
#include "base/atomic_file.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;

size_t Entries(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST_CASE("A file is replaced whole, and a failed write leaves the old one and no stray file",
          "[files]") {
  const fs::path dir = audit::testing::TempPath("audit-atomic");
  fs::remove_all(dir);
  fs::create_directories(dir / "a-folder");
  REQUIRE(audit::WriteFileAtomically((dir / "report.json").string(), "first"));
  REQUIRE(audit::WriteFileAtomically((dir / "report.json").string(), "second"));
  CHECK(audit::testing::ReadFile(dir / "report.json") == "second");
  CHECK(
      audit::TempNameFor((dir / "report.json").string()).rfind((dir / "report.json").string(), 0) ==
      0);
  // A folder cannot be replaced by a file: the write fails and the folder stays.
  CHECK_FALSE(audit::WriteFileAtomically((dir / "a-folder").string(), "text"));
  CHECK(fs::is_directory(dir / "a-folder"));
  // Nor can a file be written where its folder does not exist.
  CHECK_FALSE(audit::WriteFileAtomically((dir / "missing" / "x.json").string(), "text"));
  CHECK(Entries(dir) == 2);  // report.json and a-folder: no temporary file left behind
  fs::remove_all(dir);
}

TEST_CASE("--output and --write-baseline leave no partial or temporary files", "[files][cli]") {
  const fs::path dir = audit::testing::TempPath("audit-atomic-cli");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string examples = std::string(AUDIT_SOURCE_DIR) + "/examples";
  const std::string audit = std::string(AUDIT_BINARY);
  auto run = audit::testing::RunCommand(audit + " check -q --fail-on never -f json -o " +
                                        (dir / "out.json").string() + " " + examples);
  CHECK(run.exit_code == 0);
  CHECK(audit::testing::ReadFile(dir / "out.json").find("\"files\"") != std::string::npos);
  run = audit::testing::RunCommand("cd " + dir.string() + " && " + audit +
                                   " check -q --write-baseline " + examples);
  CHECK(fs::exists(dir / ".audit-baseline.json"));
  // An --output in a folder that does not exist: an error, and nothing written.
  run = audit::testing::RunCommand(audit + " check -q -f json -o " +
                                   (dir / "no" / "out.json").string() + " " + examples);
  CHECK(run.exit_code == 2);
  CHECK(run.out.find("cannot write the output file") != std::string::npos);
  CHECK(Entries(dir) == 2);  // out.json and the baseline
  fs::remove_all(dir);
}

}  // namespace
