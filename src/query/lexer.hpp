// The query language's lexemes: words, "phrases", operators, parentheses
// and name:value filters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kn/query.hpp"

namespace kn::detail {

enum class Lex { word, phrase, minus, lparen, rparen, and_, or_, not_, filter, end };

struct Lexeme {
  Lex kind;
  std::string text;        // word or phrase text; for a filter, its value
  std::string name;        // filter name
  std::size_t offset = 0;  // in bytes
  std::size_t column = 0;  // in characters, from 1
  std::size_t chain = 0;   // a filter: the first of the filters ORed with it
};

// Returns the lexemes of text, ending with one of kind Lex::end: a URL
// pasted with its scheme, or without it on a domain options says the
// archive links to, is a url filter. Throws QueryError for an unclosed
// quote.
std::vector<Lexeme> lex(std::string_view text, const ParseOptions& options = {});

// Returns the domain (without www.) of word when it has the shape of a URL
// without a scheme, a dotted host and a path (kaggle.com/c/x); "" when not.
std::string address_domain(std::string_view word);

// Returns the column (in characters, from 1) of the byte at offset.
std::size_t column_of(std::string_view text, std::size_t offset);

}  // namespace kn::detail
