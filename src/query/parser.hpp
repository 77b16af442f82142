// The query language's grammar: lexemes into a tree of terms, AND, OR and
// NOT, with the filters collected on the side.
//
//   query   = any_of
//   any_of  = all_of { "OR" all_of }
//   all_of  = unary { ["AND"] unary }
//   unary   = ("-" | "NOT") unary | primary
//   primary = "(" any_of ")" | word | "phrase" | name:value
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kn/filters.hpp"

namespace kn::detail {

// How deeply parentheses and negations may nest. FTS5's expression parser
// has a small fixed stack: the translation of 12 levels nests at most 25
// parentheses, which it takes (fuzz_query overflowed it at 32 levels).
inline constexpr int kMaxDepth = 12;

struct Node {
  enum class Type { term, all_of, any_of, none_of } type;
  std::string text;  // a term's text
  bool quoted = false, prefix = false;
  std::size_t offset = 0;  // in bytes, for messages
  std::vector<Node> children;
};

// The tree of text, nullopt when it holds only filters; the filters are
// added to filters. Throws QueryError naming the problem and its column.
std::optional<Node> parse_tree(std::string_view text, Filters& filters);

}  // namespace kn::detail
