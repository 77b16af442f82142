// A query read against the archive it searches: what the command line
// could not know without it.
#pragma once

#include "commands.hpp"
#include "kn/query.hpp"
#include "kn/store.hpp"

namespace kn {

// Returns input's query as the archive reads it: a word that is a URL
// without a scheme (kaggle.com/c/x) is a URL when the archive links to its
// domain, else words as typed. Competition words stay words.
Query archive_query(Store& store, const QueryInput& input);

// Returns archive_query() with its competition words resolved into ids, as
// the store searches it. Throws kn::Error as resolve_competition_filters.
Query runnable_query(Store& store, const QueryInput& input);

}  // namespace kn
