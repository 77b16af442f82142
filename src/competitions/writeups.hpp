// What marks a write-up: the words a title or link text announces a
// competition's solution with.
#pragma once

#include <string_view>

namespace kn {

// Tells whether a title or link text announces a write-up: 解法, 振り返り,
// solution, writeup, 1st place, 3位 (not 順位表).
bool is_writeup(std::string_view text);

}  // namespace kn
