#include "ranked_page.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "rank.hpp"

namespace kn::detail {

namespace {

// Per column: body, comment, title. The table's rank option
// (schema.cpp) says the same, for queries made in the sqlite3 shell.
constexpr std::array<double, 3> kRankWeights = {1.0, 1.0, 4.0};

using Row = PhraseScan::Row;

}  // namespace

std::string rank_function() {
  return fmt::format("kn_bm25(entries_fts, {:.1f})", fmt::join(kRankWeights, ", "));
}

bool newer(const HitKey& a, const HitKey& b) {
  if (a.date != b.date) return a.date > b.date;
  if (a.issue != b.issue) return a.issue > b.issue;
  return a.position < b.position;
}

namespace {

// offset + limit, saturating; every match when limit is 0.
std::uint64_t rows_wanted(const RankQuery& query) {
  if (query.limit <= 0) return UINT64_MAX;
  const auto offset = static_cast<std::uint64_t>(std::max<std::int64_t>(0, query.offset));
  const auto limit = static_cast<std::uint64_t>(query.limit);
  return offset > UINT64_MAX - limit ? UINT64_MAX : offset + limit;
}

// Returns the page of query out of keys that hold it (and maybe more): best
// first, newest first among ties.
std::vector<HitKey> page_of(std::vector<HitKey> keys, const RankQuery& query) {
  std::sort(keys.begin(), keys.end(), [](const HitKey& a, const HitKey& b) {
    return a.score != b.score ? a.score < b.score : newer(a, b);
  });
  const auto offset = static_cast<std::uint64_t>(std::max<std::int64_t>(0, query.offset));
  const auto first = static_cast<std::size_t>(std::min<std::uint64_t>(keys.size(), offset));
  keys.erase(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(first));
  const auto limit = static_cast<std::uint64_t>(std::max<std::int64_t>(0, query.limit));
  if (limit > 0 && keys.size() > limit) keys.resize(static_cast<std::size_t>(limit));
  return keys;
}

// Returns every match of a one-phrase query scored inside FTS5 in one walk
// (rank.hpp); nullopt for any other query.
std::optional<std::vector<Row>> scan_phrase(Database& db, const RankQuery& query) {
  PhraseScan scan;
  scan.weights.assign(kRankWeights.begin(), kRankWeights.end());
  Statement statement(db,
                      "SELECT kn_phrase_scan(entries_fts, ?2) FROM entries_fts WHERE "
                      "entries_fts MATCH ?1 LIMIT 1");
  statement.bind(1, query.match);
  statement.bind_pointer(2, &scan, kPhraseScanType);
  statement.step();
  if (scan.ran && !scan.one_phrase) return std::nullopt;
  return std::move(scan.rows);
}

// Returns every match of any other query, scored by kn_bm25 as SQLite
// hands the rows over.
std::vector<Row> scan_rows(Database& db, const RankQuery& query) {
  Statement matches(db, fmt::format("SELECT rowid, {} FROM entries_fts WHERE entries_fts MATCH ?",
                                    rank_function()));
  matches.bind(1, query.match);
  std::vector<Row> rows;
  while (matches.step()) rows.push_back({matches.column_int(0), matches.column_double(1)});
  return rows;
}

// Returns the rows' ids as a JSON array, for json_each.
std::string id_list(const std::vector<Row>& rows) {
  std::string ids = "[";
  for (const Row& row : rows) ids += fmt::format("{},", row.rowid);
  ids.back() = ']';
  return ids;
}

// Looks up what matches are ordered by, for those that pass the query's
// conditions: one match by its id, many in one statement (json_each of
// their ids). Each statement is prepared when first needed.
class KeyLookup {
 public:
  KeyLookup(Database& db, const RankQuery& query) : db_(db), query_(query) {}

  // Appends to out the keys of the rows that pass the conditions, in the
  // rows' order, and returns how many it appended.
  std::size_t append_keys(const std::vector<Row>& rows, std::vector<HitKey>& out) {
    if (rows.empty()) return 0;
    const bool one = rows.size() == 1;
    std::optional<Statement>& keys = one ? one_ : many_;
    if (!keys) {
      keys.emplace(db_, std::string("SELECT e.id, i.date, i.number, e.position ") +
                            (one ? "FROM entries e JOIN issues i ON i.id = e.issue_id "
                                   "WHERE e.id = ?1"
                                 : "FROM json_each(?1) j CROSS JOIN entries e ON e.id = j.value "
                                   "CROSS JOIN issues i ON i.id = e.issue_id WHERE 1") +
                            query_.conditions);
    }
    found_.clear();
    {
      const Statement::Use use = keys->use();
      if (one) {
        keys->bind(1, rows.front().rowid);
      } else {
        keys->bind(1, id_list(rows));
      }
      bind_all(*keys, query_.values, 2);
      while (keys->step()) {
        found_.emplace(keys->column_int(0),
                       HitKey{keys->column_int(0), keys->column_optional_text(1),
                              static_cast<int>(keys->column_int(2)),
                              static_cast<int>(keys->column_int(3)), 0});
      }
    }
    const std::size_t before = out.size();
    for (const Row& row : rows) {
      if (const auto it = found_.find(row.rowid); it != found_.end()) {
        out.push_back(it->second);
        out.back().score = row.score;
      }
    }
    return out.size() - before;
  }

 private:
  Database& db_;
  const RankQuery& query_;
  std::optional<Statement> one_, many_;
  std::unordered_map<std::int64_t, HitKey> found_;
};

// Looks up the newest of many rows tied at one score, in the tie order
// read from memory (IssueOrder), a growing window at a time until enough
// pass the conditions. A window ends with a whole issue, so every row left
// behind is older than every row looked up: the page's order among these
// is then decided by their keys, as the plain ORDER BY decides it.
class NewestTies {
 public:
  explicit NewestTies(const RankQuery& query) : query_(query) {}

  // Appends to out the keys of at least `wanted` of the tied rows that pass
  // (all that pass, when fewer do), newest first; rows is consumed.
  void append_newest(std::vector<Row> rows, std::uint64_t wanted, KeyLookup& lookup,
                     std::vector<HitKey>& out) {
    if (!order_) order_ = query_.issue_order();
    const auto before = [this](const Row& a, const Row& b) { return newer_row(a, b); };
    std::uint64_t passed = 0;
    auto rest = rows.begin();
    std::size_t window = 0;
    std::vector<Row> taken;
    while (passed < wanted && rest != rows.end()) {
      // As many as are still wanted; twice the last window when the
      // conditions turned rows away.
      const auto left = static_cast<std::size_t>(rows.end() - rest);
      window = std::min(left, std::max(2 * window, static_cast<std::size_t>(std::min<std::uint64_t>(
                                                       wanted - passed, left))));
      auto cut = rest + static_cast<std::ptrdiff_t>(window);
      std::nth_element(rest, cut - 1, rows.end(), before);
      // The window's oldest issue comes whole: its other rows move in too.
      const Row oldest = *(cut - 1);
      cut = std::partition(cut, rows.end(), [&](const Row& r) { return same_issue(r, oldest); });
      taken.assign(rest, cut);
      passed += lookup.append_keys(taken, out);
      rest = cut;
    }
  }

 private:
  std::int32_t at(std::span<const std::int32_t> facts, std::int64_t id, std::int32_t none) const {
    return id >= 0 && static_cast<std::uint64_t>(id) < facts.size()
               ? facts[static_cast<std::size_t>(id)]
               : none;
  }

  // The tie order of HitKey's newer(), with the entry id for the position.
  bool newer_row(const Row& a, const Row& b) const {
    const std::int32_t date_a = at(order_->date, a.rowid, 0), date_b = at(order_->date, b.rowid, 0);
    if (date_a != date_b) return date_a > date_b;
    const std::int32_t number_a = at(order_->number, a.rowid, INT32_MIN);
    const std::int32_t number_b = at(order_->number, b.rowid, INT32_MIN);
    if (number_a != number_b) return number_a > number_b;
    return a.rowid < b.rowid;
  }

  bool same_issue(const Row& a, const Row& b) const {
    return at(order_->date, a.rowid, 0) == at(order_->date, b.rowid, 0) &&
           at(order_->number, a.rowid, INT32_MIN) == at(order_->number, b.rowid, INT32_MIN);
  }

  const RankQuery& query_;
  std::optional<IssueOrder> order_;
};

// Returns the keys that hold the page, from every match scored: taken best
// first from a heap (only the rows that reach the page are ordered), a
// whole score at a time, and looked up, conditions and all, a growing chunk
// at a time, until the page is full. Of a score that many rows tie at (an
// archive holding a text many times), only the newest the page still wants
// are looked up.
std::vector<HitKey> best_of(Database& db, const RankQuery& query, std::vector<Row> rows) {
  constexpr std::size_t kFirstChunk = 32, kLastChunk = 4096, kManyTies = 64;
  const auto worse = [](const Row& a, const Row& b) { return a.score > b.score; };
  std::make_heap(rows.begin(), rows.end(), worse);
  const std::uint64_t wanted = rows_wanted(query);
  KeyLookup lookup(db, query);
  NewestTies newest(query);
  std::vector<HitKey> keys;
  std::vector<Row> chunk, tied;
  std::size_t chunk_size = kFirstChunk;
  const auto flush = [&] {
    if (chunk.empty()) return;
    lookup.append_keys(chunk, keys);
    chunk.clear();
    chunk_size = std::min(2 * chunk_size, kLastChunk);
  };
  for (auto end = rows.end(); end != rows.begin() && keys.size() < wanted;) {
    tied.clear();
    const double score = rows.front().score;
    while (end != rows.begin() && rows.front().score == score) {
      std::pop_heap(rows.begin(), end--, worse);
      tied.push_back(*end);
    }
    if (tied.size() > kManyTies) {
      flush();
      if (keys.size() >= wanted) break;
      if (wanted - keys.size() < tied.size()) {
        newest.append_newest(std::move(tied), wanted - keys.size(), lookup, keys);
        continue;
      }
    }
    chunk.insert(chunk.end(), tied.begin(), tied.end());
    if (chunk.size() >= chunk_size) flush();
  }
  flush();
  return page_of(std::move(keys), query);
}

}  // namespace

RankedPage ranked_page(Database& db, const RankQuery& query) {
  std::optional<std::vector<Row>> scanned = scan_phrase(db, query);
  std::vector<Row> rows = scanned ? std::move(*scanned) : scan_rows(db, query);
  RankedPage page;
  page.matches.reserve(rows.size());
  for (const Row& row : rows) page.matches.push_back(row.rowid);
  if (query.passes) std::erase_if(rows, [&](const Row& row) { return !query.passes(row.rowid); });
  page.keys = best_of(db, query, std::move(rows));
  return page;
}

}  // namespace kn::detail
