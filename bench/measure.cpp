// Runs a command several times and prints the median and 95th percentile of
// its wall time in seconds and its peak resident memory in KiB: "0.0123
// 0.0150 10240". The command's output is discarded.
//
//   measure RUNS COMMAND [ARG...]
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: measure RUNS COMMAND [ARG...]\n");
    return 2;
  }
  const int runs = std::atoi(argv[1]);
  std::vector<double> seconds;
  long peak_kib = 0;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, STDOUT_FILENO);
      execvp(argv[2], argv + 2);
      _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    peak_kib = std::max(peak_kib, usage.ru_maxrss);
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
      std::fprintf(stderr, "measure: %s failed\n", argv[2]);
      return 1;
    }
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  const double p95 = seconds[std::min(seconds.size() - 1, seconds.size() * 95 / 100)];
  std::printf("%.4f %.4f %ld\n", median, p95, peak_kib);
  return 0;
}
