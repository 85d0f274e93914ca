#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

namespace audit {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

}  // namespace

Progress::Progress(bool enabled, std::ostream& out)
    : enabled_(enabled), out_(out), start_(std::chrono::steady_clock::now()) {}

bool Progress::ShouldShow(bool quiet) { return !quiet && isatty(STDERR_FILENO); }

void Progress::FileDone(size_t bytes, size_t findings) {
  ++files_;
  bytes_ += bytes;
  findings_ += findings;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  Draw();
}

void Progress::Draw() {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb_per_s = seconds > 0 ? bytes_ / 1e6 / seconds : 0;
  out_ << fmt::format("\r\x1b[2Kaudit: {} files  {:.1f} MB/s  {} findings", files_, mb_per_s,
                      findings_)
       << std::flush;
  drawn_ = true;
}

void Progress::Finish() {
  if (enabled_ && drawn_) out_ << "\r\x1b[2K" << std::flush;
}

}  // namespace audit
