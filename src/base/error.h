// Error: the one error value the library returns. It carries a position (a file and a byte offset
// into it) so the CLI can show `file:line:col: message`; line and column are computed only when the
// error is shown. A small value type: cheap to copy, safe to pass between threads.
#ifndef AUDIT_BASE_ERROR_H_
#define AUDIT_BASE_ERROR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace audit {

enum class ErrorCode {
  kIo,     // a file could not be read
  kInput,  // an article is malformed
  kRules,  // a rule pack is malformed
  kUsage,  // the command line is wrong
};

struct Error {
  ErrorCode code = ErrorCode::kInput;
  std::string message;
  std::string file;
  // Position in `file`: either a byte offset (computed into line:col by the CLI from the file's
  // bytes) or, for files the library parsed with a library that reports lines (YAML), an explicit
  // 1-based line and column.
  std::optional<size_t> offset;
  int line = 0;
  int column = 0;
  // Further problems found in the same pass (a rule pack reports every broken rule at once), each
  // with its own position; empty for a single error.
  std::vector<Error> more;

  static Error At(ErrorCode code, std::string file, size_t offset, std::string message) {
    Error e{code, std::move(message), std::move(file), offset, 0, 0, {}};
    return e;
  }
  static Error AtLine(ErrorCode code, std::string file, int line, int column, std::string message) {
    Error e{code, std::move(message), std::move(file), std::nullopt, line, column, {}};
    return e;
  }
  static Error InFile(ErrorCode code, std::string file, std::string message) {
    Error e{code, std::move(message), std::move(file), std::nullopt, 0, 0, {}};
    return e;
  }
};

// Result<T>: a T, or the Error that prevented it.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit on purpose, as `return value;`
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Error& error() const { return std::get<Error>(v_); }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T&& take() { return std::get<T>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace audit

#endif  // AUDIT_BASE_ERROR_H_
