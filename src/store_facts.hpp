// What section, issue and date filters ask of an entry, held in memory: the
// issue it belongs to and its section kind, by entry id, packed in
// entry_facts and read once per process. A filtered search tests each match
// here instead of looking up its rows in entries and issues (one b-tree
// search each, most of a filtered search's time on a large archive).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "kn/filters.hpp"
#include "kn/sqlite.hpp"

namespace kn::detail {

// Entry ids per row of entry_facts: issues packs their issue ids as 32-bit
// little-endian numbers, kinds their section kinds as one byte each.
inline constexpr std::int64_t kFactsPerChunk = 1024;

struct EntryFacts {
  std::vector<std::uint32_t> issue;  // by entry id; 0: no such entry recorded
  std::vector<std::uint8_t> kind;    // by entry id: kind_code() of its section kind
  std::int64_t up_to = 0;            // the entries indexed when read: ids only grow
};

// The code entry_facts keeps for a section kind: 1 and up for the kinds kn
// writes, 0 for any other name (no filter can name one).
std::uint8_t kind_code(std::string_view section_kind);

// Reads the facts of the entries indexed since facts was last read. Facts
// of an entry never change (a changed issue's entries get new ids), so
// what was read stays true, except after a rollback (ids may be reused):
// then facts must be emptied.
void load_entry_facts(Database& db, EntryFacts& facts);

// Records in entry_facts the facts of the entries with ids above `after`.
void record_entry_facts(Database& db, std::int64_t after);

// The part of some filters that entry facts answer: section kinds, issue
// numbers and dates (the issues these allow, read once with SQL).
class FactFilter {
 public:
  // The filter for what facts can answer of filters (read into facts as
  // far as the index goes), nullopt when that is nothing; rest is set to
  // the filters left for SQL. facts must outlive the filter.
  static std::optional<FactFilter> of(Database& db, EntryFacts& facts, const Filters& filters,
                                      Filters& rest);

  bool passes(std::int64_t entry) const {
    if (entry < 0 || static_cast<std::uint64_t>(entry) >= facts_->issue.size()) return false;
    const auto id = static_cast<std::size_t>(entry);
    const std::uint32_t issue = facts_->issue[id];
    return issue != 0 && kinds_[facts_->kind[id]] &&
           (!by_issue_ || (issue < issues_.size() && issues_[issue]));
  }

 private:
  explicit FactFilter(const EntryFacts& facts) : facts_(&facts) {}

  const EntryFacts* facts_;
  std::vector<bool> kinds_ = std::vector<bool>(256, true);  // by kind code
  bool by_issue_ = false;
  std::vector<bool> issues_;  // by issue id, when by_issue_
};

}  // namespace kn::detail
