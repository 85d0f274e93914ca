// The progress line: drawn on a terminal, rate-limited, cleared at the end; silent otherwise.
#include "cli/progress.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "test_support.h"

namespace {

TEST_CASE("Progress draws files, speed and findings, at most ten times a second", "[progress]") {
  std::ostringstream out;
  audit::Progress progress(true, out);
  progress.FileDone(2000000, 3);
  progress.FileDone(1000, 1);  // within 100 ms of the first: not redrawn
  const std::string drawn = out.str();
  CHECK(drawn.find("audit: 1 files") != std::string::npos);
  CHECK(drawn.find("3 findings") != std::string::npos);
  CHECK(drawn.find("MB/s") != std::string::npos);
  CHECK(drawn.find("2 files") == std::string::npos);
  progress.Finish();
  CHECK(out.str().substr(drawn.size()) == "\r\x1b[2K");
}

TEST_CASE("Progress is silent when disabled", "[progress]") {
  std::ostringstream out;
  audit::Progress progress(false, out);
  progress.FileDone(1000, 1);
  progress.Finish();
  CHECK(out.str().empty());
}

TEST_CASE("audit check shows progress on a terminal, not in a pipe or with --quiet",
          "[progress][cli]") {
  const std::string examples = std::string(AUDIT_SOURCE_DIR) + "/examples";
  const std::string check = std::string(AUDIT_BINARY) + " check --fail-on never " + examples;
  // `script` runs the command on a pseudo-terminal.
  auto on_terminal = audit::testing::RunCommand("script -qec '" + check + "' /dev/null");
  CHECK(on_terminal.out.find("files  ") != std::string::npos);
  CHECK(on_terminal.out.find("MB/s") != std::string::npos);
  auto quiet = audit::testing::RunCommand("script -qec '" + check + " --quiet' /dev/null");
  CHECK(quiet.out.find("MB/s") == std::string::npos);
  auto piped = audit::testing::RunCommand(check);
  CHECK(piped.out.find("MB/s") == std::string::npos);
}

}  // namespace
