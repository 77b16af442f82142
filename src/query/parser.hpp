// The query language's grammar: lexemes into a tree of terms, AND, OR and
// NOT, with the filters collected on the side.
//
//   query   = any_of
//   any_of  = all_of { "OR" all_of }
//   all_of  = unary { ["AND"] unary }
//   unary   = ("-" | "NOT") unary | primary
//   primary = "(" any_of ")" | word | "phrase" | name:value
#pragma once

#include <optional>
#include <string_view>

#include "kn/query.hpp"

namespace kn::detail {

// How deeply parentheses and negations may nest. FTS5's expression parser
// has a small fixed stack: the translation of 12 levels nests at most 25
// parentheses, which it takes (fuzz_query overflowed it at 32 levels).
inline constexpr int kMaxDepth = 12;

// Returns the tree of text, nullopt when it holds only filters, and adds
// the filters to query. Throws QueryError naming the problem and its
// column.
std::optional<QueryNode> parse_tree(std::string_view text, Query& query,
                                    const ParseOptions& options);

}  // namespace kn::detail
