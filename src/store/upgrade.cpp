// Upgrading a database of an older schema: every issue of schema 1 or 2 is
// rebuilt from its stored rows (its source file may be gone) and written
// again, so that all that kn derives from an issue (domains, competitions,
// the full-text index, sections) follows the new schema's rules. Schemas 3
// to 6 differ only in what is derived from the entries as stored: the
// full-text index (and, for 3, entry_facts) is made again from them, the
// date index (5) orders issue numbers too, and (6) URLs are matched by
// their identity and entries flagged as write-ups.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "facts.hpp"
#include "internal.hpp"
#include "model/url_identity.hpp"
#include "model/writeup.hpp"
#include "schema.hpp"
#include "store/fts/rank.hpp"
#include "util/sanitize.hpp"
#include "util/url.hpp"

namespace kn {

namespace {

// What is derived goes; the issues, entries and links of schemas 1 and 2
// stay, renamed, to be read back.
constexpr const char* kRetire = R"sql(
DROP TRIGGER IF EXISTS link_urls_add;
DROP TRIGGER IF EXISTS link_urls_remove;
DROP TABLE IF EXISTS link_urls;
DROP TABLE IF EXISTS entries_fts;
DROP TABLE IF EXISTS mentions;
DROP TABLE IF EXISTS competitions;
DROP TABLE IF EXISTS issue_sections;
DROP TABLE IF EXISTS fts_state;
DROP TABLE IF EXISTS entry_sizes;
DROP TABLE IF EXISTS entry_facts;
DROP INDEX IF EXISTS issues_number;
DROP INDEX IF EXISTS issues_date;
DROP INDEX IF EXISTS entries_domain;
DROP INDEX IF EXISTS links_domain;
DROP INDEX IF EXISTS domains_rkey;
ALTER TABLE issues RENAME TO old_issues;
ALTER TABLE entries RENAME TO old_entries;
ALTER TABLE links RENAME TO old_links;
ALTER TABLE domains RENAME TO old_domains;
)sql";

constexpr const char* kDropOld = R"sql(
DROP TABLE old_links;
DROP TABLE old_entries;
DROP TABLE old_issues;
DROP TABLE old_domains;
)sql";

std::string clean(std::string_view text) { return without_controls(text); }

// The links of one old issue, by entry id.
std::unordered_map<std::int64_t, std::vector<Link>> old_links(Database& db, std::int64_t issue) {
  Statement rows(db,
                 "SELECT l.entry_id, l.text, l.url FROM old_links l JOIN old_entries e ON "
                 "e.id = l.entry_id WHERE e.issue_id = ?1 ORDER BY l.entry_id, l.position");
  rows.bind(1, issue);
  std::unordered_map<std::int64_t, std::vector<Link>> links;
  while (rows.step()) {
    links[rows.column_int(0)].push_back({clean(rows.column_text(1)), clean(rows.column_text(2))});
  }
  return links;
}

// The sections, cards and embeds of an old issue. Schemas before 3 kept no
// sections: consecutive items under one heading make one, as kn showed them.
void read_old_entries(Database& db, std::int64_t id, Issue& issue) {
  auto links = old_links(db, id);
  Statement rows(db,
                 "SELECT id, section_kind, section_heading, kind, title, url, image, body, "
                 "comment FROM old_entries WHERE issue_id = ?1 ORDER BY position");
  rows.bind(1, id);
  while (rows.step()) {
    std::vector<Link> entry_links = std::move(links[rows.column_int(0)]);
    const std::optional<EntryKind> kind = entry_kind_named(rows.column_text(3));
    if (kind == EntryKind::item) {
      const std::string section_kind(rows.column_text(1)), heading = clean(rows.column_text(2));
      if (issue.sections.empty() || to_string(issue.sections.back().kind) != section_kind ||
          issue.sections.back().heading != heading) {
        issue.sections.push_back(
            {section_kind_named(section_kind).value_or(SectionKind::other), heading, {}});
      }
      issue.sections.back().items.push_back({clean(rows.column_text(7)), std::move(entry_links)});
    } else if (kind == EntryKind::card) {
      Card card{
          clean(rows.column_text(4)),   clean(rows.column_text(5)), {},
          rows.column_optional_text(6), clean(rows.column_text(7)), clean(rows.column_text(8)),
          std::move(entry_links)};
      card.domain = url_domain(card.url);
      issue.cards.push_back(std::move(card));
    } else {
      issue.embeds.push_back(
          {clean(rows.column_text(5)), clean(rows.column_text(8)), std::move(entry_links)});
    }
  }
}

// The full-text index cut again from every stored entry by this kn's
// tokenizer (outside a batch every entry is indexed), and the entry sizes
// ranking reads from it.
void reindex_entries(Database& db) {
  db.exec("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')");
  db.exec("DELETE FROM entry_sizes");
  detail::record_entry_sizes(db, 0);
}

}  // namespace

std::int64_t Store::rebuild_derived() {
  Database& db = *db_;
  Transaction transaction(db);
  reindex_entries(db);
  db.exec("DELETE FROM entry_facts");
  detail::record_entry_facts(db, 0);
  db.exec("UPDATE fts_state SET indexed_up_to = (SELECT coalesce(max(id), 0) FROM entries)");
  const std::int64_t count = Statement(db, "SELECT count(*) FROM entries").single_int();
  transaction.commit();
  forget_cached_ids();
  return count;
}

void Store::derive_from_entries() {
  Database& db = *db_;
  db.exec(
      "ALTER TABLE entries ADD COLUMN writeup INTEGER NOT NULL DEFAULT 0; CREATE INDEX "
      "entries_writeup ON entries(writeup) WHERE writeup = 1; DELETE FROM mentions");
  // A chunk of entries at a time, read whole before any is written: a
  // statement must not walk rows that are being updated.
  constexpr std::int64_t kChunk = 1000;
  struct Row {
    std::int64_t id, issue;
    EntryKind kind;
    std::string title, url, body, comment;
    std::vector<Link> links;
  };
  Statement entries(db,
                    "SELECT id, issue_id, kind, title, coalesce(url, ''), body, comment FROM "
                    "entries WHERE id > ?1 ORDER BY id LIMIT ?2");
  Statement links(db,
                  "SELECT entry_id, text, url FROM links WHERE entry_id BETWEEN ?1 AND ?2 "
                  "ORDER BY entry_id, position");
  Statement& entry = statement("UPDATE entries SET url_key_id = ?1, writeup = ?2 WHERE id = ?3");
  Statement& link =
      statement("UPDATE links SET url_key_id = ?1 WHERE entry_id = ?2 AND position = ?3");
  for (std::int64_t last = 0;;) {
    std::vector<Row> rows;
    {
      const Statement::Use use = entries.use();
      entries.bind(1, last).bind(2, kChunk);
      while (entries.step()) {
        rows.push_back({entries.column_int(0),
                        entries.column_int(1),
                        entry_kind_named(entries.column_text(2)).value_or(EntryKind::item),
                        std::string(entries.column_text(3)),
                        std::string(entries.column_text(4)),
                        std::string(entries.column_text(5)),
                        std::string(entries.column_text(6)),
                        {}});
      }
    }
    if (rows.empty()) break;
    {
      const Statement::Use use = links.use();
      links.bind(1, rows.front().id).bind(2, rows.back().id);
      std::size_t k = 0;
      while (links.step()) {
        while (rows[k].id != links.column_int(0)) ++k;  // both ascend by entry id
        rows[k].links.push_back(
            {std::string(links.column_text(1)), std::string(links.column_text(2))});
      }
    }
    for (const Row& row : rows) {
      bind_url_key(entry, 1, row.url.empty() ? std::string() : url_identity(row.url));
      entry.bind(
          2, std::int64_t{is_writeup_entry(row.kind, row.title, row.body, row.comment, row.links)});
      entry.bind(3, row.id).run();
      for (std::size_t k = 0; k < row.links.size(); ++k) {
        bind_url_key(link, 1, url_identity(row.links[k].url));
        link.bind(2, row.id).bind(3, static_cast<std::int64_t>(k)).run();
      }
      add_mentions(row.id, row.issue,
                   {row.kind, row.title, row.url, row.body, row.comment, row.links});
    }
    last = rows.back().id;
  }
  db.exec(
      "DELETE FROM url_keys WHERE id NOT IN (SELECT url_key_id FROM entries WHERE url_key_id IS "
      "NOT NULL) AND id NOT IN (SELECT url_key_id FROM links WHERE url_key_id IS NOT NULL)");
}

void Store::upgrade() {
  Database& db = *db_;
  Transaction transaction(db);
  const std::int64_t from = detail::schema_version(db);  // another kn may have done it
  if (from >= kSchemaVersion) return transaction.commit();
  if (from >= 3) {
    // Schema 4 added entry_facts, schema 5 each bigram's first character to
    // the full-text index, schema 6 the issue number to the date index: all
    // derived from the rows as they are.
    std::vector<std::string> derived;
    if (from == 3) {
      detail::create_entry_facts(db);
      detail::record_entry_facts(db, 0);
      derived.emplace_back("entries' filter facts added");
    }
    if (from <= 4) {
      reindex_entries(db);
      derived.emplace_back("full-text index rebuilt");
    }
    if (from <= 5) {
      db.exec("DROP INDEX issues_date; CREATE INDEX issues_date ON issues(date, number)");
      derived.emplace_back("date index ordered by issue number too");
    }
    derive_from_entries();
    derived.emplace_back("links read again for pages, write-ups and nicknames");
    const std::int64_t count = Statement(db, "SELECT count(*) FROM issues").single_int();
    db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion).c_str());
    transaction.commit();
    const std::string last = derived.back();
    derived.pop_back();
    upgrade_ =
        Upgrade{from, count, false,
                derived.empty() ? "their " + last
                                : fmt::format("their {} and {}", fmt::join(derived, ", "), last)};
    return;
  }
  db.exec(kRetire);
  detail::create_schema(db);
  Statement issues(db,
                   "SELECT id, number, title, url, date, date_estimated, source, mtime_ns "
                   "FROM old_issues ORDER BY id");
  std::int64_t count = 0;
  while (issues.step()) {
    Issue issue;
    issue.number = static_cast<int>(issues.column_int(1));
    issue.title = clean(issues.column_text(2));
    issue.url = issues.column_text(3);
    if (const auto date = issues.column_optional_text(4)) issue.date = Date::parse(*date);
    issue.date_estimated = issues.column_int(5) != 0;
    issue.source = issues.column_text(6);
    read_old_entries(db, issues.column_int(0), issue);
    // No hash and an impossible size: the next kn index reads the file
    // again, where it still exists, for what the old rows could not keep.
    put_issue(issue, "", {-1, issues.column_int(7)});
    ++count;
  }
  issues.reset();
  db.exec(kDropOld);
  sync_index();
  db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion).c_str());
  transaction.commit();
  upgrade_ = Upgrade{from, count, true, {}};
}

}  // namespace kn
