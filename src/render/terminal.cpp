#include "terminal.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <string>

#include "util/text.hpp"
#include "util/url.hpp"

namespace kn {

namespace {

std::optional<std::size_t> number_from_environment(const char* name, std::size_t least,
                                                   std::size_t most) {
  const char* value = std::getenv(name);
  if (!value) return std::nullopt;
  std::size_t number = 0;
  const std::string_view text(value);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end != text.data() + text.size() || number < least || number > most) {
    return std::nullopt;
  }
  return number;
}

winsize stdout_size() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) size = {};
  return size;
}

bool environment_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

}  // namespace

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

std::optional<std::size_t> columns_from_environment() {
  return number_from_environment("COLUMNS", 20, kMaxWidth);
}

std::size_t terminal_width() {
  if (const auto columns = columns_from_environment()) return *columns;
  const winsize size = stdout_size();
  return size.ws_col > 0 ? size.ws_col : 80;
}

std::size_t terminal_height() {
  const winsize size = stdout_size();
  if (size.ws_row > 0) return size.ws_row;
  return number_from_environment("LINES", 2, 100000).value_or(24);
}

bool use_color(ColorMode mode) {
  switch (mode) {
    case ColorMode::always: return true;
    case ColorMode::never: return false;
    case ColorMode::automatic: {
      const char* term = std::getenv("TERM");
      return stdout_is_terminal() && !environment_set("NO_COLOR") &&
             !(term && std::string_view(term) == "dumb");
    }
  }
  return false;
}

std::string paint(std::string_view text, std::string_view style, bool color) {
  if (!color || style.empty()) return std::string(text);
  std::string out(style);
  out.append(text).append(style::kReset);
  return out;
}

std::string hyperlink(std::string_view text, std::string_view url, bool on) {
  const std::string scheme = ascii_lower(url.substr(0, 8));
  if (!on || !(scheme.starts_with("https://") || scheme.starts_with("http://"))) {
    return std::string(text);
  }
  // The target is the address a browser opens, so that it goes to the host
  // kn files the link under; it is printable ASCII.
  const std::optional<std::string> target = url_href(url);
  if (!target) return std::string(text);
  return "\033]8;;" + *target + "\033\\" + std::string(text) + "\033]8;;\033\\";
}

}  // namespace kn
