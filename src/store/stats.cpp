#include "stats.hpp"

#include <fmt/core.h>

#include "internal.hpp"
#include "lists.hpp"

namespace kn {

namespace {

std::int64_t single(Store& store, const char* sql) {
  Statement statement(detail::database(store), sql);
  statement.step();
  return statement.column_int(0);
}

std::vector<Count> counts(Store& store, const char* sql) {
  Statement statement(detail::database(store), sql);
  std::vector<Count> out;
  while (statement.step()) {
    out.push_back({std::string(statement.column_text(0)), statement.column_int(1)});
  }
  return out;
}

}  // namespace

Stats archive_stats(Store& store) {
  Stats stats;
  Statement issues(detail::database(store),
                   "SELECT count(*), min(date), max(date), total(items), total(cards), "
                   "total(embeds) FROM issues");
  issues.step();
  stats.issues = issues.column_int(0);
  stats.first_date = issues.column_optional_text(1);
  stats.last_date = issues.column_optional_text(2);
  stats.items = issues.column_int(3);
  stats.cards = issues.column_int(4);
  stats.embeds = issues.column_int(5);
  stats.entries = stats.items + stats.cards + stats.embeds;
  stats.sections = counts(store,
                          "SELECT section_kind, sum(entries) FROM issue_sections "
                          "GROUP BY section_kind ORDER BY sum(entries) DESC, section_kind");
  stats.links = single(store, "SELECT count(*) FROM link_urls");
  stats.domains = single(store,
                         "SELECT count(*) FROM domains d WHERE EXISTS (SELECT 1 FROM links "
                         "WHERE domain_id = d.id) OR EXISTS (SELECT 1 FROM entries WHERE "
                         "domain_id = d.id)");
  stats.platforms = counts(store,
                           "SELECT c.platform, count(DISTINCT c.id) FROM competitions c WHERE "
                           "EXISTS (SELECT 1 FROM mentions WHERE competition_id = c.id) "
                           "GROUP BY c.platform ORDER BY count(DISTINCT c.id) DESC, c.platform");
  for (const Count& platform : stats.platforms) stats.competitions += platform.value;
  stats.database_bytes =
      single(store, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
  return stats;
}

Breakdown archive_breakdown(Store& store, Dimension dimension) {
  std::string sql;
  Breakdown out;
  switch (dimension) {
    case Dimension::month:
    case Dimension::year:
      sql = fmt::format(
          "SELECT coalesce(substr(date, 1, {}), '(no date)'), count(*), "
          "total(items + cards + embeds), total(cards) FROM issues GROUP BY 1 ORDER BY 1",
          dimension == Dimension::month ? 7 : 4);
      out.columns = {"issues", "entries", "cards"};
      break;
    case Dimension::section:
      sql = "SELECT section_kind, sum(entries) FROM issue_sections GROUP BY 1 ORDER BY 2 DESC, 1";
      out.columns = {"entries"};
      break;
    case Dimension::domain:
      for (const DomainRow& row : list_domains(store, {})) {
        out.rows.push_back({row.domain, {row.links, row.cards, row.links + row.cards}});
      }
      // Sorted by all citations: the chart draws that, so it is a column.
      out.columns = {"links", "cards", "cited"};
      return out;
    case Dimension::platform:
      sql =
          "SELECT c.platform, count(DISTINCT c.id), count(DISTINCT m.entry_id) FROM competitions "
          "c JOIN mentions m ON m.competition_id = c.id GROUP BY 1 ORDER BY 2 DESC, 1";
      out.columns = {"competitions", "mentions"};
      break;
  }
  Statement rows(detail::database(store), sql);
  while (rows.step()) {
    std::vector<std::int64_t> values;
    for (std::size_t k = 0; k < out.columns.size(); ++k) {
      values.push_back(rows.column_int(static_cast<int>(k) + 1));
    }
    out.rows.emplace_back(std::string(rows.column_text(0)), std::move(values));
  }
  return out;
}

}  // namespace kn
