// ReadRegularFile: whole files in, and an error naming the file for everything that is not one.
#include "base/read_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/dense_array_allocator.h"

namespace audit {
namespace {

namespace fs = std::filesystem;

class Scratch {
 public:
  Scratch() : dir_(fs::temp_directory_path() / ("audit-read-file-" + std::to_string(getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~Scratch() { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  fs::path dir_;
};

TEST_CASE("A regular file is read whole, whatever its size", "[read-file]") {
  const Scratch scratch;
  // Empty, one byte, and larger than any single buffer a stream library would use.
  for (const std::string& bytes : {std::string(), std::string("x"), std::string(300000, 'a')}) {
    INFO(bytes.size() << " bytes");
    Result<std::string> read = ReadRegularFile(scratch.Write("a.txt", bytes), 1 << 20);
    REQUIRE(read.ok());
    CHECK(read.value() == bytes);
  }
}

TEST_CASE("A file big enough for huge pages is read whole", "[read-file]") {
  // Read into a buffer advised to use huge pages (dense_array::AdviseHugePages): the advice must
  // not change a byte.
  const Scratch scratch;
  std::string bytes(dense_array::kHugeBytes + 4097, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>('a' + i % 23);
  Result<std::string> read = ReadRegularFile(scratch.Write("big.txt", bytes), 64 << 20);
  REQUIRE(read.ok());
  CHECK(read.value().size() == bytes.size());
  CHECK(read.value() == bytes);
}

TEST_CASE("What is not a readable regular file is an error naming it", "[read-file]") {
  const Scratch scratch;
  const std::string missing = scratch.Path("missing.txt");
  Result<std::string> read = ReadRegularFile(missing, 1 << 20);
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().file == missing);
  CHECK(read.error().code == ErrorCode::kIo);
  CHECK(read.error().message == "cannot read: No such file or directory");

  read = ReadRegularFile(scratch.Path(""), 1 << 20);  // the folder itself
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().message == "not a regular file (a folder, pipe or device), so not an article");

  // A pipe nobody writes to: refused at once, not waited on.
  const std::string pipe = scratch.Path("pipe.txt");
  REQUIRE(mkfifo(pipe.c_str(), 0644) == 0);
  read = ReadRegularFile(pipe, 1 << 20);
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().message == "not a regular file (a folder, pipe or device), so not an article");

  read = ReadRegularFile(scratch.Write("big.txt", std::string(3 << 20, 'a')), 2 << 20);
  REQUIRE_FALSE(read.ok());
  CHECK(read.error().message == "the file is 3 MB; audit reads articles of up to 2 MB");
}

}  // namespace
}  // namespace audit
