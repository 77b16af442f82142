// A parsed query compiled into the FTS5 expressions the full-text index
// reads, every term a quoted phrase of kn's tokens. User text never reaches
// FTS5 as syntax.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kn/filters.hpp"
#include "kn/query.hpp"
#include "tokenize/tokenizer.hpp"

namespace kn::detail {

// How many different terms (words and phrases) a query may have: on the
// 16,000-issue benchmark corpus, an OR of 64 common words takes 0.6 s, of
// 128 1.3 s. Repeated terms count once and are searched once.
inline constexpr std::size_t kMaxTerms = 64;

// How many tokens one phrase may have: FTS5 matches a phrase of n tokens
// in time that grows with n at every place its first token stands (a
// phrase of 50,000 words took 9 s).
inline constexpr std::size_t kMaxPhraseTokens = 64;

// A query as the store runs it.
struct Search {
  std::string match;    // the FTS5 expression entries must match; "" for none
  std::string exclude;  // a wholly negative query: the entries to leave out
  Filters filters;
};

// Returns query compiled for the store. Throws QueryError for what FTS5
// cannot express (NOT inside OR, NOT with nothing to subtract from, too
// many terms, too long a phrase, too deep a nesting) and for a query with
// nothing to search for.
Search compile_search(const Query& query);

// Returns term as an FTS5 phrase, given the tokens it becomes; "" without
// tokens.
std::string quoted_phrase(std::string_view term, const std::vector<Token>& tokens);

// Returns the deepest parenthesis nesting of an FTS5 expression, outside
// strings.
int fts5_depth(std::string_view expression);

}  // namespace kn::detail
