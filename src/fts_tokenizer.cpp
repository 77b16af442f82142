#include "fts_tokenizer.hpp"

#include <fmt/core.h>

#include <new>

#include "kn/error.hpp"
#include "kn/tokenizer.hpp"

namespace kn::detail {

namespace {

Fts5Tokenizer* the_tokenizer() {
  static int instance;  // stateless: any non-null handle will do
  return reinterpret_cast<Fts5Tokenizer*>(&instance);
}

int create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = the_tokenizer();
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {}

int run(Fts5Tokenizer*, void* context, int flags, const char* text, int length,
        int (*emit)(void*, int, const char*, int, int, int)) {
  const TokenizeMode mode =
      (flags & FTS5_TOKENIZE_QUERY) ? TokenizeMode::query : TokenizeMode::document;
  try {
    return tokenize(std::string_view(text, static_cast<std::size_t>(length)), mode,
                    [&](const Token& token) {
                      return emit(context, 0, token.text.data(),
                                  static_cast<int>(token.text.size()), token.start, token.end);
                    });
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

}  // namespace

void register_tokenizer(Database& db) {
  fts5_api* api = nullptr;
  {
    Statement get(db, "SELECT fts5(?1)");
    sqlite3_bind_pointer(get.handle(), 1, &api, "fts5_api_ptr", nullptr);
    get.step();
  }
  if (!api) throw Error(fmt::format("{}: this SQLite has no FTS5", db.path()));
  fts5_tokenizer tokenizer{create, destroy, run};
  if (api->xCreateTokenizer(api, "kn", nullptr, &tokenizer, nullptr) != SQLITE_OK) db.fail();
}

}  // namespace kn::detail
