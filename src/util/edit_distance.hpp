// How far apart two words are, and which known word a slip of the fingers
// meant: "did you mean" for commands, options and values.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kn {

// Returns the optimal string alignment distance between a and b, in bytes:
// the fewest insertions, deletions, substitutions and swaps of two
// neighbours.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Returns the candidate nearest to word by edit distance, if near enough to
// be what was meant; "" when none is.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kn
