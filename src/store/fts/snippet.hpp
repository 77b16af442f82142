// kn_snippet(entries_fts, column, open, close, ellipsis, tokens) and
// kn_highlight(entries_fts, column, open, close): FTS5's snippet() and
// highlight() with the same arguments and the same results, in time linear
// in the row's matches (snippet() scores every match against every other;
// both copy all they have written at each match).
#pragma once

#include "sqlite/sqlite.hpp"

namespace kn::detail {

// Registers kn_snippet and kn_highlight on db. api: db's FTS5 (fts5_of).
void register_snippet(Database& db, fts5_api* api);

}  // namespace kn::detail
