// Databases as older kn wrote them, for the upgrade tests: the DDL of
// schema 2 word for word (schema 1 is the same but for link_urls and the
// full-text columns' order), and rows as those versions stored them.
#pragma once

#include <string>

#include "sqlite/sqlite.hpp"
#include "store/fts/tokenizer.hpp"

namespace kn::testing {

inline constexpr const char* kSchema2Tables = R"sql(
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

CREATE TABLE domains (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  rkey TEXT NOT NULL
);
CREATE INDEX domains_rkey ON domains(rkey);

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

CREATE TABLE issue_sections (
  issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  section_kind TEXT NOT NULL,
  entries INTEGER NOT NULL,
  PRIMARY KEY (issue_id, section_kind)
) WITHOUT ROWID;

CREATE TABLE fts_state (
  id INTEGER PRIMARY KEY CHECK (id = 0),
  indexed_up_to INTEGER NOT NULL
);
INSERT INTO fts_state VALUES (0, 0);
)sql";

inline constexpr const char* kSchema2FullText = R"sql(
CREATE VIRTUAL TABLE entries_fts USING fts5(
  body, comment, title,
  content = 'entries', content_rowid = 'id', tokenize = 'porter kn');
INSERT INTO entries_fts (entries_fts, rank) VALUES ('rank', 'bm25(1.0, 1.0, 4.0)');
)sql";

inline constexpr const char* kSchema1FullText = R"sql(
CREATE VIRTUAL TABLE entries_fts USING fts5(
  title, body, comment,
  content = 'entries', content_rowid = 'id', tokenize = 'porter kn');
)sql";

inline constexpr const char* kSchema2LinkUrls = R"sql(
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

// Two issues as schema 1 or 2 stored them: #1 with an item (a control
// character in it, as extraction then kept), a link and a card; #2 with an
// item under another heading. Their files need not exist.
inline void make_old_database(const std::string& path, int version) {
  Database db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  detail::register_tokenizer(db);
  db.exec(kSchema2Tables);
  db.exec(version == 1 ? kSchema1FullText : kSchema2FullText);
  if (version >= 2) db.exec(kSchema2LinkUrls);
  db.exec(R"sql(
INSERT INTO issues VALUES
  (1, 1, 'Weekly Kaggle News #1', 'https://e.com/1', '2021-03-19', 0, '/gone/1.md', 'h1',
   100, 200, '2021-01-01T00:00:00Z', 1, 1, 0),
  (2, 2, 'Weekly Kaggle News #2', 'https://e.com/2', NULL, 0, '/gone/2.md', 'h2',
   100, 300, '2021-01-01T00:00:00Z', 1, 0, 0);
INSERT INTO domains VALUES (1, 'k.com', 'com.k'), (2, 'c.org', 'org.c');
INSERT INTO entries VALUES
  (1, 1, 0, 'news', 'News', 'item', '', NULL, NULL, NULL, 'Kaggle' || char(8) || ' 画像認識 link', ''),
  (2, 1, 1, 'links', '', 'card', 'Card', 'https://www.c.org/a', 2, NULL, 'blurb', 'comment'),
  (3, 2, 0, 'competitions', 'Competitions', 'item', '', NULL, NULL, NULL, 'two words', '');
INSERT INTO links VALUES (1, 0, 'link', 'https://k.com/x', 1);
UPDATE fts_state SET indexed_up_to = 3;
INSERT INTO entries_fts (entries_fts) VALUES ('rebuild');
PRAGMA application_id = 1802396770;
)sql");
  db.exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
}

}  // namespace kn::testing
