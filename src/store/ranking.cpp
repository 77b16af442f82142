#include "ranking.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <queue>
#include <unordered_map>

#include "facts.hpp"
#include "internal.hpp"
#include "store/fts/rank.hpp"

namespace kn::detail {

namespace {

// Per column: body, comment, title. The table's rank option
// (schema.cpp) says the same, for queries made in the sqlite3 shell.
constexpr std::array<double, 3> kRankWeights = {1.0, 1.0, 4.0};

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

// offset + limit, saturating: whatever the caller asks, no overflow.
std::uint64_t rows_wanted(const SearchOptions& options) {
  const auto offset = static_cast<std::uint64_t>(std::max<std::int64_t>(0, options.offset));
  const auto limit = static_cast<std::uint64_t>(std::max<std::int64_t>(0, options.limit));
  return offset > UINT64_MAX - limit ? UINT64_MAX : offset + limit;
}

// The page of options out of keys that hold it (and maybe more): best
// first, newest first among ties.
std::vector<HitKey> page_of(std::vector<HitKey> keys, const SearchOptions& options) {
  std::sort(keys.begin(), keys.end(), [](const HitKey& a, const HitKey& b) {
    return a.score != b.score ? a.score < b.score : newer(a, b);
  });
  const auto offset = static_cast<std::uint64_t>(std::max<std::int64_t>(0, options.offset));
  const auto first = static_cast<std::size_t>(std::min<std::uint64_t>(keys.size(), offset));
  keys.erase(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(first));
  const auto limit = static_cast<std::uint64_t>(std::max<std::int64_t>(0, options.limit));
  if (limit > 0 && keys.size() > limit) keys.resize(static_cast<std::size_t>(limit));
  return keys;
}

// A one-phrase query's matches, all scored inside FTS5 in one walk
// (store/fts/rank.hpp); nullopt for any other query.
std::optional<std::vector<PhraseScan::Row>> scan_phrase(Database& db, const Search& query) {
  if (!query.exclude.empty()) return std::nullopt;
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

// The rows' ids as a JSON array, for json_each.
std::string id_list(const std::vector<PhraseScan::Row>& rows) {
  std::string ids = "[";
  for (const PhraseScan::Row& row : rows) ids += fmt::format("{},", row.rowid);
  ids.back() = ']';
  return ids;
}

// Looks up what matches are ordered by, those that pass the query's
// filters, in the order given: one match by its id, many in one statement
// (json_each of their ids). Each statement is prepared when first needed.
class KeyLookup {
 public:
  KeyLookup(Database& db, const Search& query)
      : db_(db), filters_(filter_sql(query.filters, values_)) {}

  // Appends to out the keys of the rows that pass the filters, in the
  // rows' order.
  void append_keys(const std::vector<PhraseScan::Row>& rows, std::vector<HitKey>& out) {
    const bool one = rows.size() == 1;
    std::optional<Statement>& keys = one ? one_ : many_;
    if (!keys) {
      keys.emplace(db_, std::string("SELECT e.id, i.date, i.number, e.position ") +
                            (one ? "FROM entries e JOIN issues i ON i.id = e.issue_id "
                                   "WHERE e.id = ?1"
                                 : "FROM json_each(?1) j CROSS JOIN entries e ON e.id = j.value "
                                   "CROSS JOIN issues i ON i.id = e.issue_id WHERE 1") +
                            filters_);
    }
    found_.clear();
    {
      const Statement::Use use = keys->use();
      if (one) {
        keys->bind(1, rows.front().rowid);
      } else {
        keys->bind(1, id_list(rows));
      }
      bind_all(*keys, values_, 2);
      while (keys->step()) {
        found_.emplace(keys->column_int(0),
                       HitKey{keys->column_int(0), keys->column_optional_text(1),
                              static_cast<int>(keys->column_int(2)),
                              static_cast<int>(keys->column_int(3)), 0});
      }
    }
    for (const PhraseScan::Row& row : rows) {
      if (const auto it = found_.find(row.rowid); it != found_.end()) {
        out.push_back(it->second);
        out.back().score = row.score;
      }
    }
  }

 private:
  Database& db_;
  std::vector<Value> values_;
  std::string filters_;
  std::optional<Statement> one_, many_;
  std::unordered_map<std::int64_t, HitKey> found_;
};

// The newest of many rows tied at one score: read by walking the issues newest first through their
// date index and each issue's entries through (issue_id, position), until enough are found, instead
// of looking up every tied row (each one its own page of the wide entries table). The statement
// is prepared when first needed: most pages have no such ties.
class NewestTies {
 public:
  explicit NewestTies(Database& db) : db_(db) {}

  // Appends to out the keys of the newest wanted of the tied rows, newest
  // first.
  void append_newest(const std::vector<PhraseScan::Row>& tied, std::uint64_t wanted,
                     std::vector<HitKey>& out) {
    if (!newest_) {
      newest_.emplace(db_,
                      "SELECT e.id, i.date, i.number, e.position FROM issues i CROSS JOIN entries "
                      "e ON e.issue_id = i.id WHERE +e.id IN (SELECT value FROM json_each(?1)) "
                      "ORDER BY i.date DESC, i.number DESC, e.position LIMIT ?2");
    }
    Statement& newest = *newest_;
    const Statement::Use use = newest.use();
    newest.bind(1, id_list(tied)).bind(2, static_cast<std::int64_t>(wanted));
    while (newest.step()) {
      out.push_back({newest.column_int(0), newest.column_optional_text(1),
                     static_cast<int>(newest.column_int(2)), static_cast<int>(newest.column_int(3)),
                     tied.front().score});
    }
  }

 private:
  Database& db_;
  std::optional<Statement> newest_;
};

// Keys in rank order from every match scored: taken best first from a heap
// (only the rows that reach the page are ordered), a whole score at a time,
// and looked up, filters and all, a growing chunk at a time, until the page
// is full. A score that many rows tie at (the generated corpora repeat
// paragraphs: PyTorch ties 840 rows at its 20th score) gives only the
// newest rows the page still wants.
std::vector<HitKey> best_of(Database& db, const Search& query, std::vector<PhraseScan::Row> rows,
                            const SearchOptions& options) {
  constexpr std::size_t kFirstChunk = 32, kLastChunk = 4096, kManyTies = 64;
  const auto worse = [](const PhraseScan::Row& a, const PhraseScan::Row& b) {
    return a.score > b.score;
  };
  std::make_heap(rows.begin(), rows.end(), worse);
  const std::uint64_t wanted = options.limit > 0 ? rows_wanted(options) : UINT64_MAX;
  KeyLookup lookup(db, query);
  NewestTies newest(db);
  const bool unfiltered = query.filters.empty();
  std::vector<HitKey> keys;
  std::vector<PhraseScan::Row> chunk, tied;
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
    // Without filters every tied row passes, so the walk stops as soon as
    // the page is full, once; with them it might walk every issue, for
    // each such score.
    if (tied.size() > kManyTies && unfiltered) {
      flush();
      if (keys.size() >= wanted) break;
      if (wanted - keys.size() < tied.size()) {
        newest.append_newest(tied, wanted - keys.size(), keys);
        continue;
      }
    }
    chunk.insert(chunk.end(), tied.begin(), tied.end());
    if (chunk.size() >= chunk_size) flush();
  }
  flush();
  return page_of(std::move(keys), options);
}

}  // namespace

// Keys in rank order, newest first among ties, for the page of options, in
// one pass over the matches: a row is kept while it can still be on the
// page (or tie with its last hit), and only then looked up, filters and all.
// Cheaper than ORDER BY rank, where FTS5 sorts every match.
RankedPage ranked_keys(Database& db, const Search& query, const SearchOptions& options,
                       const FactFilter* by_facts) {
  const auto fails = [by_facts](std::int64_t entry) {
    return by_facts && !by_facts->passes(entry);
  };
  RankedPage page;
  if (auto rows = scan_phrase(db, query)) {
    page.matches.reserve(rows->size());
    for (const PhraseScan::Row& row : *rows) page.matches.push_back(row.rowid);
    std::erase_if(*rows, [&](const PhraseScan::Row& row) { return fails(row.rowid); });
    page.keys = best_of(db, query, std::move(*rows), options);
    return page;
  }
  KeyLookup lookup(db, query);
  std::vector<PhraseScan::Row> match(1);
  Statement matches(db, fmt::format("SELECT rowid, {} FROM entries_fts WHERE entries_fts MATCH ?",
                                    rank_function()));
  matches.bind(1, query.match);
  const std::uint64_t wanted = rows_wanted(options);
  std::vector<HitKey>& keys = page.keys;
  // The best `wanted` scores kept so far, worst on top: once there are that
  // many, a row must score at least as well as the top to make the page.
  std::priority_queue<double> best;
  double bound = std::numeric_limits<double>::infinity();
  // Rows beaten since they were kept go when the kept rows double, so rows
  // tied at the bound cost linear time, not quadratic.
  std::size_t prune_at = 64;
  while (matches.step()) {
    page.matches.push_back(matches.column_int(0));
    const double score = matches.column_double(1);
    if (score > bound || fails(matches.column_int(0))) continue;
    match[0] = {matches.column_int(0), score};
    const std::size_t kept = keys.size();
    lookup.append_keys(match, keys);
    if (keys.size() > kept && options.limit > 0) {
      best.push(score);
      if (best.size() > wanted) best.pop();
      if (best.size() == wanted) bound = best.top();
    }
    if (keys.size() >= prune_at) {
      std::erase_if(keys, [&](const HitKey& k) { return k.score > bound; });
      prune_at = std::max<std::size_t>(64, 2 * keys.size());
    }
  }
  keys = page_of(std::move(keys), options);
  return page;
}

}  // namespace kn::detail
