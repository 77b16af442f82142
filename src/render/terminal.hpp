// What a terminal needs: whether there is one and its size, colour and
// hyperlinks, and how a command renders for it (Rendering).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kn {

bool stdout_is_terminal();
bool stderr_is_terminal();

// The widest line kn draws: a wider one is a mistake, not a screen (a
// width of 1e8 spent a minute drawing a table before running out of memory).
inline constexpr std::size_t kMaxWidth = 1000;

// Returns $COLUMNS when it holds a number from 20 to kMaxWidth (as ls and man
// read it, bounded); anything else is ignored.
std::optional<std::size_t> columns_from_environment();

// Cells across stdout's terminal: $COLUMNS, else what the terminal says,
// else 80.
std::size_t terminal_width();

// Lines of stdout's terminal: what it says, else $LINES, else 24.
std::size_t terminal_height();

enum class ColorMode { automatic, always, never };

// Tells whether to colour stdout: always, never, or (automatic) when it is a
// terminal, NO_COLOR is not set and TERM is not dumb (ripgrep's rules).
bool use_color(ColorMode mode);

// How a table, listing or issue is drawn for a person.
struct Rendering {
  std::size_t width = 80;   // cells a line may take; 0: no limit (a pipe)
  bool color = false;       // SGR styles
  bool hyperlinks = false;  // OSC 8 links on titles and URLs
  bool pager = false;       // page output taller than the terminal
};

// The SGR sequences kn colours with.
namespace style {
inline constexpr std::string_view kBold = "\033[1m", kDim = "\033[2m", kMatch = "\033[1;31m",
                                  kLink = "\033[36m", kReset = "\033[0m";
}  // namespace style

// Returns text in style (and reset after it) when color is on; else text as
// it is.
std::string paint(std::string_view text, std::string_view style, bool color);

// Returns text as an OSC 8 hyperlink to url when on and url is http or https
// with a valid host (never javascript:, data: or anything else). The target
// is url_href(url): the address a browser opens, whose host is the one kn
// files the link under, in printable ASCII, so no byte of it can end the
// sequence. Else text as it is.
std::string hyperlink(std::string_view text, std::string_view url, bool on);

}  // namespace kn
