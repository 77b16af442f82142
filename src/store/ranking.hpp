// How a search picks its page by rank: every match scored, only the rows
// that can reach the page looked up, ties newest first. The store's own
// header: search.cpp reads the page's text for the keys it returns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fts_expression.hpp"
#include "kn/store.hpp"
#include "sqlite/sqlite.hpp"

namespace kn::detail {

// What a search orders by: read for the rows that may be on the page,
// before any of their text is.
struct HitKey {
  std::int64_t entry_id = 0;
  std::optional<std::string> date;
  int issue = 0, position = 0;
  double score = 0;
};

// Tells whether a is newer than b: ties are ordered newest first.
bool newer(const HitKey& a, const HitKey& b);

// Returns the SQL expression of an entry's score, for a query over entries_fts:
// kn_bm25 (store/fts/rank.hpp), titles weighing four times bodies and comments.
std::string rank_function();

class FactFilter;

// A ranked page: its keys in rank order, newest first among ties, and the
// ids of all the query's matches in ascending order (what FTS5 walks again
// to read the page's snippets).
struct RankedPage {
  std::vector<HitKey> keys;
  std::vector<std::int64_t> matches;
};

// Returns the page of options, of the matches that by_facts (when given)
// passes and query's filters.
RankedPage ranked_keys(Database& db, const Search& query, const SearchOptions& options,
                       const FactFilter* by_facts);

}  // namespace kn::detail
