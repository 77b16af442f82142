// Query translation: what users type into safe FTS5 expressions and
// filters. The language is described once, in query_language_help(), which
// `kn search --help` prints.
//
// User text never reaches FTS5 as syntax: every term is tokenized by kn's
// tokenizer and written as a quoted FTS5 phrase.
#pragma once

#include <string>
#include <string_view>

#include "kn/filters.hpp"

namespace kn {

struct Query {
  // The FTS5 expression entries must match; "" for a query of filters (and
  // exclusions) only.
  std::string match;
  // An FTS5 expression for entries to leave out when the query is only
  // negative (-word): there is nothing for FTS5 to subtract it from.
  std::string exclude;
  Filters filters;
  // How the query was understood, for --explain.
  std::string explanation;
  // What to say when nothing matched ("" for nothing): lower-case or, and
  // and not are words, and were perhaps meant as operators.
  std::string no_hits_hint;
};

// Parses text (and adds the filters already given as flags). Throws
// QueryError for a query that cannot be run, naming the problem and its
// column (counted in characters from 1).
Query parse_query(std::string_view text, Filters filters = {});

// The query language as a table of what you type and what it finds.
std::string_view query_language_help();

}  // namespace kn
