// kn_snippet_column(entries_fts): the column FTS5's snippet() is to read.
// Given -1, snippet() tokenizes every column to score its windows, even
// those without a match; when the matches all lie in one column, naming it
// gives the same snippet and tokenizes only that column.
#pragma once

#include "kn/sqlite.hpp"

namespace kn::detail {

// The column holding all the current row's matches, or -1 (none, or
// several columns): snippet()'s own choice among all of them.
// api: db's FTS5 (fts5_of).
void register_snippet_column(Database& db, fts5_api* api);

}  // namespace kn::detail
