#include "kn/error.hpp"

#include <fmt/core.h>

#include <cstdio>

#include "sanitize.hpp"

namespace kn {

void print_error(std::string_view message, const std::vector<std::string>& details) {
  std::fflush(stdout);  // keep stdout and stderr in order on a shared terminal
  fmt::print(stderr, "kn: {}\n", escaped(message));
  for (const std::string& line : details) fmt::print(stderr, "{}\n", escaped(line));
}

void Diagnostics::file_error(std::string_view path, std::string_view reason) {
  if (++failures_ <= kNamedAtMost) print_error(fmt::format("{}: {}", path, reason));
}

void Diagnostics::say_unnamed() const {
  if (failures_ > kNamedAtMost) {
    print_error(fmt::format("and {} more files failed", failures_ - kNamedAtMost));
  }
}

void Diagnostics::warning(std::string_view path, std::string_view what) {
  print_error(fmt::format("{}: {}", path, what));
}

}  // namespace kn
