// The two header lines of an issue file: "# <title>" and the issue's URL.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kn/error.hpp"
#include "kn/issue.hpp"

namespace kn {

// A file that does not begin like an issue at all (no title line, no URL
// line, not text): what a walk of an archive skips, where a malformed
// issue is an error.
class NotAnIssue : public Error {
 public:
  using Error::Error;
};

// Throws NotAnIssue with the reason when bytes cannot be an issue file's
// text: empty, UTF-16, binary (a NUL byte), or lines ending at CR alone.
void check_encoding(std::string_view bytes);

// Returns the first line of text (without its line end), removed from text.
std::string_view next_line(std::string_view& text);

// Returns the title of the "# <title>" line, the issue number in it ("#N":
// digits, not a sign) and the URL of line 2. The title and URL throw
// NotAnIssue when the line is not what it should be; a missing or too large
// number is a kn::Error.
std::string parse_title(std::string_view line);
int parse_number(std::string_view title);
std::string parse_url(std::string_view line);

// Returns the date in a "YYYY-MM-DD_" prefix of the path's file name.
std::optional<Date> date_from_file_name(std::string_view path);

}  // namespace kn
