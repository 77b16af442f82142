#include "output.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "render/line_break.hpp"

namespace kn::detail {

std::string footer_lines(std::string_view footer, const Rendering& render) {
  std::string out;
  for (const std::string& line : wrap_text(footer, render.width)) {
    out += paint(line, style::kDim, render.color) + '\n';
  }
  return out;
}

std::string left_out_footer(std::size_t first, std::size_t shown, std::int64_t total,
                            std::string_view what) {
  const auto all = static_cast<std::size_t>(std::max<std::int64_t>(total, 0));
  if (first == 0 && shown >= all) return {};
  if (first == 0) {
    return fmt::format("{} of {} {} (--limit N; --limit 0 for all)", shown, all, what);
  }
  return fmt::format("{}–{} of {} {} (--offset, --limit N; --limit 0 for all)", first + 1,
                     first + shown, all, what);
}

}  // namespace kn::detail
