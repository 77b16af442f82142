#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "facts.hpp"
#include "fts_expression.hpp"
#include "internal.hpp"
#include "kn/error.hpp"
#include "kn/store.hpp"
#include "store/fts/rank.hpp"
#include "store/fts/ranked_page.hpp"

namespace kn {

using detail::HitKey;
using detail::Search;

namespace {

// FROM and WHERE of a search, with the values to bind in order.
struct SearchSql {
  std::string from_where;
  std::vector<Value> values;
};

// by_date: rows are wanted in date order. Without words, issues then come
// first, in the order of their date index, so that a page of results ends
// the scan early instead of sorting every row.
SearchSql search_sql(const Search& query, bool by_date) {
  SearchSql sql;
  std::string& q = sql.from_where;
  if (!query.match.empty()) {
    q = " FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid "
        "JOIN issues i ON i.id = e.issue_id WHERE entries_fts MATCH ?";
    sql.values.emplace_back(query.match);
  } else {
    q = by_date ? " FROM issues i CROSS JOIN entries e ON e.issue_id = i.id WHERE 1"
                : " FROM entries e JOIN issues i ON i.id = e.issue_id WHERE 1";
  }
  q += detail::filter_sql(query.filters, sql.values);
  if (!query.exclude.empty()) {
    q += " AND e.id NOT IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)";
    sql.values.emplace_back(query.exclude);
  }
  return sql;
}

// Only the page of results is read in full, and only it gets a snippet:
// SQLite would compute the snippet of every row it sorts or passes over.
// The page is read kDetailChunk entries at a time (bound parameters).
constexpr std::size_t kDetailChunk = 500;
constexpr const char* kHitColumns =
    "SELECT i.date_estimated, e.section_kind, e.section_heading, e.kind, e.title, "
    "coalesce(e.url, (SELECT url FROM links WHERE entry_id = e.id ORDER BY position LIMIT 1), "
    "i.url), e.body, e.comment, e.id, ";

// The entry's place among issues of its number (kIssueCopyColumns) and its
// issue's file.
const std::string kHitPlace = std::string(", ") + detail::kIssueCopyColumns + ", i.source";

Hit read_hit(const HitKey& key, const Statement& row) {
  Hit hit;
  hit.entry_id = key.entry_id;
  hit.issue = key.issue;
  hit.position = key.position;
  hit.date = key.date;
  hit.score = key.score;
  hit.date_estimated = row.column_int(0) != 0;
  hit.section = row.column_text(1);
  hit.heading = row.column_text(2);
  hit.kind = entry_kind_named(row.column_text(3)).value_or(EntryKind::item);
  hit.title = row.column_text(4);
  hit.url = row.column_text(5);
  hit.body = row.column_text(6);
  hit.comment = row.column_text(7);
  hit.snippet = row.column_text(9);
  if (!row.column_is_null(10)) {
    hit.body = row.column_text(10);
    hit.comment = row.column_text(11);
    hit.title = row.column_text(12);
    hit.marked = true;
  }
  hit.copy = static_cast<int>(row.column_int(13));
  hit.copies = static_cast<int>(row.column_int(14));
  hit.source = row.column_text(15);
  // The editor's comment is what this newsletter's readers come for: a card
  // whose comment holds a match shows it.
  if (!row.column_is_null(16)) {
    std::string comment(row.column_text(16));
    if (comment.find(kSnippetStart) != std::string::npos) hit.snippet = std::move(comment);
  }
  return hit;
}

// Only marks and snippets need FTS5 to run the query again, over every
// match between the hits' lowest and highest id.
bool walks_matches(const Search& query, HitText text) {
  return !query.match.empty() && text != HitText::none;
}

// A statement that reads hits walks the matches between them (above);
// walking this many costs about as much as one more statement (callgrind,
// 16,000 issues).
constexpr std::size_t kMatchesPerStatement = 1000;

// The page's keys (their indices) in the groups one statement each reads:
// in ascending ids, a new group where more matches lie between two keys
// than a statement costs, or after kDetailChunk keys. matches: every
// match's id in ascending order, or empty when unknown.
std::vector<std::vector<std::size_t>> hit_groups(const std::vector<HitKey>& keys,
                                                 const std::vector<std::int64_t>& matches) {
  std::vector<std::size_t> order(keys.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return keys[a].entry_id < keys[b].entry_id; });
  const auto between = [&](std::int64_t low, std::int64_t high) {
    return static_cast<std::size_t>(std::lower_bound(matches.begin(), matches.end(), high) -
                                    std::upper_bound(matches.begin(), matches.end(), low));
  };
  std::vector<std::vector<std::size_t>> groups;
  std::int64_t last = 0;
  for (const std::size_t k : order) {
    if (groups.empty() || groups.back().size() == kDetailChunk ||
        between(last, keys[k].entry_id) > kMatchesPerStatement) {
      groups.emplace_back();
    }
    groups.back().push_back(k);
    last = keys[k].entry_id;
  }
  return groups;
}

// Fills the hits of one group of keys (hit_groups). One statement for them
// all: FTS5 evaluates the query once (a prefix query merges every term it
// matches), within the range of their rowids.
void read_hits(Database& db, const Search& query, const std::vector<HitKey>& keys,
               const std::vector<std::size_t>& group, HitText text, std::vector<Hit>& hits,
               std::vector<std::string>& marked_bodies) {
  const bool ranked = walks_matches(query, text);
  const bool marked = ranked && text == HitText::marked;
  std::string ids;
  std::unordered_map<std::int64_t, std::size_t> slot;
  for (const std::size_t k : group) {
    ids += ids.empty() ? "?" : ", ?";
    slot.emplace(keys[k].entry_id, k);
  }
  Statement detail(
      db, std::string(kHitColumns) +
              (marked   ? "'', kn_highlight(entries_fts, 0, char(2), char(3)), "
                          "kn_highlight(entries_fts, 1, char(2), char(3)), "
                          "kn_highlight(entries_fts, 2, char(2), char(3)) "
               : ranked ? "kn_snippet(entries_fts, -1, char(2), char(3), '…', 24), NULL, NULL, "
                          "NULL "
                        : "'', NULL, NULL, NULL ") +
              kHitPlace +
              (ranked && !marked ? ", CASE WHEN e.kind = 'card' THEN kn_snippet(entries_fts, 1, "
                                   "char(2), char(3), '…', 24) END, CASE WHEN e.kind = 'item' "
                                   "THEN kn_highlight(entries_fts, 0, char(2), char(3)) END "
                                 : ", NULL, NULL ") +
              (ranked ? "FROM entries_fts CROSS JOIN entries e ON e.id = entries_fts.rowid "
                        "JOIN issues i ON i.id = e.issue_id WHERE entries_fts MATCH ? "
                        "AND entries_fts.rowid BETWEEN ? AND ? AND +entries_fts.rowid IN (" +
                            ids + ")"
                      : "FROM entries e JOIN issues i ON i.id = e.issue_id "
                        "WHERE e.id IN (" +
                            ids + ")"));
  int index = 1;
  if (ranked) {
    detail.bind(1, query.match)
        .bind(2, keys[group.front()].entry_id)
        .bind(3, keys[group.back()].entry_id);
    index = 4;
  }
  for (const std::size_t k : group) detail.bind(index++, keys[k].entry_id);
  while (detail.step()) {
    const std::size_t k = slot.at(detail.column_int(8));
    hits[k] = read_hit(keys[k], detail);
    // Where an item's first match is, for the link it is about.
    if (hits[k].kind == EntryKind::item) {
      marked_bodies[k] = marked ? hits[k].body : std::string(detail.column_text(17));
    }
  }
}

// Keys in date order (or newest first), for the page of options.
std::vector<HitKey> dated_keys(Database& db, const Search& query, const SearchOptions& options) {
  SearchSql sql = search_sql(query, true);
  const char* order = options.sort == SortOrder::date ? "i.date, i.number, e.position"
                                                      : "i.date DESC, i.number DESC, e.position";
  Statement statement(db, fmt::format("SELECT e.id, i.date, i.number, e.position, {}{} ORDER BY "
                                      "{} LIMIT ? OFFSET ?",
                                      query.match.empty() ? "0.0" : detail::rank_function(),
                                      sql.from_where, order));
  sql.values.emplace_back(options.limit > 0 ? options.limit : std::int64_t{-1});
  sql.values.emplace_back(std::max<std::int64_t>(0, options.offset));
  bind_all(statement, sql.values);
  std::vector<HitKey> keys;
  while (statement.step()) {
    keys.push_back({statement.column_int(0), statement.column_optional_text(1),
                    static_cast<int>(statement.column_int(2)),
                    static_cast<int>(statement.column_int(3)), statement.column_double(4)});
  }
  return keys;
}

// The count of one statement: the first column of its one row.
std::int64_t single_count(Database& db, const std::string& sql, const std::vector<Value>& values) {
  Statement statement(db, sql);
  bind_all(statement, values);
  return statement.single_int();
}

// Without filters, the full-text index alone answers.
std::optional<std::int64_t> count_in_index(Database& db, const Search& query) {
  if (query.match.empty() || !query.exclude.empty() || !query.filters.empty()) return std::nullopt;
  return single_count(db, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?",
                      {query.match});
}

// With only sections, issues and dates, each match is tested in memory, and
// without words the entry facts count the entries that pass.
std::optional<std::int64_t> count_by_facts(Database& db, detail::EntryFacts& facts,
                                           const Search& query) {
  if (!query.exclude.empty()) return std::nullopt;
  const ReadSnapshot snapshot(db);  // the facts and the matches of one moment
  Filters rest;
  const auto by_facts = detail::FactFilter::of(db, facts, query.filters, rest);
  if (!by_facts || !rest.empty()) return std::nullopt;
  if (query.match.empty()) return by_facts->count();
  Statement matches(db, "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?");
  matches.bind(1, query.match);
  std::int64_t passed = 0;
  while (matches.step()) passed += by_facts->passes(matches.column_int(0)) ? 1 : 0;
  return passed;
}

// Filters on sections, issues and dates alone: the entries counted per
// issue and section answer, without reading the entries.
std::optional<std::int64_t> count_in_section_totals(Database& db, const Search& query) {
  const Filters& f = query.filters;
  if (!query.match.empty() || !query.exclude.empty() || !f.domains.empty() || !f.urls.empty() ||
      !f.competition_ids.empty() || f.writeups) {
    return std::nullopt;
  }
  std::vector<Value> values;
  const std::string filters = detail::filter_sql(f, values, "s.section_kind");
  return single_count(db,
                      "SELECT coalesce(sum(s.entries), 0) FROM issue_sections s JOIN issues i ON "
                      "i.id = s.issue_id WHERE 1" +
                          filters,
                      values);
}

// Returns the ranked page of query that options ask for: sections, issues
// and dates tested in memory, the other filters in SQL; the entry facts
// order ties.
detail::RankedPage ranked(Database& db, detail::EntryFacts& facts, const Search& query,
                          const SearchOptions& options) {
  Filters rest;
  const auto by_facts = detail::FactFilter::of(db, facts, query.filters, rest);
  detail::RankQuery rank;
  rank.match = query.match;
  rank.conditions = detail::filter_sql(rest, rank.values);
  if (by_facts) rank.passes = [&](std::int64_t entry) { return by_facts->passes(entry); };
  rank.issue_order = [&] {
    detail::load_entry_facts(db, facts);
    return detail::IssueOrder{facts.date, facts.number};
  };
  rank.offset = options.offset;
  rank.limit = options.limit;
  return detail::ranked_page(db, rank);
}

// Returns query compiled for FTS5. Competition names mean something only
// above the store, which takes competitions by id (competitions/story.hpp
// resolves the names).
Search compiled(const Query& query) {
  if (!query.competitions.empty()) {
    throw std::logic_error("competition: filter reached the store unresolved");
  }
  return detail::compile_search(query);
}

}  // namespace

std::vector<Hit> Store::search(const Query& parsed, const SearchOptions& options) {
  const Search query = compiled(parsed);
  // Both passes read one snapshot, whatever another kn commits meanwhile.
  const ReadSnapshot snapshot(*db_);
  SearchOptions order = options;
  if (!query.match.empty()) detail::load_entry_sizes(*db_, *sizes_);
  // Without words there is no rank: newest first.
  if (query.match.empty() && order.sort == SortOrder::rank) order.sort = SortOrder::date_descending;
  detail::RankedPage page;
  if (order.sort == SortOrder::rank) {
    page = ranked(*db_, *facts_, query, order);
  } else {
    page.keys = dated_keys(*db_, query, order);
  }
  std::vector<Hit> hits(page.keys.size());
  std::vector<std::string> marked_bodies(hits.size());
  if (!walks_matches(query, options.text)) page.matches.clear();  // no walk to split
  for (const std::vector<std::size_t>& group : hit_groups(page.keys, page.matches)) {
    read_hits(*db_, query, page.keys, group, options.text, hits, marked_bodies);
  }
  detail::attach_links(*db_, hits, marked_bodies, parsed.filters);
  return hits;
}

std::int64_t Store::count(const Query& parsed) {
  const Search query = compiled(parsed);
  // The cheapest answer that holds, in order.
  if (const auto n = count_in_index(*db_, query)) return *n;
  if (const auto n = count_by_facts(*db_, *facts_, query)) return *n;
  if (const auto n = count_in_section_totals(*db_, query)) return *n;
  const SearchSql sql = search_sql(query, false);
  return single_count(*db_, "SELECT count(*)" + sql.from_where, sql.values);
}

std::vector<std::pair<std::string, std::int64_t>> Store::count_by(const Query& parsed,
                                                                  Grouping by) {
  const Search query = compiled(parsed);
  const SearchSql sql = search_sql(query, false);
  const char* key = by == Grouping::month  ? "coalesce(substr(i.date, 1, 7), '(no date)')"
                    : by == Grouping::year ? "coalesce(substr(i.date, 1, 4), '(no date)')"
                                           : "e.section_kind";
  Statement statement(
      *db_, fmt::format("SELECT {}, count(*){} GROUP BY 1 ORDER BY 1", key, sql.from_where));
  bind_all(statement, sql.values);
  std::vector<std::pair<std::string, std::int64_t>> counts;
  while (statement.step()) {
    counts.emplace_back(std::string(statement.column_text(0)), statement.column_int(1));
  }
  return counts;
}

std::vector<std::string> Store::urls(const Query& query, const SearchOptions& options) {
  // A hit's URL is the link its match is about (on a filtered domain), so
  // the hits are read with their matches.
  SearchOptions with_matches = options;
  with_matches.text = HitText::snippet;
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (const Hit& hit : search(query, with_matches)) {
    if (seen.insert(hit.url).second) out.push_back(hit.url);
  }
  return out;
}

}  // namespace kn
