// kn's own bm25 for FTS5, the same formula as FTS5's bm25() but with the
// entries' token counts read once per process from entry_sizes (a few
// hundred rows of packed counts) instead of one lookup in FTS5's docsize
// table per match, which was most of the time of a search for a common word.
#pragma once

#include <cstdint>
#include <vector>

#include "kn/sqlite.hpp"

namespace kn::detail {

// How many tokens each entry holds, by rowid (0: not known here).
struct EntrySizes {
  std::vector<std::uint16_t> tokens;
  bool loaded = false;
};

// Rowids per row of entry_sizes; each row packs their counts as 16-bit
// little-endian numbers (saturated).
inline constexpr std::int64_t kSizesPerChunk = 1024;

// Registers kn_bm25(entries_fts, weights...) with db's FTS5; it reads sizes,
// falling back to FTS5's own count for an entry it does not hold.
void register_ranking(Database& db, const EntrySizes* sizes);

// Reads entry_sizes into sizes, once.
void load_entry_sizes(Database& db, EntrySizes& sizes);

// The tokens a row of FTS5's docsize table counts, all columns together,
// as entry_sizes keeps them (saturated at 65,535).
std::uint16_t docsize_tokens(const Statement& row, int column);

// Records the token counts of the entries indexed after rowid `after` (from
// FTS5's docsize table) in entry_sizes.
void record_entry_sizes(Database& db, std::int64_t after);

}  // namespace kn::detail
