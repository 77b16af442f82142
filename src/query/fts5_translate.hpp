// A parsed query tree written as FTS5 expressions, every term a quoted
// phrase of kn's tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parser.hpp"
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

struct Translation {
  std::string match;    // what entries must match; "" when only negative
  std::string exclude;  // a wholly negative query: what to leave out
  std::string tree;     // the explanation of the parsed tree, for --explain
};

// root translated; text is the query it was parsed from, for messages.
// Throws QueryError for what FTS5 cannot express (NOT inside OR, NOT with
// nothing to subtract from).
Translation translate(const Node& root, std::string_view text);

// term as an FTS5 phrase, given the tokens it becomes; "" without tokens.
std::string quoted_phrase(std::string_view term, const std::vector<Token>& tokens);

// The deepest parenthesis nesting of an FTS5 expression, outside strings.
int fts5_depth(std::string_view expression);

}  // namespace kn::detail
