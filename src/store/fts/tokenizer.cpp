#include "tokenizer.hpp"

#include <fmt/core.h>

#include <array>
#include <new>
#include <string>
#include <vector>

#include "kn/error.hpp"
#include "tokenize/tokenizer.hpp"

namespace kn::detail {

namespace {

// The tokens of one text, as FTS5 was given them.
struct Tokenized {
  std::string text;
  std::string bytes;  // the tokens' text, one after another
  struct Span {
    std::size_t length;
    int start, end;
  };
  std::vector<Span> tokens;
  bool complete = false;  // false: nothing held (or a callback stopped it)
};

// FTS5's snippet() tokenizes the column it shows twice, once to score its
// windows and once to write the chosen one: the second time, the tokens of
// the last few texts an auxiliary function had cut are replayed instead.
// A table's tokenizer serves one connection, so this needs no lock.
struct Instance {
  std::array<Tokenized, 4> recent;
  std::size_t next = 0;  // the slot the next text goes into
};

int create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new (std::nothrow) Instance);
  return *out ? SQLITE_OK : SQLITE_NOMEM;
}

void destroy(Fts5Tokenizer* instance) { delete reinterpret_cast<Instance*>(instance); }

using Emit = int (*)(void*, int, const char*, int, int, int);

int replay(const Tokenized& cut, void* context, Emit emit) {
  std::size_t at = 0;
  for (const Tokenized::Span& token : cut.tokens) {
    const int rc = emit(context, 0, cut.bytes.data() + at, static_cast<int>(token.length),
                        token.start, token.end);
    if (rc != SQLITE_OK) return rc;
    at += token.length;
  }
  return SQLITE_OK;
}

// Tokenizes text for an auxiliary function, replaying a recent text's tokens.
int run_aux(Instance& instance, void* context, std::string_view text, Emit emit) {
  for (const Tokenized& cut : instance.recent) {
    if (cut.complete && cut.text == text) return replay(cut, context, emit);
  }
  Tokenized& cut = instance.recent[instance.next];
  instance.next = (instance.next + 1) % instance.recent.size();
  cut.complete = false;
  cut.text = text;
  cut.bytes.clear();
  cut.tokens.clear();
  const int rc = tokenize(text, TokenizeMode::document, [&](const Token& token) {
    if (token.colocated) return 0;  // snippet() and highlight() pass them over
    cut.bytes += token.text;
    cut.tokens.push_back({token.text.size(), token.start, token.end});
    return emit(context, 0, token.text.data(), static_cast<int>(token.text.size()), token.start,
                token.end);
  });
  cut.complete = rc == SQLITE_OK;
  return rc;
}

int run(Fts5Tokenizer* instance, void* context, int flags, const char* text, int length,
        Emit emit) {
  const std::string_view view(text, static_cast<std::size_t>(length));
  try {
    if (flags == FTS5_TOKENIZE_AUX) {
      return run_aux(*reinterpret_cast<Instance*>(instance), context, view, emit);
    }
    const TokenizeMode mode =
        (flags & FTS5_TOKENIZE_QUERY) ? TokenizeMode::query : TokenizeMode::document;
    return tokenize(view, mode, [&](const Token& token) {
      return emit(context, token.colocated ? FTS5_TOKEN_COLOCATED : 0, token.text.data(),
                  static_cast<int>(token.text.size()), token.start, token.end);
    });
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

}  // namespace

fts5_api* fts5_of(Database& db) {
  fts5_api* api = nullptr;
  Statement get(db, "SELECT fts5(?1)");
  get.bind_pointer(1, &api, "fts5_api_ptr");
  get.step();
  if (!api) throw Error(fmt::format("{}: this SQLite has no FTS5", db.path()));
  return api;
}

void register_tokenizer(Database& db, fts5_api* api) {
  fts5_tokenizer tokenizer{create, destroy, run};
  if (api->xCreateTokenizer(api, "kn", nullptr, &tokenizer, nullptr) != SQLITE_OK) db.fail();
}

void register_tokenizer(Database& db) { register_tokenizer(db, fts5_of(db)); }

}  // namespace kn::detail
