#include "kn/table.hpp"

#include <algorithm>

#include "kn/sanitize.hpp"
#include "kn/terminal.hpp"

namespace kn {

std::string tsv_field(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return printable(spaced);
}

std::string table_for_terminal(const std::vector<std::string>& header,
                               const std::vector<std::vector<std::string>>& rows, std::size_t width,
                               bool color, std::size_t shrink) {
  constexpr std::size_t kGap = 2;
  std::vector<std::size_t> widths;
  for (const std::string& cell : header) widths.push_back(display_width(cell));
  std::vector<std::vector<std::string>> clean;
  for (const auto& row : rows) {
    auto& out = clean.emplace_back();
    for (std::size_t k = 0; k < row.size() && k < widths.size(); ++k) {
      out.push_back(tsv_field(row[k]));
      widths[k] = std::max(widths[k], display_width(out.back()));
    }
  }
  // Cut the chosen column, then the widest, until the line fits (but
  // never below 8 columns).
  std::size_t total = 0;
  for (const std::size_t w : widths) total += w + kGap;
  for (bool first = true; total > width + kGap; first = false) {
    const auto column = first && shrink < widths.size()
                            ? widths.begin() + static_cast<std::ptrdiff_t>(shrink)
                            : std::max_element(widths.begin(), widths.end());
    if (*column <= 8) {
      if (first) continue;
      break;
    }
    const std::size_t cut = std::min(*column - 8, total - width - kGap);
    *column -= cut;
    total -= cut;
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const std::string cell = truncate_to_width(cells[k], widths[k]);
      out += cell;
      if (k + 1 < cells.size()) out += std::string(widths[k] - display_width(cell) + kGap, ' ');
    }
    return out;
  };
  std::string out = paint(line(header), style::kDim, color) + '\n';
  for (const auto& row : clean) out += line(row) + '\n';
  return out;
}

std::string tsv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k) out += '\t';
    out += tsv_field(cells[k]);
  }
  return out + '\n';
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k) out += ',';
    std::string cell = printable_keeping_lines(cells[k]);
    // A spreadsheet evaluates a cell that starts like a formula (OWASP's
    // CSV injection): a leading quote keeps it text.
    if (!cell.empty() &&
        std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
      cell.insert(0, 1, '\'');
    }
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (const char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\r\n";
}

}  // namespace kn
