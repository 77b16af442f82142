// What the commands share for printing: rows as a table, TSV or JSON Lines
// (through render/pager.hpp), and the footer that says what was left out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "kn/error.hpp"
#include "render/pager.hpp"
#include "render/table.hpp"
#include "render/terminal.hpp"
#include "util/json.hpp"

namespace kn::detail {

// Returns a date as JSON: the string, or null.
inline void date_value(JsonWriter& json, const char* key, const std::optional<std::string>& date) {
  json.key(key).nullable(date);
}

// What a table is on a terminal and what its TSV header says.
struct TableSpec {
  std::vector<Column> columns;
  std::vector<std::string> tsv_header;
};

// Prints rows as the format says: a table, TSV (with a header line when
// asked), or JSON Lines made by to_json; kExitNoResults when there are none.
template <typename Row, typename Cells, typename ToJson>
int print_rows(const std::vector<Row>& rows, const Output& out, const TableSpec& spec, Cells cells,
               ToJson to_json) {
  if (out.format == Format::json) {
    for (const Row& row : rows) {
      JsonWriter json;
      to_json(json, row);
      write_stdout(json.str() + '\n');
    }
  } else if (out.format == Format::tsv) {
    if (out.header) write_stdout(tsv_row(spec.tsv_header));
    for (const Row& row : rows) {
      write_stdout(tsv_row(cells(row), spec.tsv_header, out.render.hyperlinks));
    }
  } else if (!rows.empty()) {
    std::vector<std::vector<std::string>> table;
    for (const Row& row : rows) table.push_back(cells(row));
    write_stdout(table_for_terminal(spec.columns, table, out.render));
  }
  return rows.empty() ? kExitNoResults : kExitOk;
}

// Returns the line that says a listing was cut: "20 of 270 hits (--limit N;
// --limit 0 for all)"; empty when nothing was left out.
std::string left_out_footer(std::size_t first, std::size_t shown, std::int64_t total,
                            std::string_view what);

// Returns footer as dim lines wrapped to the width.
std::string footer_lines(std::string_view footer, const Rendering& render);

}  // namespace kn::detail
