#include "table.hpp"

#include <algorithm>
#include <numeric>

#include "cells.hpp"
#include "line_break.hpp"
#include "util/sanitize.hpp"

namespace kn {

namespace {

constexpr std::size_t kGap = 2, kSpillIndent = 2, kNarrowest = 6, kNarrowestWrap = 20;

struct Layout {
  std::vector<std::size_t> widths;
  std::vector<bool> shown;    // on the row's first line
  std::vector<bool> spilled;  // on a line of its own under it
};

std::size_t line_width(const Layout& layout) {
  std::size_t total = 0, count = 0;
  for (std::size_t k = 0; k < layout.widths.size(); ++k) {
    if (layout.shown[k]) total += layout.widths[k], ++count;
  }
  return count ? total + kGap * (count - 1) : 0;
}

// The columns that may give way, the first to give first.
std::vector<std::size_t> giving_order(const std::vector<Column>& columns) {
  std::vector<std::size_t> order(columns.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return columns[a].gives > columns[b].gives;
  });
  return order;
}

std::size_t least_width(const Column& column) {
  const std::size_t header = display_width(column.header);
  return std::max(column.fit == Fit::wrap ? kNarrowestWrap : kNarrowest, header);
}

// Narrows the wrap columns, the widest first, until the line fits or none
// can narrow further.
void narrow_wrapping(const std::vector<Column>& columns, Layout& layout, std::size_t width) {
  while (line_width(layout) > width) {
    std::size_t widest = columns.size();
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (!layout.shown[k] || columns[k].fit != Fit::wrap ||
          layout.widths[k] <= least_width(columns[k])) {
        continue;
      }
      if (widest == columns.size() || layout.widths[k] > layout.widths[widest]) widest = k;
    }
    if (widest == columns.size()) return;
    layout.widths[widest] -=
        std::min(layout.widths[widest] - least_width(columns[widest]), line_width(layout) - width);
  }
}

// What three in four of a column's cells (and its header) need, from their
// widths.
std::size_t typical_width(std::size_t header, std::vector<std::size_t> cells) {
  if (cells.empty()) return header;
  std::sort(cells.begin(), cells.end());
  return std::max(header, cells[(cells.size() * 3 + 3) / 4 - 1]);
}

// Each cell measured once: every column as wide as its widest cell, all
// shown; typical gets what three in four of each column's cells need.
Layout measured(const std::vector<Column>& columns,
                const std::vector<std::vector<std::string>>& rows,
                std::vector<std::size_t>& typical) {
  Layout layout{
      {}, std::vector<bool>(columns.size(), true), std::vector<bool>(columns.size(), false)};
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const std::size_t header = display_width(columns[k].header);
    std::vector<std::size_t> cells;
    for (const auto& row : rows) cells.push_back(display_width(row[k]));
    layout.widths.push_back(
        std::max(header, cells.empty() ? 0 : *std::max_element(cells.begin(), cells.end())));
    typical.push_back(typical_width(header, std::move(cells)));
  }
  return layout;
}

// Columns that may give way do, in the order they give: those that cut
// shrink to their least width, then those that cut or drop are hidden.
void shrink_and_drop(const std::vector<Column>& columns, const std::vector<std::size_t>& order,
                     Layout& layout, std::size_t width) {
  for (const std::size_t k : order) {
    if (columns[k].fit != Fit::shrink || line_width(layout) <= width) continue;
    if (layout.widths[k] <= least_width(columns[k])) continue;
    layout.widths[k] -=
        std::min(layout.widths[k] - least_width(columns[k]), line_width(layout) - width);
  }
  for (const std::size_t k : order) {
    const bool gives = columns[k].fit == Fit::shrink || columns[k].fit == Fit::drop;
    if (gives && line_width(layout) > width) layout.shown[k] = false;
  }
}

// A column that neither cuts nor wraps (a URL) moves under its row, the
// last first, while more than one is left on the line: only its cells too
// wide for what is left when most fit, else all of them.
void spill_unbroken(const std::vector<Column>& columns, const std::vector<std::size_t>& typical,
                    Layout& layout, std::size_t width) {
  for (std::size_t k = columns.size(); k-- > 0 && line_width(layout) > width;) {
    if (!layout.shown[k] || columns[k].fit != Fit::keep) continue;
    // A narrow column (a count, an issue number) frees little under its row.
    if (layout.widths[k] <= kNarrowestWrap) continue;
    const std::size_t others = line_width(layout) - layout.widths[k];
    const std::size_t room = width > others ? width - others : 0;
    // As wide as three in four of its cells need, when that fits; the
    // rest go under their rows.
    if (room >= least_width(columns[k]) && typical[k] <= room) {
      layout.widths[k] = std::max(least_width(columns[k]), typical[k]);
      continue;
    }
    if (std::count(layout.shown.begin(), layout.shown.end(), true) < 2) break;
    layout.shown[k] = false;
    layout.spilled[k] = true;
  }
}

// What a spilled column made room for goes to the wrapped and cut columns,
// up to their natural width (a name whole on its line beats a count), then
// brings back what gave way, the last to go first.
void give_back(const std::vector<Column>& columns, const std::vector<std::size_t>& order,
               const std::vector<std::size_t>& natural, Layout& layout, std::size_t width) {
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const bool widens = columns[k].fit == Fit::wrap || columns[k].fit == Fit::shrink;
    const std::size_t used = line_width(layout);
    if (layout.shown[k] && widens && used < width && natural[k] > layout.widths[k]) {
      layout.widths[k] = std::min(natural[k], layout.widths[k] + width - used);
    }
  }
  for (auto k = order.rbegin(); k != order.rend(); ++k) {
    if (layout.shown[*k] || layout.spilled[*k]) continue;
    layout.shown[*k] = true;
    if (line_width(layout) > width) layout.shown[*k] = false;
  }
}

Layout fit(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
           std::size_t width) {
  std::vector<std::size_t> typical;
  Layout layout = measured(columns, rows, typical);
  if (width == 0) return layout;
  const std::vector<std::size_t> natural = layout.widths;
  const std::vector<std::size_t> order = giving_order(columns);
  shrink_and_drop(columns, order, layout, width);
  narrow_wrapping(columns, layout, width);
  spill_unbroken(columns, typical, layout, width);
  give_back(columns, order, natural, layout, width);
  return layout;
}

std::string cell_text(const Column& column, const std::vector<std::string>& row,
                      const std::string& text, const Rendering& render) {
  return column.link ? hyperlink(text, row[*column.link], render.hyperlinks) : text;
}

// The lines a cell takes in its column.
std::vector<std::string> cell_lines(const Column& column, const std::string& text,
                                    std::size_t width) {
  switch (column.fit) {
    case Fit::wrap: return wrap_text(text, width);
    case Fit::shrink: return {truncate_to_width(text, width)};
    default: return {text};
  }
}

// One row (or the header): its lines, then its spilled columns.
std::string render_row(const std::vector<Column>& columns, const std::vector<std::string>& row,
                       const Layout& layout, const Rendering& render, bool header) {
  std::vector<std::size_t> shown;
  std::vector<std::vector<std::string>> cells;
  std::size_t height = 1;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (!layout.shown[k]) continue;
    shown.push_back(k);
    cells.push_back(header ? std::vector<std::string>{row[k]}
                           : cell_lines(columns[k], row[k], layout.widths[k]));
    height = std::max(height, cells.back().size());
  }
  std::string out;
  for (std::size_t l = 0; l < height; ++l) {
    std::string line;
    for (std::size_t n = 0; n < shown.size(); ++n) {
      const std::size_t k = shown[n];
      const bool last = n + 1 == shown.size();
      std::string text = l < cells[n].size() ? cells[n][l] : "";
      if (!header && display_width(text) > layout.widths[k] && columns[k].fit == Fit::keep) {
        text.clear();  // under the row, with the spilled columns
      }
      const std::size_t pad = layout.widths[k] - std::min(layout.widths[k], display_width(text));
      if (columns[k].right) line += std::string(pad, ' ');
      line += header || text.empty() ? text : cell_text(columns[k], row, text, render);
      if (!columns[k].right && !last) line += std::string(pad, ' ');
      if (!last) line += std::string(kGap, ' ');
    }
    while (line.ends_with(' ')) line.pop_back();
    out += paint(line, header ? style::kDim : "", render.color) + '\n';
  }
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const bool too_wide = !header && layout.shown[k] && columns[k].fit == Fit::keep &&
                          display_width(row[k]) > layout.widths[k];
    if (!(layout.spilled[k] || too_wide) || row[k].empty()) continue;
    if (!header && is_url(row[k]) && columns[k].link) {
      out += url_line(row[k], row[*columns[k].link], kSpillIndent, render, "");
      continue;
    }
    const std::size_t room = render.width > kSpillIndent ? render.width - kSpillIndent : 0;
    for (const std::string& piece : wrap_field(row[k], room)) {
      const std::string text = header ? piece : cell_text(columns[k], row, piece, render);
      out += std::string(kSpillIndent, ' ') + paint(text, header ? style::kDim : "", render.color) +
             '\n';
    }
  }
  return out;
}

}  // namespace

std::string tsv_field(std::string_view text) { return printable(text); }

std::string table_for_terminal(const std::vector<Column>& columns,
                               const std::vector<std::vector<std::string>>& rows,
                               const Rendering& render) {
  std::vector<std::vector<std::string>> clean;
  for (const auto& row : rows) {
    auto& out = clean.emplace_back();
    for (std::size_t k = 0; k < columns.size(); ++k)
      out.push_back(k < row.size() ? printable(row[k]) : "");
  }
  std::vector<std::string> header;
  for (const Column& c : columns) header.push_back(c.header);
  const Layout layout = fit(columns, clean, render.width);
  std::string out = render_row(columns, header, layout, render, true);
  for (const auto& row : clean) out += render_row(columns, row, layout, render, false);
  return out;
}

std::string tsv_row(const std::vector<std::string>& cells) { return tsv_row(cells, {}, false); }

std::string tsv_row(const std::vector<std::string>& cells, const std::vector<std::string>& names,
                    bool hyperlinks) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k) out += '\t';
    const bool url = hyperlinks && k < names.size() && names[k] == "url";
    out += url ? hyperlink(tsv_field(cells[k]), cells[k], true) : tsv_field(cells[k]);
  }
  return out + '\n';
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k) out += ',';
    std::string cell = printable_keeping_lines(cells[k]);
    // A spreadsheet evaluates a cell that starts like a formula (OWASP's
    // CSV injection), spaces before it or not: a leading quote keeps it text.
    const std::size_t first = cell.find_first_not_of(' ');
    if (first != std::string::npos &&
        std::string_view("=+-@").find(cell[first]) != std::string_view::npos) {
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
