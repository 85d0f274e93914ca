// Reading an article whole, in as few system calls as the kernel allows: open, fstat, one read
// (more only when the file grew after fstat), close. The Auditor calls it once per file, so on a
// corpus of small articles these calls are a measurable share of the run (bench/). Stateless and
// thread-safe.
#ifndef AUDIT_BASE_READ_FILE_H_
#define AUDIT_BASE_READ_FILE_H_

#include <cstdint>
#include <string>

#include "base/error.h"

namespace audit {

// The bytes of the regular file at `path`. Errors (kIo, naming `path`): the file cannot be opened
// or read; it is a folder, pipe or device (opened without blocking, so a FIFO with no writer cannot
// hang the run); it is larger than `max_bytes`.
Result<std::string> ReadRegularFile(const std::string& path, uintmax_t max_bytes);

}  // namespace audit

#endif  // AUDIT_BASE_READ_FILE_H_
