// Small ASCII text helpers shared by modules that compare or split names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kn {

// s with A-Z lower-cased; every other byte as it is.
std::string ascii_lower(std::string_view s);

// The pieces of s between each separator (one piece when there is none;
// empty pieces kept).
std::vector<std::string_view> split(std::string_view s, char separator);

}  // namespace kn
