#include "fts_snippet.hpp"

#include "fts_tokenizer.hpp"

namespace kn::detail {

namespace {

void kn_snippet_column(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int,
                       sqlite3_value**) {
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  int only = -1;
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (i > 0 && column != only) {
      only = -1;
      break;
    }
    only = column;
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  sqlite3_result_int(result, only);
}

}  // namespace

void register_snippet_column(Database& db, fts5_api* api) {
  if (api->xCreateFunction(api, "kn_snippet_column", nullptr, kn_snippet_column, nullptr) !=
      SQLITE_OK) {
    db.fail();
  }
}

}  // namespace kn::detail
