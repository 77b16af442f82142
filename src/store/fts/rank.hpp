// kn's own bm25 for FTS5, the same formula as FTS5's bm25() but with the
// entries' token counts read once per process from entry_sizes (a few
// hundred rows of packed counts) instead of one lookup in FTS5's docsize
// table per match, which was most of the time of a search for a common word;
// and the same scores for every match of a one-phrase query in one walk
// (kn_phrase_scan).
#pragma once

#include <cstdint>
#include <vector>

#include "sqlite/sqlite.hpp"

namespace kn::detail {

// How many tokens each entry holds, by rowid (0: not known here).
struct EntrySizes {
  std::vector<std::uint16_t> tokens;
  bool loaded = false;
};

// Rowids per row of entry_sizes; each row packs their counts as 16-bit
// little-endian numbers (saturated).
inline constexpr std::int64_t kSizesPerChunk = 1024;

// Registers kn_bm25(entries_fts, weights...) and kn_phrase_scan with db's
// FTS5; they read sizes, falling back to FTS5's own count for an entry it
// does not hold.
void register_ranking(Database& db, fts5_api* api, const EntrySizes* sizes);

// What kn_phrase_scan(entries_fts, ?) fills, bound as a pointer of type
// kPhraseScanType. When the query is one phrase (or one word), its first
// row's call walks all the phrase's rows inside FTS5 and scores each as
// kn_bm25 would (the idf is their count): one walk in C instead of one row
// at a time through SQLite, and no second walk to count the rows first.
struct PhraseScan {
  std::vector<double> weights;  // per column, as kn_bm25's arguments
  bool ran = false;             // false: the query matched nothing
  bool one_phrase = false;      // false: not a one-phrase query; rows empty
  struct Row {
    std::int64_t rowid;
    double score;  // as kn_bm25 scores it: lower is better
  };
  std::vector<Row> rows;  // every match, in rowid order
};
inline constexpr const char* kPhraseScanType = "kn_phrase_scan";

// Reads entry_sizes into sizes, once.
void load_entry_sizes(Database& db, EntrySizes& sizes);

// Returns the tokens a row of FTS5's docsize table counts, all columns
// together, as entry_sizes keeps them (saturated at 65,535).
std::uint16_t docsize_tokens(const Statement& row, int column);

// Records the token counts of the entries indexed after rowid `after` (from
// FTS5's docsize table) in entry_sizes.
void record_entry_sizes(Database& db, std::int64_t after);

}  // namespace kn::detail
