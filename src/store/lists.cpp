#include "lists.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "internal.hpp"

namespace kn {

namespace {

// The text used most often; on a tie, the one seen first.
std::string most_used(const std::vector<std::string>& texts) {
  std::unordered_map<std::string, int> counts;
  std::string best;
  int best_count = 0;
  for (const std::string& text : texts) {
    if (text.empty()) continue;
    const int count = ++counts[text];
    if (count > best_count) {
      best = text;
      best_count = count;
    }
  }
  return best;
}

// Every citation: a link in an entry, or a card's own URL, with its text,
// issue and domain, under the filters.
std::string citations_sql(const Filters& filters, std::vector<Value>& values) {
  std::string sql =
      "SELECT c.url, c.text, i.number, c.domain_id, c.is_card FROM ("
      "SELECT l.url AS url, l.text AS text, e.issue_id AS issue_id, l.domain_id AS domain_id, "
      "0 AS is_card FROM links l JOIN entries e ON e.id = l.entry_id "
      "UNION ALL SELECT url, title, issue_id, domain_id, 1 FROM entries WHERE kind = 'card'"
      ") c JOIN issues i ON i.id = c.issue_id WHERE 1" +
      detail::date_sql(filters, values);
  if (!filters.domains.empty()) {
    sql += " AND c.domain_id IN (" + detail::domain_ids_sql(filters.domains, values) + ")";
  }
  return sql;
}

}  // namespace

std::vector<IssueRow> list_issues(Store& store, const Filters& filters) {
  std::vector<Value> values;
  Statement rows(detail::database(store),
                 "SELECT number, date, date_estimated, title, url, source, items, cards, embeds "
                 "FROM issues i WHERE 1" +
                     detail::date_sql(filters, values) + " ORDER BY number, date");
  bind_all(rows, values);
  std::vector<IssueRow> out;
  while (rows.step()) {
    out.push_back({static_cast<int>(rows.column_int(0)), rows.column_optional_text(1),
                   rows.column_int(2) != 0, std::string(rows.column_text(3)),
                   std::string(rows.column_text(4)), std::string(rows.column_text(5)),
                   static_cast<int>(rows.column_int(6)), static_cast<int>(rows.column_int(7)),
                   static_cast<int>(rows.column_int(8))});
  }
  return out;
}

std::vector<LinkRow> list_links(Store& store, const Filters& filters) {
  std::vector<Value> values;
  Statement rows(detail::database(store), citations_sql(filters, values) + " ORDER BY i.number");
  bind_all(rows, values);
  std::map<std::string, std::pair<LinkRow, std::vector<std::string>>> by_url;
  while (rows.step()) {
    auto& [row, texts] = by_url[std::string(rows.column_text(0))];
    ++row.cited;
    texts.emplace_back(rows.column_text(1));
    const int issue = static_cast<int>(rows.column_int(2));
    if (std::find(row.issues.begin(), row.issues.end(), issue) == row.issues.end()) {
      row.issues.push_back(issue);
    }
  }
  std::vector<LinkRow> out;
  out.reserve(by_url.size());
  for (auto& [url, entry] : by_url) {
    auto& [row, texts] = entry;
    row.url = url;
    row.text = most_used(texts);
    out.push_back(std::move(row));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const LinkRow& a, const LinkRow& b) { return a.cited > b.cited; });
  return out;
}

std::vector<DomainRow> list_domains(Store& store, const Filters& filters) {
  std::vector<Value> values;
  Statement rows(detail::database(store),
                 "SELECT d.name, sum(c.is_card = 0), sum(c.is_card) FROM (" +
                     citations_sql(filters, values) +
                     ") c JOIN domains d ON d.id = c.domain_id GROUP BY d.id "
                     "ORDER BY count(*) DESC, d.name");
  bind_all(rows, values);
  std::vector<DomainRow> out;
  while (rows.step()) {
    out.push_back({std::string(rows.column_text(0)), static_cast<int>(rows.column_int(1)),
                   static_cast<int>(rows.column_int(2))});
  }
  return out;
}

bool links_to_domain(Store& store, std::string_view domain) {
  Statement found(
      detail::database(store),
      "SELECT 1 FROM domains d WHERE d.name = ?1 AND (EXISTS (SELECT 1 FROM entries "
      "WHERE domain_id = d.id) OR EXISTS (SELECT 1 FROM links WHERE domain_id = d.id))");
  found.bind(1, domain);
  return found.step();
}

std::vector<std::string> latin_index_terms(Store& store, std::size_t shortest,
                                           std::size_t longest) {
  Database& db = detail::database(store);
  // A temporary table of the index's own words: it writes nothing to the
  // database, so a read-only connection may make it.
  db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kn_terms USING fts5vocab(main, entries_fts, row)");
  Statement terms(db,
                  "SELECT term FROM temp.kn_terms WHERE length(term) BETWEEN ?1 AND ?2 AND "
                  "term NOT GLOB '*[^a-z]*'");
  terms.bind(1, static_cast<std::int64_t>(shortest)).bind(2, static_cast<std::int64_t>(longest));
  std::vector<std::string> out;
  while (terms.step()) out.emplace_back(terms.column_text(0));
  return out;
}

}  // namespace kn
