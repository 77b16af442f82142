// The guard that keeps hostile nesting away from the HTML parser.
#pragma once

#include <cstddef>
#include <string_view>

namespace kn {

// Deeper than any real page; gumbo's time grows with depth squared and its
// tree code recurses, so deeper input is refused before it reaches gumbo.
inline constexpr std::size_t kMaxHtmlDepth = 1000;

// Returns an upper bound on how deeply the elements of html nest, found by a
// cheap scan of its tags (void elements and those HTML closes before they
// could hold themselves, such as <p>, do not count; an <li> that follows an
// <li> takes its place).
std::size_t html_nesting_depth(std::string_view html);

}  // namespace kn
