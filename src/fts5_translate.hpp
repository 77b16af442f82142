// A parsed query tree written as FTS5 expressions, every term a quoted
// phrase of kn's tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kn/tokenizer.hpp"
#include "query_parser.hpp"

namespace kn::detail {

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
