#include "chart.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "cells.hpp"
#include "util/sanitize.hpp"

namespace kn {

namespace {

constexpr std::size_t kGap = 2, kLeastBar = 12, kUnlimitedBar = 40;

}  // namespace

std::string bar(std::int64_t value, std::int64_t most, std::size_t cells) {
  static constexpr const char* kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  if (value <= 0 || most <= 0) return {};
  const auto eighths = static_cast<std::size_t>(
      (static_cast<long double>(value) * static_cast<long double>(cells * 8)) /
          static_cast<long double>(most) +
      0.5L);
  std::string out;
  for (std::size_t k = 0; k < eighths / 8; ++k) out += "█";
  out += kEighths[eighths % 8];
  return out.empty() ? "▏" : out;  // a count that is not 0 is seen
}

std::string bar_chart(const std::string& label_name, const std::vector<std::string>& value_names,
                      std::size_t measure, const std::vector<ChartRow>& rows,
                      const Rendering& render) {
  std::size_t label_width = display_width(label_name);
  for (const ChartRow& row : rows)
    label_width = std::max(label_width, display_width(printable(row.label)));
  std::vector<std::size_t> shown(value_names.size());
  std::vector<std::size_t> widths;
  for (std::size_t k = 0; k < value_names.size(); ++k) {
    shown[k] = k;
    std::size_t w = value_names[k].size();
    for (const ChartRow& row : rows) w = std::max(w, std::to_string(row.values[k]).size());
    widths.push_back(w);
  }
  const auto used = [&] {
    std::size_t total = label_width;
    for (const std::size_t k : shown) total += kGap + widths[k];
    return total + kGap;
  };
  if (render.width > 0 && used() + kLeastBar > render.width) shown = {measure};
  const std::size_t cells = render.width == 0       ? kUnlimitedBar
                            : render.width > used() ? render.width - used()
                                                    : 1;
  std::int64_t most = 0;
  for (const ChartRow& row : rows) most = std::max(most, row.values[measure]);
  const auto line = [&](const std::string& label, const std::vector<std::string>& numbers) {
    std::string out = label + std::string(label_width - display_width(label), ' ');
    for (const std::size_t k : shown) out += fmt::format("{:>{}}", numbers[k], widths[k] + kGap);
    return out;
  };
  // The header names what the bar draws, over the bars.
  std::string out =
      paint(line(label_name, value_names) + std::string(kGap, ' ') + "▏" + value_names[measure],
            style::kDim, render.color) +
      '\n';
  for (const ChartRow& row : rows) {
    std::vector<std::string> numbers;
    for (const std::int64_t v : row.values) numbers.push_back(std::to_string(v));
    const std::string drawn = bar(row.values[measure], most, cells);
    out += line(printable(row.label), numbers);
    out += drawn.empty() ? "" : std::string(kGap, ' ') + paint(drawn, style::kLink, render.color);
    out += '\n';
  }
  return out;
}

}  // namespace kn
