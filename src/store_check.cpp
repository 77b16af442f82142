#include <fmt/core.h>

#include "kn/store.hpp"
#include "store_internal.hpp"

namespace kn {

CheckResult Store::check() {
  CheckResult result;
  Database& db = *db_;

  Statement integrity(db, "PRAGMA integrity_check");
  while (integrity.step()) {
    if (integrity.column_text(0) != "ok") result.problems.emplace_back(integrity.column_text(0));
  }
  result.checked.push_back("SQLite integrity check");

  Statement foreign_keys(db, "PRAGMA foreign_key_check");
  while (foreign_keys.step()) {
    result.problems.push_back(fmt::format("{} row {} refers to a missing {} row",
                                          foreign_keys.column_text(0), foreign_keys.column_int(1),
                                          foreign_keys.column_text(2)));
  }
  result.checked.push_back("no orphan entries or links");

  // With rank 1, FTS5 also compares its index with the entries table.
  if (sqlite3_exec(db.handle(),
                   "INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    result.problems.push_back(
        fmt::format("full-text index does not match the entries: {}", sqlite3_errmsg(db.handle())));
  }
  result.checked.push_back("full-text index matches the entries");

  Statement urls(db,
                 "SELECT coalesce(u.url, l.url), coalesce(u.links, 0), coalesce(l.links, 0) "
                 "FROM link_urls u FULL JOIN (SELECT url, count(*) AS links FROM links GROUP BY "
                 "url) l ON l.url = u.url WHERE u.links IS NOT l.links");
  while (urls.step()) {
    result.problems.push_back(fmt::format("{} counted as linked {} times, linked {} times",
                                          urls.column_text(0), urls.column_int(1),
                                          urls.column_int(2)));
  }
  result.checked.push_back("link URL counts match the links");

  Statement counts(db,
                   "SELECT i.number, i.url, i.items, i.cards, i.embeds, "
                   "count(e.id) FILTER (WHERE e.kind = 'item'), "
                   "count(e.id) FILTER (WHERE e.kind = 'card'), "
                   "count(e.id) FILTER (WHERE e.kind = 'embed'), "
                   "(SELECT total(entries) FROM issue_sections WHERE issue_id = i.id) "
                   "FROM issues i LEFT JOIN entries e ON e.issue_id = i.id GROUP BY i.id");
  while (counts.step()) {
    const std::int64_t total = counts.column_int(5) + counts.column_int(6) + counts.column_int(7);
    if (counts.column_int(2) != counts.column_int(5) ||
        counts.column_int(3) != counts.column_int(6) ||
        counts.column_int(4) != counts.column_int(7)) {
      result.problems.push_back(fmt::format(
          "issue #{} ({}) should have {} items, {} cards, {} embeds but has {}, {}, {}",
          counts.column_int(0), counts.column_text(1), counts.column_int(2), counts.column_int(3),
          counts.column_int(4), counts.column_int(5), counts.column_int(6), counts.column_int(7)));
    } else if (counts.column_int(8) != total) {
      result.problems.push_back(fmt::format("issue #{} ({}) counts {} entries by section, not {}",
                                            counts.column_int(0), counts.column_text(1),
                                            counts.column_int(8), total));
    }
  }
  result.checked.push_back("every issue has the entries it was indexed with");
  return result;
}

}  // namespace kn
