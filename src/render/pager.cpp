#include "pager.hpp"

#include <fmt/core.h>
#include <sys/wait.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "kn/error.hpp"
#include "terminal.hpp"

namespace kn::detail {

namespace {

[[noreturn]] void fail(int error) {
  if (error == EPIPE) throw StdoutClosed{};
  throw Error(fmt::format("stdout: {}", std::strerror(error)));
}

// Where output goes: stdout, or a buffer waiting to see whether it needs
// the pager, or the pager.
struct Sink {
  bool waiting = false;
  std::string held;
  std::size_t lines = 0, height = 0;
  std::FILE* pager = nullptr;
  std::string pager_command;
} sink;

std::string pager_command() {
  for (const char* name : {"KN_PAGER", "PAGER"}) {
    if (const char* value = std::getenv(name)) return value;
  }
  return "less -R";
}

void put(std::FILE* to, std::string_view text) {
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), to) != text.size()) fail(errno ? errno : EIO);
}

void start_pager() {
  sink.waiting = false;
  // As git does: less quits when it all fits, keeps colour, leaves the screen.
  ::setenv("LESS", "FRX", 0);
  ::setenv("LV", "-c", 0);
  std::fflush(stdout);
  // A pager that quits (or never ran) is a closed pipe: a write error to
  // handle, not a signal that ends kn before it can say so.
  std::signal(SIGPIPE, SIG_IGN);
  sink.pager = ::popen(sink.pager_command.c_str(), "w");
  std::string held = std::move(sink.held);
  put(sink.pager ? sink.pager : stdout, held);
}

// What to say of a pager that ended with status, if anything: 126 and 127
// are the shell's "cannot run it"; any other failure may have come before
// it read everything (less quit with q exits 0).
std::optional<std::string> pager_failure(int status) {
  if (status == 126 || status == 127) {
    return fmt::format("pager '{}': cannot run it (set KN_PAGER, or --no-pager)",
                       sink.pager_command);
  }
  if (status != 0) {
    return fmt::format(
        "pager '{}': exited with status {}, so the output may not all have been shown (set "
        "KN_PAGER, or --no-pager)",
        sink.pager_command, status);
  }
  return std::nullopt;
}

// Waits for the pager; its status when it could not run.
int close_pager() {
  std::FILE* pager = sink.pager;
  sink.pager = nullptr;
  if (!pager) return 0;
  const int status = ::pclose(pager);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 0;
}

}  // namespace

void write_stdout(std::string_view text) {
  if (text.empty()) return;
  if (sink.waiting) {
    sink.held.append(text);
    for (const char c : text) sink.lines += c == '\n';
    if (sink.lines >= sink.height) start_pager();
    return;
  }
  put(sink.pager ? sink.pager : stdout, text);
}

void page_output() {
  // A dumb terminal cannot run a pager: less only warns that it is not
  // fully functional (git does not page there either).
  if (const char* term = std::getenv("TERM"); term && std::string_view(term) == "dumb") return;
  std::string command = pager_command();
  if (command.empty() || command == "cat") return;
  sink = {true, {}, 0, terminal_height(), nullptr, std::move(command)};
}

void finish_stdout() {
  if (sink.waiting) {
    sink.waiting = false;
    put(stdout, sink.held);
  }
  if (sink.pager) {
    errno = 0;
    const bool failed = std::ferror(sink.pager) != 0 || std::fflush(sink.pager) != 0;
    const int error = errno;
    if (const auto failure = pager_failure(close_pager())) throw Error(*failure);
    if (failed && error != EPIPE) fail(error ? error : EIO);
  }
  errno = 0;
  const bool failed = std::ferror(stdout) != 0 || std::fflush(stdout) != 0;
  const int error = errno;
  if (std::fclose(stdout) != 0 && !failed) fail(errno ? errno : EIO);
  if (failed) fail(error ? error : EIO);
}

std::optional<std::string> abandon_stdout() {
  if (sink.waiting) {
    sink.waiting = false;
    std::fwrite(sink.held.data(), 1, sink.held.size(), stdout);
  }
  const bool paged = sink.pager != nullptr;
  const int status = close_pager();
  std::fflush(stdout);
  return paged ? pager_failure(status) : std::nullopt;
}

}  // namespace kn::detail
