#include "tokenizer.hpp"

#include <fmt/core.h>

#include "kn/error.hpp"
#include "tokenize/fts5/fts5_tokenizer.hpp"

namespace kn::detail {

fts5_api* fts5_of(Database& db) {
  fts5_api* api = nullptr;
  Statement get(db, "SELECT fts5(?1)");
  get.bind_pointer(1, &api, "fts5_api_ptr");
  get.step();
  if (!api) throw Error(fmt::format("{}: this SQLite has no FTS5", db.path()));
  return api;
}

void register_tokenizer(Database& db, fts5_api* api) {
  fts5_tokenizer tokenizer = fts5_tokenizer_callbacks();
  if (api->xCreateTokenizer(api, "kn", tokenizer_context(TokenizerUse::read_write), &tokenizer,
                            nullptr) != SQLITE_OK) {
    db.fail();
  }
}

void register_tokenizer(Database& db) { register_tokenizer(db, fts5_of(db)); }

}  // namespace kn::detail
