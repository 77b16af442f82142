// What may be printed of untrusted text (issue files, paths, queries).
#pragma once

#include <string>
#include <string_view>

namespace kn {

// text without control characters (C0, DEL, C1): safe to print on a
// terminal. text must be valid UTF-8.
std::string printable(std::string_view text);

// printable(text), but line breaks are kept (for CSV cells).
std::string printable_keeping_lines(std::string_view text);

}  // namespace kn
