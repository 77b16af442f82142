#include "kn/store.hpp"

#include <fmt/chrono.h>
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <map>
#include <queue>
#include <system_error>
#include <unordered_map>
#include <variant>

#include "kn/competition.hpp"
#include "kn/error.hpp"
#include "kn/tokenizer.hpp"
#include "kn/url.hpp"

namespace kn {

namespace fs = std::filesystem;

namespace {

// How a search ranks: bm25, titles weighing four times bodies and comments.
// The table's rank option (kFullText) says the same, for queries made in the
// sqlite3 shell.
constexpr const char* kRankFunction = "bm25(entries_fts, 1.0, 1.0, 4.0)";

// Entries of cards and embeds are filed under this section kind.
constexpr std::string_view kLinksSection = "links";

constexpr const char* kSchema = R"sql(
CREATE TABLE issues (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  date TEXT,
  date_estimated INTEGER NOT NULL,
  source TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  indexed_at TEXT NOT NULL,
  items INTEGER NOT NULL,
  cards INTEGER NOT NULL,
  embeds INTEGER NOT NULL
);
CREATE INDEX issues_number ON issues(number);
CREATE INDEX issues_date ON issues(date);

-- Hosts once each; rkey has the labels reversed ("com.github.api") so that
-- a domain and its subdomains are one index range.
CREATE TABLE domains (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  rkey TEXT NOT NULL
);
CREATE INDEX domains_rkey ON domains(rkey);

-- AUTOINCREMENT: ids only grow, so the entries not yet in the full-text
-- index are exactly those above the last one indexed (see sync_index).
CREATE TABLE entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  section_kind TEXT NOT NULL,
  section_heading TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('item', 'card', 'embed')),
  title TEXT NOT NULL,
  url TEXT,
  domain_id INTEGER REFERENCES domains(id),
  image TEXT,
  body TEXT NOT NULL,
  comment TEXT NOT NULL,
  UNIQUE (issue_id, position)
);
CREATE INDEX entries_domain ON entries(domain_id) WHERE domain_id IS NOT NULL;

CREATE TABLE links (
  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  url TEXT NOT NULL,
  domain_id INTEGER REFERENCES domains(id),
  PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
CREATE INDEX links_domain ON links(domain_id) WHERE domain_id IS NOT NULL;

-- Competitions found by the URLs entries link to (see competition.hpp), and
-- each link to one. text is what may name the competition ('' when nothing
-- can) and quality how well: 0 a link to its front page, 1 the title of a
-- card for it, 2 a link to another of its pages.
CREATE TABLE competitions (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE
);
CREATE TABLE mentions (
  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  issue_id INTEGER NOT NULL,  -- the entry's, so listing needs no join with entries
  competition_id INTEGER NOT NULL REFERENCES competitions(id),
  text TEXT NOT NULL,
  quality INTEGER NOT NULL,
  PRIMARY KEY (competition_id, entry_id, text)
) WITHOUT ROWID;
CREATE INDEX mentions_entry ON mentions(entry_id);

-- Entries per section kind of each issue, for kn stats without a scan of
-- the entries.
CREATE TABLE issue_sections (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  section_kind TEXT NOT NULL,
  entries INTEGER NOT NULL,
  PRIMARY KEY (issue_id, section_kind)
) WITHOUT ROWID;

-- Entries up to this id are in the full-text index; above it they are
-- still to be added (see sync_index). Kept in the database, not in memory,
-- because another kn may have indexed since this one opened the file.
CREATE TABLE fts_state (
  id INTEGER PRIMARY KEY CHECK (id = 0),
  indexed_up_to INTEGER NOT NULL
);
INSERT INTO fts_state VALUES (0, 0);
)sql";

// The full-text index of the entries (external content). kn adds new entries
// to it in one statement per transaction (sync_index): FTS5 writes its
// pending terms out at every statement savepoint, so a trigger per row would
// leave a tiny segment per entry.
//
// Body comes first: FTS5 marks where each column but the first begins in
// every position list (two bytes per term and entry), and bodies hold the
// most text. Schema 1 had title first; its index was 15 % larger.
constexpr const char* kFullText = R"sql(
CREATE VIRTUAL TABLE entries_fts USING fts5(
  body, comment, title,
  content = 'entries', content_rowid = 'id', tokenize = 'porter kn');
INSERT INTO entries_fts (entries_fts, rank) VALUES ('rank', 'bm25(1.0, 1.0, 4.0)');
)sql";

// Schema 2 = kSchema, kFullText and this. Schema 1 had no link_urls.
constexpr const char* kLinkUrls = R"sql(
-- The URLs links point to, each once, with how many links do: kn stats
-- counts them here, not over every link. The triggers keep it in step with
-- links (cascaded deletes fire them too).
CREATE TABLE link_urls (
  url TEXT PRIMARY KEY,
  links INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER link_urls_add AFTER INSERT ON links BEGIN
  INSERT INTO link_urls (url, links) VALUES (new.url, 1)
    ON CONFLICT (url) DO UPDATE SET links = links + 1;
END;
CREATE TRIGGER link_urls_remove AFTER DELETE ON links BEGIN
  UPDATE link_urls SET links = links - 1 WHERE url = old.url;
  DELETE FROM link_urls WHERE url = old.url AND links = 0;
END;
)sql";

// --- The FTS5 tokenizer "kn", a thin adapter over kn::tokenize. ----------

Fts5Tokenizer* the_tokenizer() {
  static int instance;  // stateless: any non-null handle will do
  return reinterpret_cast<Fts5Tokenizer*>(&instance);
}

int fts_create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = the_tokenizer();
  return SQLITE_OK;
}

void fts_delete(Fts5Tokenizer*) {}

int fts_tokenize(Fts5Tokenizer*, void* context, int flags, const char* text, int length,
                 int (*emit)(void*, int, const char*, int, int, int)) {
  const TokenizeMode mode =
      (flags & FTS5_TOKENIZE_QUERY) ? TokenizeMode::query : TokenizeMode::document;
  try {
    return tokenize(std::string_view(text, static_cast<std::size_t>(length)), mode,
                    [&](const Token& token) {
                      return emit(context, 0, token.text.data(),
                                  static_cast<int>(token.text.size()), token.start, token.end);
                    });
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

void register_tokenizer(Database& db) {
  fts5_api* api = nullptr;
  {
    Statement get(db, "SELECT fts5(?1)");
    sqlite3_bind_pointer(get.handle(), 1, &api, "fts5_api_ptr", nullptr);
    get.step();
  }
  if (!api) throw Error(fmt::format("{}: this SQLite has no FTS5", db.path()));
  fts5_tokenizer tokenizer{fts_create, fts_delete, fts_tokenize};
  if (api->xCreateTokenizer(api, "kn", nullptr, &tokenizer, nullptr) != SQLITE_OK) db.fail();
}

// Once a transaction is rolled back, ids cached from it may not exist.
void on_rollback(void* store) { static_cast<Store*>(store)->forget_cached_ids(); }

std::string now_utc() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// SQLite's own message for these is "unable to open database file".
void require_writable(const std::string& path) {
  const fs::path parent = fs::absolute(path).parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) throw Error(fmt::format("{}: cannot create {}: {}", path, parent.string(), ec.message()));
  // The directory must take the -wal and -shm files beside the database.
  if (::access(parent.c_str(), W_OK) != 0) {
    throw Error(
        fmt::format("{}: cannot write in {}: {}", path, parent.string(), std::strerror(errno)));
  }
  if (::access(path.c_str(), F_OK) == 0 && ::access(path.c_str(), W_OK) != 0) {
    throw Error(fmt::format("{}: cannot write the database: {}", path, std::strerror(errno)));
  }
}

}  // namespace

std::string domain_key(std::string_view domain) {
  std::string key;
  key.reserve(domain.size());
  std::size_t end = domain.size();
  while (true) {
    const std::size_t dot = domain.rfind('.', end == 0 ? 0 : end - 1);
    const std::size_t start = (dot == std::string_view::npos || end == 0) ? 0 : dot + 1;
    if (!key.empty()) key += '.';
    key.append(domain.substr(start, end - start));
    if (start == 0) break;
    end = dot;
  }
  return key;
}

std::string database_path(const std::string& flag) {
  if (!flag.empty()) return flag;
  const auto env = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value ? value : "";
  };
  if (std::string path = env("KN_DB"); !path.empty()) return path;
  if (std::string data = env("XDG_DATA_HOME"); !data.empty()) return data + "/kn/kn.db";
  if (std::string home = env("HOME"); !home.empty()) return home + "/.local/share/kn/kn.db";
  throw Error("no place for the database: set --db, KN_DB or HOME");
}

Store::Store(const std::string& path, Access access) {
  if (access == Access::read_only) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      throw Error(fmt::format("{}: no database here; create it with 'kn index DIR'", path));
    }
  } else {
    require_writable(path);
  }
  db_ =
      std::make_unique<Database>(path, access == Access::read_only ? Database::Access::read_only
                                                                   : Database::Access::read_write);
  prepare_schema(access);
}

std::unique_ptr<Store> Store::scratch_copy_of(const std::string& path) {
  std::unique_ptr<Store> scratch(new Store());
  scratch->db_ = std::make_unique<Database>(":memory:", Database::Access::read_write);
  std::error_code ec;
  if (fs::exists(path, ec)) {
    const Store original(path, Access::read_only);
    sqlite3_backup* backup =
        sqlite3_backup_init(scratch->db_->handle(), "main", original.db_->handle(), "main");
    if (!backup) scratch->db_->fail("cannot copy the database");
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) scratch->db_->fail("cannot copy the database");
  }
  scratch->prepare_schema(Access::read_write);
  return scratch;
}

Store::~Store() = default;

void Store::prepare_schema(Access access) {
  Database& db = *db_;
  register_tokenizer(db);
  sqlite3_rollback_hook(db.handle(), on_rollback, this);
  db.exec("PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON");

  // Only reads until the file is known to be a kn database: a stranger's
  // file must never be rewritten.
  std::int64_t application_id = 0, version = 0, tables = 0;
  try {
    Statement id(db, "PRAGMA application_id");
    if (id.step()) application_id = id.column_int(0);
    Statement user_version(db, "PRAGMA user_version");
    if (user_version.step()) version = user_version.column_int(0);
    Statement count(db, "SELECT count(*) FROM sqlite_schema");
    if (count.step()) tables = count.column_int(0);
  } catch (const Error&) {
    if (sqlite3_errcode(db.handle()) == SQLITE_NOTADB) {
      throw Error(fmt::format("{}: not a kn database (not an SQLite file)", db.path()));
    }
    throw;
  }
  const bool fresh = application_id == 0 && version == 0 && tables == 0;
  if (!fresh && application_id != kApplicationId) {
    throw Error(fmt::format("{}: not a kn database", db.path()));
  }
  if (version > kSchemaVersion) {
    throw Error(fmt::format("{}: made by a newer kn (schema {}; this kn knows up to {})", db.path(),
                            version, kSchemaVersion));
  }
  if (access == Access::read_only) {
    if (fresh)
      throw Error(fmt::format("{}: empty database; fill it with 'kn index DIR'", db.path()));
    if (version < kSchemaVersion) {
      throw Error(fmt::format("{}: made by an older kn (schema {}); 'kn index DIR' upgrades it",
                              db.path(), version));
    }
    return;
  }
  if (db.path() != ":memory:") db.exec("PRAGMA journal_mode = WAL");
  // A larger page cache keeps the b-trees' upper pages in memory across a
  // long index run; 16 MiB stays well inside the memory budget. Statement
  // journals stay on SQLite's default, a temporary file past 64 KiB: held in
  // memory (temp_store = MEMORY), they raised peak RSS on 16,000 issues from
  // 33 to 56 MB, growing with the index as FTS5 merges larger segments.
  db.exec("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384");
  if (!fresh && version == kSchemaVersion) return;

  // Another kn may have created or upgraded it meanwhile: look again inside
  // the transaction.
  Transaction transaction(db);
  Statement recheck(db, "PRAGMA user_version");
  recheck.step();
  const std::int64_t now = recheck.column_int(0);
  recheck.reset();
  if (fresh && now == 0) {
    db.exec(kSchema);
    db.exec(kFullText);
    db.exec(kLinkUrls);
    db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId).c_str());
  } else if (now == 1) {
    db.exec(kLinkUrls);
    db.exec("INSERT INTO link_urls SELECT url, count(*) FROM links GROUP BY url");
    db.exec("DROP TABLE entries_fts");
    db.exec(kFullText);
    db.exec("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')");
    db.exec("UPDATE fts_state SET indexed_up_to = (SELECT coalesce(max(id), 0) FROM entries)");
  }
  if (now < kSchemaVersion) {
    db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion).c_str());
  }
  transaction.commit();
}

Statement& Store::statement(std::unique_ptr<Statement>& slot, std::string_view sql) {
  if (!slot) slot = std::make_unique<Statement>(*db_, sql);
  return *slot;
}

constexpr const char* kIssueColumns = "id, number, url, source, hash, size, mtime_ns";

StoredIssue Store::stored_issue(const Statement& row) const {
  return {row.column_int(0),
          static_cast<int>(row.column_int(1)),
          std::string(row.column_text(2)),
          std::string(row.column_text(3)),
          std::string(row.column_text(4)),
          {row.column_int(5), row.column_int(6)}};
}

std::optional<StoredIssue> Store::find_by_source(std::string_view source) {
  Statement& find = statement(
      find_by_source_, fmt::format("SELECT {} FROM issues WHERE source = ?1", kIssueColumns));
  find.bind(1, source);
  std::optional<StoredIssue> found;
  if (find.step()) found = stored_issue(find);
  find.reset();
  return found;
}

std::optional<StoredIssue> Store::find_by_url(std::string_view url) {
  Statement& find =
      statement(find_by_url_, fmt::format("SELECT {} FROM issues WHERE url = ?1", kIssueColumns));
  find.bind(1, url);
  std::optional<StoredIssue> found;
  if (find.step()) found = stored_issue(find);
  find.reset();
  return found;
}

std::vector<StoredIssue> Store::issues() {
  Statement all(*db_, fmt::format("SELECT {} FROM issues ORDER BY id", kIssueColumns));
  std::vector<StoredIssue> out;
  while (all.step()) out.push_back(stored_issue(all));
  return out;
}

void Store::put_issue(const Issue& issue, std::string_view hash, FileStamp stamp) {
  // A file holds one issue: what this path held before goes if it is another.
  if (const auto previous = find_by_source(issue.source); previous && previous->url != issue.url) {
    remove_issue(previous->id);
  }
  std::size_t items = 0;
  for (const Section& section : issue.sections) items += section.items.size();

  const std::optional<StoredIssue> existing = find_by_url(issue.url);
  Statement& write =
      existing ? statement(update_issue_,
                           "UPDATE issues SET number = ?1, title = ?2, date = ?4, "
                           "date_estimated = ?5, source = ?6, hash = ?7, size = ?8, mtime_ns = ?9, "
                           "indexed_at = ?10, items = ?11, cards = ?12, embeds = ?13 "
                           "WHERE url = ?3")
               : statement(insert_issue_,
                           "INSERT INTO issues (number, title, url, date, date_estimated, source, "
                           "hash, size, mtime_ns, indexed_at, items, cards, embeds) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  write.bind(1, issue.number).bind(2, issue.title).bind(3, issue.url);
  write.bind(4, issue.date ? std::optional(issue.date->to_string()) : std::nullopt);
  write.bind(5, issue.date_estimated ? 1 : 0).bind(6, issue.source).bind(7, hash);
  write.bind(8, stamp.size).bind(9, stamp.mtime_ns).bind(10, now_utc());
  write.bind(11, static_cast<std::int64_t>(items));
  write.bind(12, static_cast<std::int64_t>(issue.cards.size()));
  write.bind(13, static_cast<std::int64_t>(issue.embeds.size()));
  write.run();

  std::int64_t issue_id = 0;
  if (existing) {
    issue_id = existing->id;
    delete_entries(issue_id);
  } else {
    issue_id = sqlite3_last_insert_rowid(db_->handle());
  }
  insert_entries(issue_id, issue);
}

void Store::insert_entries(std::int64_t issue_id, const Issue& issue) {
  Statement& entry = statement(
      insert_entry_,
      "INSERT INTO entries (issue_id, position, section_kind, section_heading, kind, title, url, "
      "domain_id, image, body, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  Statement& link = statement(
      insert_link_,
      "INSERT INTO links (entry_id, position, text, url, domain_id) VALUES (?1, ?2, ?3, ?4, ?5)");
  int position = 0;
  const auto add = [&](std::string_view section_kind, std::string_view heading,
                       std::string_view kind, std::string_view title,
                       const std::optional<std::string>& url,
                       const std::optional<std::string>& image, std::string_view body,
                       std::string_view comment, const std::vector<Link>& links) {
    entry.bind(1, issue_id).bind(2, position++).bind(3, section_kind).bind(4, heading);
    entry.bind(5, kind).bind(6, title).bind(7, url);
    bind_domain(entry, 8, url ? url_domain(*url) : std::string());
    entry.bind(9, image).bind(10, body).bind(11, comment);
    entry.run();
    const std::int64_t entry_id = sqlite3_last_insert_rowid(db_->handle());
    if (url) add_mention(entry_id, issue_id, *url, title, true);
    for (std::size_t i = 0; i < links.size(); ++i) {
      link.bind(1, entry_id).bind(2, static_cast<std::int64_t>(i)).bind(3, links[i].text);
      link.bind(4, links[i].url);
      bind_domain(link, 5, url_domain(links[i].url));
      link.run();
      add_mention(entry_id, issue_id, links[i].url, links[i].text, false);
    }
  };
  for (const Section& section : issue.sections) {
    for (const Item& item : section.items) {
      add(to_string(section.kind), section.heading, "item", "", std::nullopt, std::nullopt,
          item.text, "", item.links);
    }
  }
  for (const Card& card : issue.cards) {
    add(kLinksSection, "", "card", card.title, card.url, card.image, card.blurb, card.comment,
        card.links);
  }
  for (const Embed& embed : issue.embeds) {
    add(kLinksSection, "", "embed", "", embed.url, std::nullopt, "", embed.comment, embed.links);
  }

  std::map<std::string_view, std::int64_t> per_kind;
  for (const Section& section : issue.sections) {
    per_kind[to_string(section.kind)] += static_cast<std::int64_t>(section.items.size());
  }
  per_kind[kLinksSection] += static_cast<std::int64_t>(issue.cards.size() + issue.embeds.size());
  Statement& count =
      statement(insert_section_count_,
                "INSERT INTO issue_sections (issue_id, section_kind, entries) VALUES (?1, ?2, ?3)");
  for (const auto& [kind, entries] : per_kind) {
    if (entries > 0) count.bind(1, issue_id).bind(2, kind).bind(3, entries).run();
  }
}

void Store::bind_domain(Statement& statement, int index, const std::string& domain) {
  if (domain.empty()) {
    statement.bind_null(index);
    return;
  }
  auto cached = domain_ids_.find(domain);
  if (cached == domain_ids_.end()) {
    Statement& upsert =
        this->statement(upsert_domain_,
                        "INSERT INTO domains (name, rkey) VALUES (?1, ?2) "
                        "ON CONFLICT (name) DO UPDATE SET name = name RETURNING id");
    upsert.bind(1, domain).bind(2, domain_key(domain));
    upsert.step();
    cached = domain_ids_.emplace(domain, upsert.column_int(0)).first;
    upsert.reset();
  }
  statement.bind(index, cached->second);
}

void Store::forget_cached_ids() {
  domain_ids_.clear();
  competition_ids_.clear();
}

void Store::add_mention(std::int64_t entry_id, std::int64_t issue_id, const std::string& url,
                        std::string_view text, bool from_title) {
  const std::optional<CompetitionLink> competition = competition_of(url);
  if (!competition) return;
  auto cached = competition_ids_.find(competition->url);
  if (cached == competition_ids_.end()) {
    Statement& upsert = statement(upsert_competition_,
                                  "INSERT INTO competitions (platform, url) VALUES (?1, ?2) "
                                  "ON CONFLICT (url) DO UPDATE SET url = url RETURNING id");
    upsert.bind(1, competition->platform).bind(2, competition->url);
    upsert.step();
    cached = competition_ids_.emplace(competition->url, upsert.column_int(0)).first;
    upsert.reset();
  }
  std::string name = trim_brackets(text);
  int quality = 0;
  switch (competition->page) {
    case CompetitionPage::front: quality = from_title ? 1 : 0; break;
    case CompetitionPage::other: quality = 2; break;
    case CompetitionPage::discussion: name.clear(); break;
  }
  if (!is_name_text(name, competition->platform)) name.clear();
  statement(insert_mention_,
            "INSERT OR IGNORE INTO mentions (entry_id, issue_id, competition_id, text, quality) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, entry_id)
      .bind(2, issue_id)
      .bind(3, cached->second)
      .bind(4, name)
      .bind(5, quality)
      .run();
}

void Store::touch(std::int64_t issue_id, FileStamp stamp) {
  statement(touch_, "UPDATE issues SET size = ?2, mtime_ns = ?3 WHERE id = ?1")
      .bind(1, issue_id)
      .bind(2, stamp.size)
      .bind(3, stamp.mtime_ns)
      .run();
}

std::int64_t Store::indexed_up_to() {
  Statement& state = statement(read_fts_state_, "SELECT indexed_up_to FROM fts_state");
  state.step();
  const std::int64_t up_to = state.column_int(0);
  state.reset();
  return up_to;
}

void Store::delete_entries(std::int64_t issue_id) {
  statement(delete_section_counts_, "DELETE FROM issue_sections WHERE issue_id = ?1")
      .bind(1, issue_id)
      .run();
  // Entries already in the full-text index leave it first, with the values
  // they were indexed with.
  statement(unindex_entries_,
            "INSERT INTO entries_fts (entries_fts, rowid, title, body, comment) "
            "SELECT 'delete', id, title, body, comment FROM entries "
            "WHERE issue_id = ?1 AND id <= ?2")
      .bind(1, issue_id)
      .bind(2, indexed_up_to())
      .run();
  statement(delete_entries_, "DELETE FROM entries WHERE issue_id = ?1").bind(1, issue_id).run();
}

void Store::sync_index() {
  const std::int64_t up_to = indexed_up_to();
  Statement& newest = statement(newest_entry_, "SELECT coalesce(max(id), 0) FROM entries");
  newest.step();
  const std::int64_t last = newest.column_int(0);
  newest.reset();
  if (last <= up_to) return;
  statement(index_entries_,
            "INSERT INTO entries_fts (rowid, title, body, comment) "
            "SELECT id, title, body, comment FROM entries WHERE id > ?1")
      .bind(1, up_to)
      .run();
  statement(write_fts_state_, "UPDATE fts_state SET indexed_up_to = ?1").bind(1, last).run();
}

void Store::remove_issue(std::int64_t issue_id) {
  delete_entries(issue_id);
  statement(delete_issue_, "DELETE FROM issues WHERE id = ?1").bind(1, issue_id).run();
}

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

namespace {

using Value = std::variant<std::int64_t, std::string>;

// FROM and WHERE of a search, with the values to bind in order.
struct SearchSql {
  std::string from_where;
  std::vector<Value> values;
};

// The filters as " AND ..." conditions on entries e and issues i, adding
// the values to bind in order. section_kind names the column sections are
// compared with.
std::string filter_sql(const Filters& f, std::vector<Value>& values,
                       std::string_view section_kind = "e.section_kind") {
  std::string q;
  const auto any_of = [&](std::size_t n, const auto& one) {
    q += " AND (";
    for (std::size_t k = 0; k < n; ++k) {
      if (k) q += " OR ";
      one(k);
    }
    q += ")";
  };
  if (!f.sections.empty()) {
    any_of(f.sections.size(), [&](std::size_t k) {
      q += section_kind;
      q += " = ?";
      values.emplace_back(f.sections[k]);
    });
  }
  if (!f.issues.empty()) {
    any_of(f.issues.size(), [&](std::size_t k) {
      q += "i.number BETWEEN ? AND ?";
      values.emplace_back(std::int64_t{f.issues[k].first});
      values.emplace_back(std::int64_t{f.issues[k].second});
    });
  }
  if (f.since) {
    q += " AND i.date >= ?";
    values.emplace_back(*f.since);
  }
  if (f.until) {
    q += " AND i.date <= ?";
    values.emplace_back(*f.until);
  }
  if (!f.domains.empty()) {
    // The domain and its subdomains: one range of the reversed-label key.
    std::string ids = "SELECT id FROM domains WHERE";
    for (std::size_t k = 0; k < f.domains.size(); ++k) {
      ids += k ? " OR" : "";
      ids += " rkey = ? OR (rkey > ? AND rkey < ?)";
    }
    const auto bind_ids = [&] {
      for (const std::string& domain : f.domains) {
        const std::string key = domain_key(domain);
        values.emplace_back(key);
        values.emplace_back(key + ".");
        values.emplace_back(key + "/");  // '/' follows '.'
      }
    };
    q += " AND (e.domain_id IN (" + ids + ")";
    bind_ids();
    q += " OR e.id IN (SELECT entry_id FROM links WHERE domain_id IN (" + ids + ")))";
    bind_ids();
  }
  return q;
}

// by_date: rows are wanted in date order. Without words, issues then come
// first, in the order of their date index, so that a page of results ends
// the scan early instead of sorting every row.
SearchSql search_sql(const Query& query, bool by_date) {
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
  q += filter_sql(query.filters, sql.values);
  if (!query.exclude.empty()) {
    q += " AND e.id NOT IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)";
    sql.values.emplace_back(query.exclude);
  }
  return sql;
}

// Binds values from parameter first on.
void bind_all(Statement& statement, const std::vector<Value>& values, int first = 1) {
  for (std::size_t k = 0; k < values.size(); ++k) {
    const int index = static_cast<int>(k) + first;
    if (const auto* n = std::get_if<std::int64_t>(&values[k])) {
      statement.bind(index, *n);
    } else {
      statement.bind(index, std::get<std::string>(values[k]));
    }
  }
}

}  // namespace

namespace {

// What a search orders by: read for the rows that may be on the page,
// before any of their text is.
struct HitKey {
  std::int64_t entry_id = 0;
  std::optional<std::string> date;
  int issue = 0, position = 0;
  double score = 0;
};

// Newest first: the order of ties.
bool newer(const HitKey& a, const HitKey& b) {
  if (a.date != b.date) return a.date > b.date;
  if (a.issue != b.issue) return a.issue > b.issue;
  return a.position < b.position;
}

// Only the page of results is read in full, and only it gets a snippet:
// SQLite would compute the snippet of every row it sorts or passes over.
// The page is read kDetailChunk entries at a time (bound parameters).
constexpr std::size_t kDetailChunk = 500;
constexpr const char* kHitColumns =
    "SELECT i.date_estimated, e.section_kind, e.section_heading, e.kind, e.title, "
    "coalesce(e.url, (SELECT url FROM links WHERE entry_id = e.id ORDER BY position LIMIT 1), "
    "i.url), e.body, e.comment, e.id, ";

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
  hit.kind = row.column_text(3);
  hit.title = row.column_text(4);
  hit.url = row.column_text(5);
  hit.body = row.column_text(6);
  hit.comment = row.column_text(7);
  hit.snippet = row.column_text(9);
  return hit;
}

// Fills hits[first, last) with the entries of keys[first, last). One
// statement for them all: FTS5 evaluates the query once (a prefix query
// merges every term it matches), within the range of their rowids.
void read_hits(Database& db, const Query& query, const std::vector<HitKey>& keys, std::size_t first,
               std::size_t last, std::vector<Hit>& hits) {
  const bool ranked = !query.match.empty();
  std::string ids;
  std::int64_t low = keys[first].entry_id, high = low;
  std::unordered_map<std::int64_t, std::size_t> slot;
  for (std::size_t k = first; k < last; ++k) {
    ids += k > first ? ", ?" : "?";
    low = std::min(low, keys[k].entry_id);
    high = std::max(high, keys[k].entry_id);
    slot.emplace(keys[k].entry_id, k);
  }
  Statement detail(
      db, std::string(kHitColumns) +
              (ranked ? "snippet(entries_fts, -1, char(2), char(3), '…', 24) "
                        "FROM entries_fts CROSS JOIN entries e ON e.id = entries_fts.rowid "
                        "JOIN issues i ON i.id = e.issue_id WHERE entries_fts MATCH ? "
                        "AND entries_fts.rowid BETWEEN ? AND ? AND +entries_fts.rowid IN (" +
                            ids + ")"
                      : "'' FROM entries e JOIN issues i ON i.id = e.issue_id "
                        "WHERE e.id IN (" +
                            ids + ")"));
  int index = 1;
  if (ranked) {
    detail.bind(1, query.match).bind(2, low).bind(3, high);
    index = 4;
  }
  for (std::size_t k = first; k < last; ++k) detail.bind(index++, keys[k].entry_id);
  while (detail.step()) {
    const std::size_t k = slot.at(detail.column_int(8));
    hits[k] = read_hit(keys[k], detail);
  }
}

// Keys in rank order, newest first among ties, for the page of options, in
// one pass over the matches: a row is kept while it can still be on the
// page (or tie with its last hit), and only then looked up, filters and all.
// Cheaper than ORDER BY rank, where FTS5 sorts every match.
std::vector<HitKey> ranked_keys(Database& db, const Query& query, const SearchOptions& options) {
  std::vector<Value> values;
  const std::string filters = filter_sql(query.filters, values);
  Statement key(db,
                "SELECT i.date, i.number, e.position FROM entries e JOIN issues i ON i.id = "
                "e.issue_id WHERE e.id = ?" +
                    filters);
  Statement matches(db, fmt::format("SELECT rowid, {} FROM entries_fts WHERE entries_fts MATCH ?",
                                    kRankFunction));
  matches.bind(1, query.match);
  const auto wanted = static_cast<std::size_t>(options.offset + options.limit);
  std::vector<HitKey> keys;
  // The best `wanted` scores kept so far, worst on top: once there are that
  // many, a row must score at least as well as the top to make the page.
  std::priority_queue<double> best;
  double bound = std::numeric_limits<double>::infinity();
  // Rows beaten since they were kept go when the kept rows double, so rows
  // tied at the bound cost linear time, not quadratic.
  std::size_t prune_at = 64;
  while (matches.step()) {
    const double score = sqlite3_column_double(matches.handle(), 1);
    if (score > bound) continue;
    key.bind(1, matches.column_int(0));
    bind_all(key, values, 2);
    if (key.step()) {
      keys.push_back({matches.column_int(0), key.column_optional_text(0),
                      static_cast<int>(key.column_int(1)), static_cast<int>(key.column_int(2)),
                      score});
      if (options.limit > 0) {
        best.push(score);
        if (best.size() > wanted) best.pop();
        if (best.size() == wanted) bound = best.top();
      }
    }
    key.reset();
    if (keys.size() >= prune_at) {
      std::erase_if(keys, [&](const HitKey& k) { return k.score > bound; });
      prune_at = std::max<std::size_t>(64, 2 * keys.size());
    }
  }
  std::sort(keys.begin(), keys.end(), [](const HitKey& a, const HitKey& b) {
    return a.score != b.score ? a.score < b.score : newer(a, b);
  });
  const auto first = std::min(keys.size(), static_cast<std::size_t>(options.offset));
  keys.erase(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(first));
  if (options.limit > 0 && keys.size() > static_cast<std::size_t>(options.limit)) {
    keys.resize(static_cast<std::size_t>(options.limit));
  }
  return keys;
}

// Keys in date order (or newest first), for the page of options.
std::vector<HitKey> dated_keys(Database& db, const Query& query, const SearchOptions& options) {
  SearchSql sql = search_sql(query, true);
  const char* order = options.sort == SortOrder::date ? "i.date, i.number, e.position"
                                                      : "i.date DESC, i.number DESC, e.position";
  Statement statement(
      db, fmt::format("SELECT e.id, i.date, i.number, e.position, {}{} ORDER BY "
                      "{} LIMIT ? OFFSET ?",
                      query.match.empty() ? "0.0" : kRankFunction, sql.from_where, order));
  sql.values.emplace_back(options.limit > 0 ? options.limit : std::int64_t{-1});
  sql.values.emplace_back(options.offset);
  bind_all(statement, sql.values);
  std::vector<HitKey> keys;
  while (statement.step()) {
    keys.push_back({statement.column_int(0), statement.column_optional_text(1),
                    static_cast<int>(statement.column_int(2)),
                    static_cast<int>(statement.column_int(3)),
                    sqlite3_column_double(statement.handle(), 4)});
  }
  return keys;
}

}  // namespace

std::vector<Hit> Store::search(const Query& query, const SearchOptions& options) {
  // Both passes read one snapshot, whatever another kn commits meanwhile.
  Savepoint snapshot(*db_);
  SearchOptions order = options;
  // Without words there is no rank: newest first.
  if (query.match.empty() && order.sort == SortOrder::rank) order.sort = SortOrder::date_descending;
  const std::vector<HitKey> keys = order.sort == SortOrder::rank ? ranked_keys(*db_, query, order)
                                                                 : dated_keys(*db_, query, order);
  std::vector<Hit> hits(keys.size());
  for (std::size_t first = 0; first < keys.size(); first += kDetailChunk) {
    read_hits(*db_, query, keys, first, std::min(keys.size(), first + kDetailChunk), hits);
  }
  snapshot.release();
  return hits;
}

std::int64_t Store::count(const Query& query) {
  const Filters& f = query.filters;
  const auto run = [&](const std::string& sql, const std::vector<Value>& values) {
    Statement statement(*db_, sql);
    bind_all(statement, values);
    statement.step();
    return statement.column_int(0);
  };
  // Without filters, the full-text index alone answers.
  if (!query.match.empty() && query.exclude.empty() && f.empty()) {
    return run("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?", {query.match});
  }
  // Sections, issues and dates alone: the entries counted per issue and
  // section answer, without reading the entries.
  if (query.match.empty() && query.exclude.empty() && f.domains.empty()) {
    std::vector<Value> values;
    const std::string filters = filter_sql(f, values, "s.section_kind");
    return run(
        "SELECT coalesce(sum(s.entries), 0) FROM issue_sections s JOIN issues i ON "
        "i.id = s.issue_id WHERE 1" +
            filters,
        values);
  }
  const SearchSql sql = search_sql(query, false);
  return run("SELECT count(*)" + sql.from_where, sql.values);
}

}  // namespace kn
