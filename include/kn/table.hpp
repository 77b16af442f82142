// Rows of cells printed as a terminal table, TSV or CSV.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kn {

// A field of a tab-separated line: no tabs, newlines or control characters.
std::string tsv_field(std::string_view text);

// Rows printed as aligned columns under a header, for a terminal of the
// given width: column `shrink` is cut first to fit, then the widest.
std::string table_for_terminal(const std::vector<std::string>& header,
                               const std::vector<std::vector<std::string>>& rows, std::size_t width,
                               bool color, std::size_t shrink = 0);

// One line of tab-separated cells, each a tsv_field.
std::string tsv_row(const std::vector<std::string>& cells);

// One record of RFC 4180 CSV: cells quoted when they hold a comma, a quote
// or a line break; quotes doubled; ended by CRLF. A cell that begins with
// =, +, -, @, tab or carriage return, which a spreadsheet would evaluate as
// a formula, begins with a ' instead (OWASP's rule).
std::string csv_row(const std::vector<std::string>& cells);

}  // namespace kn
