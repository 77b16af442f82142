// The FTS5 tokenizer "kn": FTS5's side of kn::tokenize.
#pragma once

#include "sqlite/sqlite.hpp"

namespace kn::detail {

// Registers the tokenizer with db's FTS5, so that tables declared with
// tokenize = 'kn' (or 'porter kn') cut text as the store compiles queries.
void register_tokenizer(Database& db);
// Registers it the same way with db's FTS5 at hand (fts5_of), for a caller
// registering more.
void register_tokenizer(Database& db, fts5_api* api);

// Returns db's FTS5 (kn::Error when this SQLite has none): asked once per
// connection by whoever registers several things with it.
fts5_api* fts5_of(Database& db);

}  // namespace kn::detail
