// WorkersFor: `audit check` starts no more workers than the files it is given, unless a folder may
// hold more.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli/check_command.h"
#include "test_support.h"

namespace audit {
namespace {

TEST_CASE("No more workers than the files named, unless a folder is named", "[cli]") {
  const testing::ScratchDir dir("check-workers");
  const std::string a = dir.Write("a.txt", "The council met.\n");
  const std::string b = dir.Write("b.txt", "The council met.\n");
  const std::string c = dir.Write("sub/c.txt", "The council met.\n");
  CHECK(WorkersFor({a}, 2) == 1);
  CHECK(WorkersFor({a, b}, 4) == 2);
  CHECK(WorkersFor({a, b, c}, 2) == 2);
  CHECK(WorkersFor({a}, 1) == 1);
  CHECK(WorkersFor({dir.path()}, 4) == 4);
  CHECK(WorkersFor({a, (dir.dir() / "sub").string()}, 4) == 4);
  // A path that is not there is reported by the walk; it does not decide the workers.
  CHECK(WorkersFor({(dir.dir() / "missing.txt").string()}, 3) == 3);
  CHECK(WorkersFor({}, 3) == 3);
}

}  // namespace
}  // namespace audit
