// What the commands share for printing: stdout (through a pager when the
// output is taller than the terminal), and rows as a table, TSV or JSON
// Lines.
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

// From here on, output waits until it is taller than the terminal; then it
// goes through the pager ($KN_PAGER, else $PAGER, else less -R; empty or
// cat: none), as git's does. Shorter output goes to stdout at the end.
void page_output();

// Flushes and closes stdout, checked like every write (a full disk often
// shows only here), and waits for the pager.
void finish_stdout();

// After an error or a closed pipe: what waited for a pager goes out, and
// the pager is waited for, without checks. Returns what to say when the
// pager could not run or failed (then not all was shown).
std::optional<std::string> abandon_stdout();

struct StdoutClosed {};

// A date as JSON: the string, or null.
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
    for (const Row& row : rows) write_stdout(tsv_row(cells(row)));
  } else if (!rows.empty()) {
    std::vector<std::vector<std::string>> table;
    for (const Row& row : rows) table.push_back(cells(row));
    write_stdout(table_for_terminal(spec.columns, table, out.render));
  }
  return rows.empty() ? kExitNoResults : kExitOk;
}

// The line that says a listing was cut: "20 of 270 hits (--limit N;
// --limit 0 for all)"; empty when nothing was left out.
std::string left_out_footer(std::size_t first, std::size_t shown, std::int64_t total,
                            std::string_view what);

// footer as dim lines wrapped to the width.
std::string footer_lines(std::string_view footer, const Rendering& render);

}  // namespace kn::detail
