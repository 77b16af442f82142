// Small ASCII text helpers shared by modules that compare, split or read
// names and numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kn {

constexpr bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
constexpr bool is_ascii_hex(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Returns s with A-Z lower-cased; every other byte as it is.
std::string ascii_lower(std::string_view s);

// Returns the pieces of s between each separator (one piece when there is
// none; empty pieces kept).
std::vector<std::string_view> split(std::string_view s, char separator);

// Returns s as a non-negative int when all of it is decimal digits that fit
// one; nullopt otherwise (empty, a sign, another byte, too large).
std::optional<int> parse_natural(std::string_view s);

}  // namespace kn
