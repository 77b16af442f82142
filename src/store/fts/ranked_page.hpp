// How a search picks its page by rank: the one interface to kn's ranking.
// Everything else about it (the one-phrase scan, the heap, the lookups a
// chunk at a time, ties from memory) is private to ranked_page.cpp, and
// ARCHITECTURE.md says what each fast path is and when it applies. The
// tests hold the plain form it must agree with, page for page:
//
//   SELECT ... WHERE entries_fts MATCH ? <conditions>
//   ORDER BY kn_bm25(...), i.date DESC, i.number DESC, e.position
//   LIMIT ? OFFSET ?
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

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

// Tells whether a comes before b among entries of one score: the newer
// issue (an issue without a date last), then the higher issue number, then
// the earlier position in the issue.
bool newer(const HitKey& a, const HitKey& b);

// Returns the SQL expression of an entry's score, for a query over
// entries_fts: kn_bm25 (rank.hpp), titles weighing four times bodies and
// comments.
std::string rank_function();

// The date (YYYYMMDD, 0 for none) and number of each entry's issue, by
// entry id: what orders tied entries, in memory. Within an issue, entry ids
// ascend with position (the store writes them so).
struct IssueOrder {
  std::span<const std::int32_t> date, number;
};

// A ranked search as the store compiled it.
struct RankQuery {
  std::string match;                         // the FTS5 expression; not empty
  std::string conditions;                    // " AND ..." on entries e and issues i
  std::vector<Value> values;                 // the conditions' values, in order
  std::function<bool(std::int64_t)> passes;  // filters tested in memory; empty: none
  std::function<IssueOrder()> issue_order;   // asked for when many entries tie
  std::int64_t offset = 0, limit = 0;        // limit 0: every match
};

// A ranked page: its keys in rank order, newest first among ties, and the
// ids of all the query's matches in ascending order (what FTS5 walks again
// to read the page's snippets).
struct RankedPage {
  std::vector<HitKey> keys;
  std::vector<std::int64_t> matches;
};

// Returns the page query asks for, of the matches that pass its filters.
RankedPage ranked_page(Database& db, const RankQuery& query);

}  // namespace kn::detail
