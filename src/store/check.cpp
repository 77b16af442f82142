// kn check: every consistency rule of the store, each read in one pass
// over its tables, so that checking takes time linear in the archive.
#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>

#include "facts.hpp"
#include "internal.hpp"
#include "kn/store.hpp"
#include "schema.hpp"
#include "store/fts/rank.hpp"

namespace kn {

namespace {

using Part = CheckResult::Part;

Part named(std::string what) {
  Part part;
  part.what = std::move(what);
  return part;
}

void add(Part& part, std::string problem) {
  if (part.found++ < CheckResult::kCheckProblems) part.problems.push_back(std::move(problem));
}

// Runs sql and adds describe(row) for each row it returns.
void each_row(Database& db, Part& part, const char* sql,
              const std::function<std::string(const Statement&)>& describe) {
  Statement rows(db, sql);
  while (rows.step()) add(part, describe(rows));
}

// What search ranks with must be what the index counts: a wrong size
// would rank silently wrong.
// Rows of a chunked table (entry_sizes, entry_facts) beyond the last
// entry: search leaves them out, but they are no part of a sound database.
void stray_chunks(Database& db, Part& part, const char* table, std::int64_t per_chunk) {
  Statement rows(db, fmt::format("SELECT chunk, (SELECT coalesce(max(id), 0) FROM entries) FROM "
                                 "{} WHERE chunk > (SELECT coalesce(max(id), 0) FROM entries) / ?1 "
                                 "OR chunk < 0 ORDER BY chunk",
                                 table));
  rows.bind(1, per_chunk);
  while (rows.step()) {
    add(part, fmt::format("{} chunk {}: lies beyond the last entry ({}); no entry has it", table,
                          rows.column_int(0), rows.column_int(1)));
  }
}

Part ranking_sizes(Database& db) {
  Part part = named("entry sizes for ranking match the full-text index");
  part.derived = true;
  stray_chunks(db, part, "entry_sizes", detail::kSizesPerChunk);
  detail::EntrySizes sizes;
  detail::load_entry_sizes(db, sizes);
  Statement rows(db, "SELECT id, sz FROM entries_fts_docsize ORDER BY id");
  while (rows.step()) {
    const std::int64_t id = rows.column_int(0);
    const std::uint16_t want = detail::docsize_tokens(rows, 1);
    const std::uint16_t have = id >= 0 && static_cast<std::uint64_t>(id) < sizes.tokens.size()
                                   ? sizes.tokens[static_cast<std::size_t>(id)]
                                   : 0;
    if (have != want) {
      add(part, fmt::format("entry {}: ranked as {} tokens, the full-text index holds {}", id, have,
                            want));
    }
  }
  return part;
}

// What filters test must be what the entries say: a wrong fact would
// filter silently wrong.
Part filter_facts(Database& db) {
  Part part = named("entry facts for filters match the entries");
  part.derived = true;
  stray_chunks(db, part, "entry_facts", detail::kFactsPerChunk);
  detail::EntryFacts facts;
  detail::load_entry_facts(db, facts);
  Statement rows(db,
                 "SELECT e.id, e.section_kind, i.number, i.date FROM entries e JOIN issues i ON "
                 "i.id = e.issue_id, fts_state s WHERE e.id <= s.indexed_up_to ORDER BY e.id");
  // Facts of ids that no entry has any more would be counted.
  std::int64_t next = 1;
  const auto none_until = [&](std::int64_t end) {
    for (; next < end && static_cast<std::uint64_t>(next) < facts.kind.size(); ++next) {
      if (facts.kind[static_cast<std::size_t>(next)] != 0) {
        add(part, fmt::format("entry {}: has filter facts, but no such entry is indexed", next));
      }
    }
    if (end < INT64_MAX) next = end + 1;
  };
  while (rows.step()) {
    const std::int64_t id = rows.column_int(0);
    none_until(id);
    const std::uint8_t kind = detail::kind_code(rows.column_text(1));
    const std::int64_t number = rows.column_int(2);
    const std::int32_t date = detail::date_code(rows.column_optional_text(3));
    const bool held = id >= 0 && static_cast<std::uint64_t>(id) < facts.kind.size();
    const auto at = static_cast<std::size_t>(held ? id : 0);
    if (!held || facts.kind[at] != kind || facts.number[at] != number || facts.date[at] != date) {
      add(part, fmt::format("entry {}: filtered as section code {}, issue #{}, date {}; it is in "
                            "{}, #{}, {}",
                            id, held ? facts.kind[at] : 0, held ? facts.number[at] : 0,
                            held ? facts.date[at] : 0, rows.column_text(1), number,
                            rows.column_optional_text(3).value_or("no date")));
    }
  }
  none_until(INT64_MAX);
  return part;
}

Part integrity(Database& db) {
  Part part = named("SQLite integrity check");
  each_row(db, part, "PRAGMA integrity_check",
           [](const Statement& row) -> std::string { return std::string(row.column_text(0)); });
  if (part.found == 1 && part.problems[0] == "ok") part = named(part.what);
  return part;
}

// Every row refers to rows that exist: the queries name what they can of
// the issue and entry concerned.
Part references(Database& db) {
  Part part = named("no orphan entries, links, sections or mentions");
  each_row(db, part,
           "SELECT id, position, issue_id FROM entries e WHERE NOT EXISTS "
           "(SELECT 1 FROM issues WHERE id = e.issue_id)",
           [](const Statement& r) {
             return fmt::format("entry {} (position {}) belongs to issue id {}, which is missing",
                                r.column_int(0), r.column_int(1), r.column_int(2));
           });
  each_row(db, part,
           "SELECT entry_id, position, url FROM links l WHERE NOT EXISTS "
           "(SELECT 1 FROM entries WHERE id = l.entry_id)",
           [](const Statement& r) {
             return fmt::format("link {} of entry {} ({}): the entry is missing", r.column_int(1),
                                r.column_int(0), r.column_text(2));
           });
  each_row(db, part,
           "SELECT i.number, i.source, e.position, e.section FROM entries e JOIN issues i ON "
           "i.id = e.issue_id WHERE e.section IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
           "sections WHERE issue_id = e.issue_id AND position = e.section)",
           [](const Statement& r) {
             return fmt::format("issue #{} ({}): entry {} is in section {}, which is missing",
                                r.column_int(0), r.column_text(1), r.column_int(2),
                                r.column_int(3));
           });
  each_row(db, part,
           "SELECT 'sections', issue_id FROM sections s WHERE NOT EXISTS (SELECT 1 FROM issues "
           "WHERE id = s.issue_id) UNION ALL SELECT 'section counts', issue_id FROM "
           "issue_sections s WHERE NOT EXISTS (SELECT 1 FROM issues WHERE id = s.issue_id)",
           [](const Statement& r) {
             return fmt::format("{} of issue id {}, which is missing", r.column_text(0),
                                r.column_int(1));
           });
  each_row(db, part,
           "SELECT entry_id, competition_id FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM "
           "entries WHERE id = m.entry_id) OR NOT EXISTS (SELECT 1 FROM competitions WHERE "
           "id = m.competition_id)",
           [](const Statement& r) {
             return fmt::format("a mention of competition {} by entry {}: one of them is missing",
                                r.column_int(1), r.column_int(0));
           });
  each_row(db, part,
           "SELECT 'entry', id FROM entries e WHERE domain_id IS NOT NULL AND NOT EXISTS "
           "(SELECT 1 FROM domains WHERE id = e.domain_id) UNION ALL SELECT 'a link of entry', "
           "entry_id FROM links l WHERE domain_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
           "domains WHERE id = l.domain_id)",
           [](const Statement& r) {
             return fmt::format("{} {} refers to a missing domain", r.column_text(0),
                                r.column_int(1));
           });
  each_row(db, part,
           "SELECT 'entry', id FROM entries e WHERE url_key_id IS NOT NULL AND NOT EXISTS "
           "(SELECT 1 FROM url_keys WHERE id = e.url_key_id) UNION ALL SELECT 'a link of entry', "
           "entry_id FROM links l WHERE url_key_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
           "url_keys WHERE id = l.url_key_id)",
           [](const Statement& r) {
             return fmt::format("{} {} refers to a missing URL key", r.column_text(0),
                                r.column_int(1));
           });
  return part;
}

// Each URL's count in link_urls against the links themselves: two sorted
// streams compared in one pass (a join of the two took time quadratic in
// the URLs).
Part link_counts(Database& db) {
  Part part = named("link URL counts match the links");
  Statement counted(db, "SELECT url, links FROM link_urls ORDER BY url");
  Statement linked(db, "SELECT url, count(*) FROM links GROUP BY url ORDER BY url");
  bool more_counted = counted.step(), more_linked = linked.step();
  while (more_counted || more_linked) {
    const int order = !more_counted  ? 1
                      : !more_linked ? -1
                                     : counted.column_text(0).compare(linked.column_text(0));
    const std::string_view url = order <= 0 ? counted.column_text(0) : linked.column_text(0);
    const std::int64_t a = order <= 0 ? counted.column_int(1) : 0;
    const std::int64_t b = order >= 0 ? linked.column_int(1) : 0;
    if (a != b) add(part, fmt::format("{} counted as linked {} times, linked {} times", url, a, b));
    if (order <= 0) more_counted = counted.step();
    if (order >= 0) more_linked = linked.step();
  }
  return part;
}

Part entry_counts(Database& db) {
  Part part = named("every issue has the entries it was indexed with");
  each_row(db, part,
           "SELECT i.number, i.source, i.items, i.cards, i.embeds, n.items, n.cards, n.embeds, "
           "(SELECT total(entries) FROM issue_sections WHERE issue_id = i.id) FROM issues i "
           "JOIN (SELECT i.id AS id, count(e.id) FILTER (WHERE e.kind = 'item') AS items, "
           "count(e.id) FILTER (WHERE e.kind = 'card') AS cards, "
           "count(e.id) FILTER (WHERE e.kind = 'embed') AS embeds FROM issues i LEFT JOIN "
           "entries e ON e.issue_id = i.id GROUP BY i.id) n ON n.id = i.id WHERE i.items <> "
           "n.items OR i.cards <> n.cards OR i.embeds <> n.embeds OR (SELECT total(entries) FROM "
           "issue_sections WHERE issue_id = i.id) <> n.items + n.cards + n.embeds",
           [](const Statement& r) {
             return fmt::format(
                 "issue #{} ({}) was indexed with {} items, {} cards, {} embeds and has {}, {}, "
                 "{} ({} counted by section)",
                 r.column_int(0), r.column_text(1), r.column_int(2), r.column_int(3),
                 r.column_int(4), r.column_int(5), r.column_int(6), r.column_int(7),
                 r.column_int(8));
           });
  return part;
}

// FTS5 compares its index with the entries (rank 1: the contents too).
// Its check is phrased as an INSERT, so it needs a connection that may
// write; where this one may not, it runs on a private copy.
std::string fts5_mismatch(Database& db) {
  return db.try_exec("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
      .value_or("");
}

}  // namespace

std::size_t CheckResult::problem_count() const {
  std::size_t n = 0;
  for (const Part& part : parts) n += part.found;
  return n;
}

std::vector<std::string> CheckResult::problems() const {
  std::vector<std::string> out;
  for (const Part& part : parts) out.insert(out.end(), part.problems.begin(), part.problems.end());
  return out;
}

CheckResult Store::check() {
  Database& db = *db_;
  // One snapshot for all the parts, whatever another kn commits meanwhile.
  const ReadSnapshot snapshot(db);
  CheckResult result;
  result.parts.push_back(integrity(db));
  result.parts.push_back(references(db));
  result.parts.push_back(fts_part());
  result.parts.push_back(link_counts(db));
  result.parts.push_back(entry_counts(db));
  result.parts.push_back(ranking_sizes(db));
  result.parts.push_back(filter_facts(db));
  return result;
}

CheckResult::Part Store::fts_part() {
  Part part = named("full-text index matches the entries");
  part.derived = true;
  const auto mismatch = [&](Database& db) {
    // FTS5's check writes nothing; the transaction around it is undone all
    // the same. BEGIN IMMEDIATE takes the write lock first, waiting out a
    // writer (kn index) under the busy timeout: a deferred BEGIN would read
    // first and then fail at once, unable to write after a newer commit.
    try {
      db.exec("BEGIN IMMEDIATE");
    } catch (const DatabaseError& e) {
      if (e.primary() != SQLITE_BUSY && e.primary() != SQLITE_LOCKED) throw;
      part.skipped = true;
      part.note = "another kn held the database for writing longer than the check waits (30 s)";
      return;
    }
    const std::string found = fts5_mismatch(db);
    db.exec("ROLLBACK");
    if (!found.empty()) add(part, "full-text index does not match the entries: " + found);
  };
  if (!detail::writable(path())) return check_on_copy(part, mismatch);
  Store writer;
  writer.open(path(), SQLITE_OPEN_READWRITE);
  writer.db_->exec("PRAGMA busy_timeout = 30000");
  mismatch(*writer.db_);
  return part;
}

// Where the database may not be written, its private copy in a temporary
// file (deleted after) is checked: that costs the database's size on disk
// and the time to copy it.
CheckResult::Part Store::check_on_copy(Part& part, const std::function<void(Database&)>& check) {
  std::error_code ec;
  const std::filesystem::path temporary = std::filesystem::temp_directory_path(ec);
  if (ec) {
    part.skipped = true;
    part.note = fmt::format(
        "the database is read-only here and there is no temporary directory for a private copy "
        "({})",
        ec.message());
    return part;
  }
  std::string name = (temporary / "kn-check-XXXXXX").string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    part.skipped = true;
    part.note = fmt::format("the database is read-only here and no private copy could be made ({})",
                            std::strerror(errno));
    return part;
  }
  ::close(fd);
  try {
    Store copy;
    copy.open(name, SQLITE_OPEN_READWRITE);
    copy_database(*db_, *copy.db_);
    check(*copy.db_);
    part.note = fmt::format("on a private copy of {:.1f} MB, as the database is read-only here",
                            static_cast<double>(std::filesystem::file_size(name, ec)) / 1e6);
  } catch (const Error& e) {
    part.skipped = true;
    part.note = fmt::format("the database is read-only here and its copy failed ({})", e.what());
  }
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::remove((name + suffix).c_str());
  return part;
}

}  // namespace kn
