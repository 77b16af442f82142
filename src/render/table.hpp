// Rows of cells printed as a terminal table, TSV or CSV.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "terminal.hpp"

namespace kn {

// Returns a field of a tab-separated line: printable(), so no tabs, newlines
// or control characters.
std::string tsv_field(std::string_view text);

// How a column of a terminal table gives way when the table is too wide.
// First a shrink column (an issue list) is cut with "…", then shrink and
// drop columns (counts, dates) go, the one with the highest `gives` first;
// then wrap columns (names, titles) narrow and wrap onto more lines; then a
// keep column (a URL), never cut nor wrapped, moves onto a line of its own
// under its row, where it may overflow; what that frees comes back.
enum class Fit { keep, wrap, shrink, drop };

struct Column {
  std::string header;
  Fit fit = Fit::keep;
  int gives = 0;
  bool right = false;               // align right (numbers)
  std::optional<std::size_t> link;  // the column whose cell this cell links to
};

// Rows under a header, fitted to render.width (0: each column as wide as
// its widest cell).
std::string table_for_terminal(const std::vector<Column>& columns,
                               const std::vector<std::vector<std::string>>& rows,
                               const Rendering& render);

// Returns one line of tab-separated cells, each a tsv_field.
std::string tsv_row(const std::vector<std::string>& cells);

// Returns tsv_row(cells), the cells of the columns names calls "url" made
// OSC 8 hyperlinks to themselves when hyperlinks is on.
std::string tsv_row(const std::vector<std::string>& cells, const std::vector<std::string>& names,
                    bool hyperlinks);

// Returns one record of RFC 4180 CSV: cells quoted when they hold a comma, a
// quote or a line break; quotes doubled; ended by CRLF. A cell that begins
// with =, +, -, @, tab or carriage return, which a spreadsheet would evaluate
// as a formula, begins with a ' instead (OWASP's rule).
std::string csv_row(const std::vector<std::string>& cells);

}  // namespace kn
