// The FTS5 tokenizer "kn": FTS5's side of kn::tokenize.
#pragma once

#include "kn/sqlite.hpp"

namespace kn::detail {

// Registers the tokenizer with db's FTS5, so that tables declared with
// tokenize = 'kn' (or 'porter kn') cut text as the query translator does.
void register_tokenizer(Database& db);

// db's FTS5 (kn::Error when this SQLite has none).
fts5_api* fts5_of(Database& db);

}  // namespace kn::detail
