#include "command_output.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace kn::detail {

namespace {

[[noreturn]] void fail(int error) {
  if (error == EPIPE) throw StdoutClosed{};
  throw Error(fmt::format("stdout: {}", std::strerror(error)));
}

}  // namespace

void write_stdout(std::string_view text) {
  if (text.empty()) return;
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) fail(errno ? errno : EIO);
}

void finish_stdout() {
  errno = 0;
  const bool failed = std::ferror(stdout) != 0 || std::fflush(stdout) != 0;
  const int error = errno;
  if (std::fclose(stdout) != 0 && !failed) fail(errno ? errno : EIO);
  if (failed) fail(error ? error : EIO);
}

}  // namespace kn::detail
