// What section, issue and date filters ask of an entry, held in memory: its
// section kind and its issue's number and date, by entry id, packed in
// entry_facts and read once per process. A filtered search tests each match
// here instead of looking up its rows in entries and issues (one b-tree
// search each, most of a filtered search's time on a large archive).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "kn/filters.hpp"
#include "sqlite/sqlite.hpp"

namespace kn::detail {

// Entry ids per row of entry_facts: kinds packs their section kinds as one
// byte each, numbers and dates their issue's number and date as 32-bit
// little-endian numbers (dates as YYYYMMDD, 0 for none).
inline constexpr std::int64_t kFactsPerChunk = 1024;

struct EntryFacts {
  std::vector<std::uint8_t> kind;  // by entry id: kind_code(); 0: no such entry recorded
  std::vector<std::int32_t> number, date;
  std::int64_t up_to = 0;  // the entries indexed when read: ids only grow
};

// The code entry_facts keeps for a section kind: 1 and up for the kinds kn
// writes, kOtherKind for any other name (no filter can name one).
inline constexpr std::uint8_t kOtherKind = 255;
std::uint8_t kind_code(std::string_view section_kind);

// Returns a stored date (YYYY-MM-DD) as entry_facts keeps it; 0 for none.
std::int32_t date_code(const std::optional<std::string_view>& date);

// Reads the facts of the entries indexed since facts was last read. Facts
// of an entry never change (a changed issue's entries get new ids), so
// what was read stays true, except after a rollback (ids may be given
// again): then facts must be emptied.
void load_entry_facts(Database& db, EntryFacts& facts);

// Records in entry_facts the facts of the entries with ids above `after`.
void record_entry_facts(Database& db, std::int64_t after);

// Clears the facts of an issue's entries (those up to up_to, the ones
// recorded) before they are deleted, so that the facts name only entries
// that exist: a filter-only count counts them.
void forget_entry_facts(Database& db, std::int64_t issue_id, std::int64_t up_to);

// The part of some filters that entry facts answer: section kinds, issue
// numbers and dates.
class FactFilter {
 public:
  // Returns the filter for what facts can answer of filters (read into facts
  // as far as the index goes), nullopt when that is nothing; rest is set to
  // the filters left for SQL. facts must outlive the filter.
  static std::optional<FactFilter> of(Database& db, EntryFacts& facts, const Filters& filters,
                                      Filters& rest);

  // Returns how many entries pass, of those indexed.
  std::int64_t count() const;

  bool passes(std::int64_t entry) const {
    if (entry < 0 || static_cast<std::uint64_t>(entry) >= facts_->kind.size()) return false;
    const auto id = static_cast<std::size_t>(entry);
    const std::uint8_t kind = facts_->kind[id];
    if (kind == 0 || !kinds_[kind]) return false;
    if (!dates_.empty()) {
      const std::int32_t date = facts_->date[id];
      if (date == 0 || std::none_of(dates_.begin(), dates_.end(), [date](const auto& range) {
            return date >= range.first && date <= range.second;
          })) {
        return false;
      }
    }
    if (numbers_.empty()) return true;
    const std::int32_t number = facts_->number[id];
    for (const auto& [low, high] : numbers_) {
      if (number >= low && number <= high) return true;
    }
    return false;
  }

 private:
  explicit FactFilter(const EntryFacts& facts) : facts_(&facts) {}

  const EntryFacts* facts_;
  std::vector<bool> kinds_ = std::vector<bool>(256, true);    // by kind code
  std::vector<std::pair<std::int32_t, std::int32_t>> dates_;  // inclusive ranges; empty: any
  std::vector<std::pair<int, int>> numbers_;                  // inclusive ranges; empty: any
};

}  // namespace kn::detail
