#include "kn/terminal.hpp"

#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>

#include "kn/utf8.hpp"

namespace kn {

namespace {

std::size_t char_width(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return 0;
  if (cp < 0x300) return 1;
  const auto c = static_cast<UChar32>(cp);
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
      u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    return 0;
  }
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

std::size_t terminal_width() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    std::size_t value = 0;
    const std::string_view text(columns);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && value >= 20) return value;
  }
  return 80;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) width += char_width(decode_utf8(text, i));
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) return std::string(text);
  if (columns == 0) return {};
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const std::size_t w = char_width(decode_utf8(text, i));
    if (width + w > columns - 1) break;  // leave a column for the ellipsis
    width += w;
    out.append(text.substr(start, i - start));
  }
  return out + "…";
}

std::vector<std::string> wrap_to_width(std::string_view text, std::size_t columns) {
  std::vector<std::string> lines;
  if (columns < 2) columns = 2;
  std::string line;
  std::size_t width = 0;
  // The last space in line, and the width before it: breaking there keeps a
  // word whole, unless it would leave the line short (Japanese has no spaces).
  std::size_t space = std::string::npos, space_width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = decode_utf8(text, i);
    const std::size_t w = char_width(cp);
    if (width + w > columns) {
      std::string rest;
      if (space != std::string::npos && space_width * 3 >= columns * 2 && cp != ' ') {
        rest = line.substr(space + 1);
        line.resize(space);
      }
      lines.push_back(std::move(line));
      line = std::move(rest);
      width = display_width(line);
      space = std::string::npos;
      if (cp == ' ' && line.empty()) continue;  // no space at the start of a line
    }
    if (cp == ' ') space = line.size(), space_width = width;
    line.append(text.substr(start, i - start));
    width += w;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

bool use_color(ColorMode mode) {
  switch (mode) {
    case ColorMode::always: return true;
    case ColorMode::never: return false;
    case ColorMode::automatic: {
      const char* no_color = std::getenv("NO_COLOR");
      return stdout_is_terminal() && !(no_color && *no_color);
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

}  // namespace kn
