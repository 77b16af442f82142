// The progress bar kn index draws on stderr.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace kn {

// A progress bar on stderr (files done/total, MB/s, ETA) for runs longer
// than a moment. Draws nothing unless stderr is a terminal.
class Progress {
 public:
  Progress(std::size_t total_files, std::uint64_t total_bytes);
  ~Progress();  // clears the bar
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  static bool wanted();  // is stderr a terminal?
  void advance(std::uint64_t bytes);

 private:
  std::size_t total_files_, done_files_ = 0;
  std::uint64_t total_bytes_, done_bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace kn
