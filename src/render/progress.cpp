#include "progress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>

namespace kn {

Progress::Progress(std::size_t total_files, std::uint64_t total_bytes)
    : total_files_(total_files),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (drawn_) fmt::print(stderr, "\r\033[K");
}

bool Progress::wanted() { return ::isatty(STDERR_FILENO) == 1; }

void Progress::advance(std::uint64_t bytes) {
  using namespace std::chrono;
  ++done_files_;
  done_bytes_ += bytes;
  const auto now = steady_clock::now();
  // Quiet for short runs, and at most ten redraws a second.
  if (now - start_ < milliseconds(500) || now - last_draw_ < milliseconds(100)) return;
  last_draw_ = now;
  const double seconds = duration<double>(now - start_).count();
  const double rate = static_cast<double>(done_bytes_) / seconds;
  const double eta =
      rate > 0 ? static_cast<double>(total_bytes_ - std::min(done_bytes_, total_bytes_)) / rate : 0;
  constexpr int kWidth = 24;
  const int filled = total_files_ ? static_cast<int>(kWidth * done_files_ / total_files_) : kWidth;
  fmt::print(stderr, "\r[{:#<{}}{:.<{}}] {}/{} files  {:.1f} MB/s  ETA {}:{:02}\033[K", "", filled,
             "", kWidth - filled, done_files_, total_files_, rate / 1e6, static_cast<int>(eta) / 60,
             static_cast<int>(eta) % 60);
  drawn_ = true;
}

}  // namespace kn
