// The two header lines of an issue file: "# <title>" and the URL.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kn/issue.hpp"

namespace kn {

// Throws kn::Error with the reason when bytes cannot be an issue file's
// text: empty, UTF-16, or binary (a NUL byte).
void check_encoding(std::string_view bytes);

// The first line of text (without its line end), removed from text.
std::string_view next_line(std::string_view& text);

// The title of the "# <title>" line, the issue number in it ("#N") and the
// URL of line 2. Each throws kn::Error with the reason when the line is not
// what it should be.
std::string parse_title(std::string_view line);
int parse_number(std::string_view title);
std::string parse_url(std::string_view line);

// The date in a "YYYY-MM-DD_" prefix of the path's file name.
std::optional<Date> date_from_file_name(std::string_view path);

}  // namespace kn
