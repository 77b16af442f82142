// Bytes as HTML: the nesting guard's depth bounds the depth of the tree
// gumbo builds, so that what passes the guard cannot make gumbo slow. The
// bound allows for the elements HTML opens by itself (tbody, a table's
// rows and cells, a list's items, formatting elements reopened), which the
// guard does not count.
#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/html.hpp"
#include "extract/nesting_guard.hpp"

namespace {

constexpr std::size_t kFactor = 4, kSlack = 8;

std::size_t tree_depth(const GumboNode* root) {
  std::size_t deepest = 0;
  std::vector<std::pair<const GumboNode*, std::size_t>> stack{{root, 0}};
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, depth);
    const GumboVector& kids = kn::children(node);
    for (unsigned k = 0; k < kids.length; ++k) stack.emplace_back(kn::child(kids, k), depth + 1);
  }
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  const std::size_t guard = kn::html_nesting_depth(html);
  if (guard > 300) return 0;  // refused anyway; gumbo would take long
  const kn::HtmlDocument document{std::string(html)};
  const std::size_t depth = tree_depth(document.root());
  if (depth > kFactor * guard + kSlack) {
    std::fprintf(stderr, "guard %zu, gumbo %zu\n", guard, depth);
    std::abort();
  }
  return 0;
}
