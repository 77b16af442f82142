// libknfts.so: kn's tokenizer as a loadable SQLite extension, so that the
// sqlite3 shell, Python's sqlite3, sqlite-utils or datasette can search a
// database kn made (.load .../libknfts.so). It registers the FTS5 tokenizer
// "kn", read-only, and nothing else: the table's rank is FTS5's own bm25
// with kn's weights, so ORDER BY rank needs no kn function. It reaches the
// host's SQLite only through sqlite3ext.h's routines, so a host with its own
// SQLite never gets a second one. SQLite derives the entry point's name,
// sqlite3_knfts_init, from the file's.
#include <sqlite3ext.h>

#include <memory>

#include "tokenize/fts5/fts5_tokenizer.hpp"

SQLITE_EXTENSION_INIT1

namespace {

struct Finalize {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

// Returns db's FTS5, or nullptr when its SQLite has none.
fts5_api* fts5_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &raw, nullptr) != SQLITE_OK) return nullptr;
  const std::unique_ptr<sqlite3_stmt, Finalize> get(raw);
  sqlite3_bind_pointer(get.get(), 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(get.get());
  return api;
}

}  // namespace

extern "C" int sqlite3_knfts_init(sqlite3* db, char** error, const sqlite3_api_routines* routines) {
  SQLITE_EXTENSION_INIT2(routines);
  fts5_api* api = fts5_of(db);
  if (!api) {
    *error = sqlite3_mprintf("knfts: this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  fts5_tokenizer tokenizer = kn::fts5_tokenizer_callbacks();
  return api->xCreateTokenizer(api, "kn", kn::tokenizer_context(kn::TokenizerUse::read_only),
                               &tokenizer, nullptr);
}
