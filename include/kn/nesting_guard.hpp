// The guard that keeps hostile nesting away from the HTML parser.
#pragma once

#include <cstddef>
#include <string_view>

namespace kn {

// Deeper than any real page; gumbo's time grows with depth squared and its
// tree code recurses, so deeper input is refused before it reaches gumbo.
inline constexpr std::size_t kMaxHtmlDepth = 1000;

// An upper bound on how deeply the elements of html nest, found by a cheap
// scan of its tags (void and self-closing elements, and elements HTML closes
// implicitly such as <p> and <li>, do not count).
std::size_t html_nesting_depth(std::string_view html);

}  // namespace kn
