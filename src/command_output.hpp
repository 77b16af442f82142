// What the commands share for printing: stdout, and rows as a table, TSV
// or JSON Lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kn/commands.hpp"
#include "kn/error.hpp"
#include "kn/json.hpp"
#include "kn/table.hpp"
#include "kn/terminal.hpp"

namespace kn::detail {

// Writes text to stdout. Throws kn::Error ("stdout: No space left on
// device") when the write fails, and StdoutClosed when the reader went
// away (EPIPE, with SIGPIPE ignored), which ends kn quietly.
void write_stdout(std::string_view text);

// Flushes and closes stdout, checked like every write: a full disk often
// shows only here.
void finish_stdout();

struct StdoutClosed {};

// A date as JSON: the string, or null.
inline void date_value(JsonWriter& json, const char* key, const std::optional<std::string>& date) {
  json.key(key).nullable(date);
}

// Prints rows as the format says: a table with header, TSV, or JSON Lines
// made by to_json; kExitNoResults when there are none.
// shrink: the column of the table to cut first when it is too wide.
template <typename Row, typename Cells, typename ToJson>
int print_rows(const std::vector<Row>& rows, Format format, bool color,
               const std::vector<std::string>& header, std::size_t shrink, Cells cells,
               ToJson to_json) {
  if (format == Format::json) {
    for (const Row& row : rows) {
      JsonWriter json;
      to_json(json, row);
      write_stdout(json.str() + '\n');
    }
  } else if (format == Format::tsv) {
    for (const Row& row : rows) write_stdout(tsv_row(cells(row)));
  } else if (!rows.empty()) {
    std::vector<std::vector<std::string>> table;
    for (const Row& row : rows) table.push_back(cells(row));
    write_stdout(table_for_terminal(header, table, terminal_width(), color, shrink));
  }
  return rows.empty() ? kExitNoResults : kExitOk;
}

}  // namespace kn::detail
