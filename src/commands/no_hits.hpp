// Why a search found nothing, in one line for a person.
#pragma once

#include <string>

#include "commands.hpp"
#include "kn/query.hpp"
#include "kn/store.hpp"

namespace kn::detail {

// Returns what to say when a search found nothing: text as typed, parsed
// the query read from it, resolved the query the store ran (competitions
// by id). It says the first that holds of: lower-case operator words; a
// filter that alone matches nothing; a word that matches nothing, with the
// index's nearest Latin word ("'Pytroch' matches nothing; did you mean
// PyTorch?"); the filter that emptied what the words found. Each check is
// a count in the store, made only after a search found nothing.
std::string why_no_hits(Store& store, const std::string& text, const Query& parsed,
                        const Query& resolved);

}  // namespace kn::detail
