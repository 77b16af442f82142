// The FTS5 tokenizer "kn": FTS5's side of kn::tokenize. Its callbacks use
// SQLite's types and constants but call no SQLite function, so kn (linked
// with libsqlite3) and the loadable extension libknfts.so (which reaches
// its host's SQLite only through sqlite3ext.h) share them.
#pragma once

#include <sqlite3.h>

namespace kn {

// What the tables that use a registered tokenizer may do with it.
enum class TokenizerUse {
  read_write,  // kn's own connections: index documents and run queries
  read_only,   // other programs: queries, snippets and highlights only
};

// Returns the tokenizer's callbacks, to register with
// fts5_api::xCreateTokenizer under the name "kn", with tokenizer_context(use)
// as its context. A read-only tokenizer refuses to tokenize documents for
// indexing (FTS5_TOKENIZE_DOCUMENT), so an INSERT, UPDATE, DELETE or
// rebuild of the table fails instead of putting kn's derived tables out of
// step with it.
fts5_tokenizer fts5_tokenizer_callbacks();

// Returns the context that tells the tokenizer's instances what use they
// serve; it lives as long as the process.
void* tokenizer_context(TokenizerUse use);

}  // namespace kn
