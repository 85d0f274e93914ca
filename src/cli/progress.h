// Progress: one line on stderr during long runs on a terminal ("1,204 files  6.1 MB/s  388
// findings"), redrawn at most ten times a second and cleared at the end. Silent when stderr is not
// a terminal (CI logs, pipes) or with --quiet. Not thread-safe: the writer thread updates it.
#ifndef AUDIT_CLI_PROGRESS_H_
#define AUDIT_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <ostream>

namespace audit {

class Progress {
 public:
  // Draws on `out` only when `enabled`; ShouldShow() says whether a run's progress should be.
  Progress(bool enabled, std::ostream& out);
  static bool ShouldShow(bool quiet);

  // One more file done: its size in bytes and its findings.
  void FileDone(size_t bytes, size_t findings);
  // Clears the line.
  void Finish();

 private:
  void Draw();

  bool enabled_;
  std::ostream& out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
  size_t files_ = 0;
  size_t bytes_ = 0;
  size_t findings_ = 0;
};

}  // namespace audit

#endif  // AUDIT_CLI_PROGRESS_H_
