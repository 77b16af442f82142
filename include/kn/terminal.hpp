// What a terminal needs: whether there is one, how wide it is, how wide text
// is on it (East Asian wide characters take two columns), and colour.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kn {

bool stdout_is_terminal();
bool stderr_is_terminal();

// Columns of the terminal on stdout, else $COLUMNS, else 80.
std::size_t terminal_width();

// Columns text takes: wide and fullwidth characters 2, combining marks and
// other zero-width characters 0, the rest 1. text must be valid UTF-8.
std::size_t display_width(std::string_view text);

// The longest prefix of text (whole characters) no wider than columns,
// with "…" at the end when text was cut.
std::string truncate_to_width(std::string_view text, std::size_t columns);

// text cut into lines no wider than columns, breaking between characters
// (Japanese has no spaces) and preferring a space when there is one.
std::vector<std::string> wrap_to_width(std::string_view text, std::size_t columns);

enum class ColorMode { automatic, always, never };

// Whether to colour stdout: always, never, or (automatic) when it is a
// terminal and NO_COLOR is not set.
bool use_color(ColorMode mode);

// The SGR sequences kn colours with.
namespace style {
inline constexpr std::string_view kBold = "\033[1m", kDim = "\033[2m", kMatch = "\033[1;31m",
                                  kLink = "\033[36m", kReset = "\033[0m";
}  // namespace style

// text in style (and reset after it) when color is on; else text as it is.
std::string paint(std::string_view text, std::string_view style, bool color);

}  // namespace kn
