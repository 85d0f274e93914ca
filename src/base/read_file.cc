#include "base/read_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/dense_array_allocator.h"

namespace audit {

namespace {

// Closes the descriptor on every return path.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// read(2), retried when a signal interrupts it; -1 on error.
ssize_t ReadSome(int fd, char* buffer, size_t size) {
  for (;;) {
    const ssize_t n = read(fd, buffer, size);
    if (n >= 0 || errno != EINTR) return n;
  }
}

}  // namespace

Result<std::string> ReadRegularFile(const std::string& path, uintmax_t max_bytes) {
  auto fail = [&](std::string message) {
    return Error::InFile(ErrorCode::kIo, path, std::move(message));
  };
  const Descriptor fd(open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) return fail(std::string("cannot read: ") + std::strerror(errno));
  struct stat info;
  if (fstat(fd.get(), &info) != 0) return fail(std::string("cannot read: ") + std::strerror(errno));
  if (!S_ISREG(info.st_mode))
    return fail("not a regular file (a folder, pipe or device), so not an article");
  const auto size = static_cast<uintmax_t>(info.st_size);
  if (size > max_bytes) {
    return fail(fmt::format("the file is {} MB; audit reads articles of up to {} MB", size >> 20,
                            max_bytes >> 20));
  }
  // Room for one byte more than fstat reported: a read that stops short of it, having reached the
  // reported size, has met the end of the file, which spares the read that would return 0. A read
  // that fills the room means the file grew meanwhile; the loop then reads on to the end.
  std::string bytes;
  bytes.reserve(static_cast<size_t>(size) + 1);
  // A large file is written into memory whole: in huge pages, a 34 MB article takes 17 page faults
  // rather than 8,300 (see DenseArrayAllocator).
  dense_array::AdviseHugePages(bytes.data(), bytes.capacity());
  bytes.resize(static_cast<size_t>(size) + 1);
  size_t filled = 0;
  for (;;) {
    const ssize_t n = ReadSome(fd.get(), bytes.data() + filled, bytes.size() - filled);
    if (n < 0) return fail(std::string("read failed: ") + std::strerror(errno));
    if (n == 0) break;
    filled += static_cast<size_t>(n);
    if (filled < bytes.size()) {
      if (filled >= size) break;
      continue;
    }
    if (filled > max_bytes) {
      return fail(fmt::format("the file grew past {} MB while it was read", max_bytes >> 20));
    }
    bytes.resize(bytes.size() * 2);
  }
  bytes.resize(filled);
  return bytes;
}

}  // namespace audit
