// A parsed HTML document (gumbo, owned) and the guard that keeps hostile
// nesting away from the parser.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace kn {

// Deeper than any real page; gumbo's time grows with depth squared and its
// tree code recurses, so deeper input is refused before it reaches gumbo.
inline constexpr std::size_t kMaxHtmlDepth = 1000;

// An upper bound on how deeply the elements of html nest, found by a cheap
// scan of its tags (void and self-closing elements, and elements HTML closes
// implicitly such as <p> and <li>, do not count).
std::size_t html_nesting_depth(std::string_view html);

class HtmlDocument {
 public:
  // Parses html, which must be valid UTF-8.
  explicit HtmlDocument(std::string html);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const { return output_->root; }

 private:
  std::string html_;  // gumbo keeps pointers into it
  GumboOutput* output_;
};

// Node helpers over gumbo's tree.
bool is_element(const GumboNode* node, GumboTag tag);
// The attribute's value, or nullptr when the element does not have it.
const char* attribute(const GumboNode* node, const char* name);

}  // namespace kn
