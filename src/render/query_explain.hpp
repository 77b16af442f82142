// What kn search --explain prints: how a query was read, term by term,
// its filters, and the expressions the store searches.
#pragma once

#include <string>

#include "kn/query.hpp"
#include "kn/store.hpp"

namespace kn {

// Returns the explanation of query, whose expressions are fts, a line at a
// time: the tree of terms with the tokens each becomes, the filters set
// (as "  name: value" lines) and the FTS5 expressions. Nothing in it is
// escaped yet.
std::string explain_query(const Query& query, const FtsExpressions& fts);

}  // namespace kn
