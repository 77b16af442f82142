#include "fts5_tokenizer.hpp"

#include <array>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "tokenize/tokenizer.hpp"

namespace kn {

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
  TokenizerUse use = TokenizerUse::read_write;
  std::array<Tokenized, 4> recent;
  std::size_t next = 0;  // the slot the next text goes into
};

// The contexts tokenizer_context() hands out, one per use.
constexpr std::array<TokenizerUse, 2> kUses{TokenizerUse::read_write, TokenizerUse::read_only};

int create(void* context, const char**, int, Fts5Tokenizer** out) {
  Instance* instance = new (std::nothrow) Instance;
  if (!instance) return SQLITE_NOMEM;
  if (context) instance->use = *static_cast<const TokenizerUse*>(context);
  *out = reinterpret_cast<Fts5Tokenizer*>(instance);
  return SQLITE_OK;
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

int run(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int length,
        Emit emit) {
  const std::string_view view(text, static_cast<std::size_t>(length));
  Instance& instance = *reinterpret_cast<Instance*>(tokenizer);
  try {
    if (flags == FTS5_TOKENIZE_AUX) return run_aux(instance, context, view, emit);
    if ((flags & FTS5_TOKENIZE_DOCUMENT) && instance.use == TokenizerUse::read_only) {
      return SQLITE_READONLY;
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

fts5_tokenizer fts5_tokenizer_callbacks() { return {create, destroy, run}; }

void* tokenizer_context(TokenizerUse use) {
  // FTS5 takes the context as void*, yet only ever passes it back to create.
  return const_cast<TokenizerUse*>(&kUses[use == TokenizerUse::read_only ? 1 : 0]);
}

}  // namespace kn
