#include "schema.hpp"

#include <fmt/core.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "kn/error.hpp"

namespace kn::detail {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSchema = R"sql(
-- An issue is identified by its URL. source is the file it was read from;
-- detached is 1 once that file holds another issue: the issue stays (only
-- --prune removes issues) but no longer owns the path.
CREATE TABLE issues (
  id INTEGER PRIMARY KEY,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  date TEXT,
  date_estimated INTEGER NOT NULL,
  source TEXT NOT NULL,
  detached INTEGER NOT NULL DEFAULT 0,
  hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  indexed_at TEXT NOT NULL,
  items INTEGER NOT NULL,
  cards INTEGER NOT NULL,
  embeds INTEGER NOT NULL
);
CREATE UNIQUE INDEX issues_source ON issues(source) WHERE detached = 0;
CREATE INDEX issues_number ON issues(number);
-- Dated pages walk it newest first: issues of one date (an archive holding
-- copies) in number order, without sorting them all.
CREATE INDEX issues_date ON issues(date, number);

-- The text sections of each issue in order, empty ones too, so that an
-- issue is rebuilt in exactly the shape it was parsed in.
CREATE TABLE sections (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  heading TEXT NOT NULL,
  PRIMARY KEY (issue_id, position)
) WITHOUT ROWID;

-- Hosts once each; rkey has the labels reversed ("com.github.api") so that
-- a domain and its subdomains are one index range.
CREATE TABLE domains (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  rkey TEXT NOT NULL
);
CREATE INDEX domains_rkey ON domains(rkey);

-- url_identity()s once each: what url: and a pasted URL match. Entries and
-- links refer to them by id, and they are found by a hash of the key
-- (url_key_hash()): an index of the keys themselves would store every key
-- twice.
CREATE TABLE url_keys (
  id INTEGER PRIMARY KEY,
  hash INTEGER NOT NULL,
  key TEXT NOT NULL
);
CREATE INDEX url_keys_hash ON url_keys(hash);

-- AUTOINCREMENT: ids only grow, so the entries not yet in the full-text
-- index are exactly those above the last one indexed (see sync_index).
CREATE TABLE entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  section INTEGER,  -- an item's section (sections.position); NULL for cards and embeds
  section_kind TEXT NOT NULL,
  section_heading TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('item', 'card', 'embed')),
  title TEXT NOT NULL,
  url TEXT,
  domain_id INTEGER REFERENCES domains(id),
  url_key_id INTEGER REFERENCES url_keys(id),
  image TEXT,
  body TEXT NOT NULL,
  comment TEXT NOT NULL,
  writeup INTEGER NOT NULL DEFAULT 0,  -- 1: a write-up (model/writeup.hpp), for is:solution
  UNIQUE (issue_id, position)
);
CREATE INDEX entries_domain ON entries(domain_id) WHERE domain_id IS NOT NULL;
CREATE INDEX entries_url_key ON entries(url_key_id) WHERE url_key_id IS NOT NULL;
-- The write-ups, few among the entries: listed without reading the rest.
CREATE INDEX entries_writeup ON entries(writeup) WHERE writeup = 1;

CREATE TABLE links (
  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  url TEXT NOT NULL,
  domain_id INTEGER REFERENCES domains(id),
  url_key_id INTEGER REFERENCES url_keys(id),
  PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
CREATE INDEX links_domain ON links(domain_id) WHERE domain_id IS NOT NULL;
CREATE INDEX links_url_key ON links(url_key_id) WHERE url_key_id IS NOT NULL;

-- Competitions found by the URLs entries link to (see competition.hpp), and
-- each link to one. text is what the link's sentence says the competition
-- is called ('' when nothing) and quality how well, 0 best: the ranks of
-- competition_name.hpp.
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
-- The tokens of each entry in the full-text index, packed 1,024 rowids a
-- row as 16-bit numbers: read whole by a search, which ranks with them
-- instead of a lookup in entries_fts_docsize per match (store/fts/rank.hpp).
CREATE TABLE entry_sizes (
  chunk INTEGER PRIMARY KEY,
  sizes BLOB NOT NULL
);
)sql";

// The full-text index of the entries (external content). kn adds new entries
// to it in one statement per transaction (sync_index): FTS5 writes its
// pending terms out at every statement savepoint, so a trigger per row would
// leave a tiny segment per entry.
//
// The tokenizer is kn's alone: it stems plurals itself (stemmer.hpp), where
// schema 2 wrapped it in Porter's stemmer. Body comes first: FTS5 marks
// where each column but the first begins in every position list (two bytes
// per term and entry), and bodies hold the most text. Schema 1 had title first; its index was 15 %
// larger.
constexpr const char* kFullText = R"sql(
CREATE VIRTUAL TABLE entries_fts USING fts5(
  body, comment, title,
  content = 'entries', content_rowid = 'id', tokenize = 'kn');
INSERT INTO entries_fts (entries_fts, rank) VALUES ('rank', 'bm25(1.0, 1.0, 4.0)');
)sql";

// New in schema 4: an upgrade from schema 3 adds it and fills it from the
// stored entries (upgrade.cpp).
constexpr const char* kEntryFacts = R"sql(
-- Each entry's section kind and its issue's number and date, packed 1,024
-- rowids a row (store_facts.hpp): read whole by a search filtered by
-- sections, issues or dates, which tests its matches in memory instead of
-- looking each one up.
CREATE TABLE entry_facts (
  chunk INTEGER PRIMARY KEY,
  kinds BLOB NOT NULL,
  numbers BLOB NOT NULL,
  dates BLOB NOT NULL
);
)sql";

// The schema is kSchema, kFullText, this and kEntryFacts. Schema 1 had no
// link_urls; schema 2 had no sections or detached issues, a unique source
// and domains parsed less strictly; schema 3 had no entry_facts; in schema
// 4 a bigram's first character had no token of its own (tokenizer.hpp).
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

}  // namespace

void check_database_file(const std::string& path, Store::Access access) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) throw Error(fmt::format("{}: {}", path, std::strerror(errno)));
    if (access == Store::Access::read_only) {
      throw Error(fmt::format("{}: no database here; create it with 'kn index DIR'", path));
    }
    if (path.ends_with('/')) throw Error(fmt::format("{}: names a directory, not a file", path));
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    throw Error(fmt::format("{}: is a directory; --db names the database file", path));
  }
  if (!S_ISREG(st.st_mode)) {
    const char* what = S_ISFIFO(st.st_mode)                         ? "a FIFO"
                       : S_ISSOCK(st.st_mode)                       ? "a socket"
                       : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                                                                    : "not a regular file";
    throw Error(fmt::format("{}: is {}, not a database file", path, what));
  }
}

bool wal_is_empty(const std::string& path) {
  struct stat st {};
  return ::stat((path + "-wal").c_str(), &st) != 0 || st.st_size == 0;
}

bool on_read_only_media(const std::string& path) {
  struct statvfs fs {};
  return ::statvfs(path.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY) != 0;
}

std::string immutable_uri(const std::string& path) {
  return file_uri(fs::absolute(path).string()) + "?immutable=1";
}

bool writable(const std::string& path) {
  const fs::path parent = fs::absolute(path).parent_path();
  return ::access(parent.c_str(), W_OK) == 0 && ::access(path.c_str(), W_OK) == 0;
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

namespace {

// What a file says about itself before kn writes anything to it.
struct Identity {
  std::int64_t application_id = 0, version = 0, tables = 0;
  bool fresh() const { return application_id == 0 && version == 0 && tables == 0; }
};

// Only reads: a stranger's file must never be rewritten.
Identity identify(Database& db) {
  Identity id;
  try {
    Statement application_id(db, "PRAGMA application_id");
    if (application_id.step()) id.application_id = application_id.column_int(0);
    Statement user_version(db, "PRAGMA user_version");
    if (user_version.step()) id.version = user_version.column_int(0);
    Statement count(db, "SELECT count(*) FROM sqlite_schema");
    if (count.step()) id.tables = count.column_int(0);
  } catch (const DatabaseError& e) {
    if (e.primary() == SQLITE_NOTADB) {
      throw Error(fmt::format("{}: not a kn database (not an SQLite file)", db.path()));
    }
    throw;
  }
  if (!id.fresh() && id.application_id != kApplicationId) {
    throw Error(fmt::format("{}: not a kn database", db.path()));
  }
  if (id.version > kSchemaVersion) {
    throw Error(fmt::format("{}: made by a newer kn (schema {}; this kn knows up to {})", db.path(),
                            id.version, kSchemaVersion));
  }
  return id;
}

// Creates the schema in an empty file. Another kn may have done it
// meanwhile: it looks again inside the transaction.
void create(Database& db) {
  Transaction transaction(db);
  if (schema_version(db) == 0) {
    create_schema(db);
    db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId).c_str());
    db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion).c_str());
  }
  transaction.commit();
}

}  // namespace

std::int64_t schema_version(Database& db) {
  Statement version(db, "PRAGMA user_version");
  version.step();
  return version.column_int(0);
}

void create_schema(Database& db) {
  db.exec(kSchema);
  db.exec(kFullText);
  db.exec(kLinkUrls);
  db.exec(kEntryFacts);
}

void create_entry_facts(Database& db) { db.exec(kEntryFacts); }

void require_kn_database(Database& db) { identify(db); }

std::int64_t prepare_schema(Database& db, Store::Access access) {
  db.exec("PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON");
  const Identity id = identify(db);
  if (access == Store::Access::read_only) {
    if (id.fresh())
      throw Error(fmt::format("{}: empty database; fill it with 'kn index DIR'", db.path()));
    if (id.version < kSchemaVersion) {
      throw Error(fmt::format("{}: made by an older kn (schema {}); 'kn index DIR' upgrades it",
                              db.path(), id.version));
    }
    // A reader passes over most pages once (a doclist, the rows of a
    // page): 64 cached pages are reused where SQLite's default 2 MiB are
    // each touched afresh, and a first touch costs more than a pread here
    // (kn search PyTorch on 16,000 issues: 1,009 -> 807 page faults).
    db.exec("PRAGMA cache_size = 64");
    return id.version;
  }
  if (db.path() != ":memory:") db.exec("PRAGMA journal_mode = WAL");
  // A larger page cache keeps the b-trees' upper pages in memory across a
  // long index run; 16 MiB stays well inside the memory budget. Statement
  // journals stay on SQLite's default, a temporary file past 64 KiB: held in
  // memory (temp_store = MEMORY), they raised peak RSS on 16,000 issues from
  // 33 to 56 MB, growing with the index as FTS5 merges larger segments.
  db.exec("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384");
  if (id.fresh()) create(db);
  return id.fresh() ? kSchemaVersion : id.version;
}

}  // namespace kn::detail
