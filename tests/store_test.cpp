#include "kn/store.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "kn/error.hpp"
#include "kn/extract.hpp"
#include "kn/query.hpp"
#include "old_schemas.hpp"
#include "store/internal.hpp"
#include "test_support.hpp"

namespace {

using kn::Database;
using kn::Store;
using kn::testing::ReadOnlyMount;
using kn::testing::slurp;
using kn::testing::TempDir;

std::string open_error(const std::string& path, Store::Access access) {
  try {
    Store store(path, access);
  } catch (const kn::Error& e) {
    return e.what();
  }
  return "";
}

std::int64_t count(Store& store, const char* sql) {
  kn::Statement statement(kn::detail::database(store), sql);
  statement.step();
  return statement.column_int(0);
}

kn::Issue issue(const std::string& source, int number, const std::string& text) {
  return kn::extract_issue("# Weekly Kaggle News #" + std::to_string(number) + "\nhttps://e.com/" +
                               std::to_string(number) + "\n<h2>News</h2><p>" + text +
                               " <a href=\"https://k.com/x?utm_source=y\">link</a></p><hr>"
                               "<p><strong style='display: block;'><a href=\"https://www.c.org/a\">"
                               "Card</a></strong></p><p><p>comment</p></p>",
                           source);
}

TEST(Store, CreatesTheDatabaseAndItsDirectories) {
  TempDir dir;
  const std::string path = dir / "a/b/kn.db";
  {
    Store store(path, Store::Access::read_write);
    EXPECT_EQ(count(store, "PRAGMA user_version"), kn::kSchemaVersion);
    EXPECT_EQ(count(store, "PRAGMA application_id"), kn::kApplicationId);
    kn::Statement mode(kn::detail::database(store), "PRAGMA journal_mode");
    mode.step();
    EXPECT_EQ(mode.column_text(0), "wal");
  }
  Store again(path, Store::Access::read_only);
  EXPECT_EQ(count(again, "SELECT count(*) FROM issues"), 0);
}

TEST(Store, PutIssueStoresEntriesLinksAndTheIndex) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/a.md", 1, "Kaggle 画像認識"), "h1", {10, 20});
  store.sync_index();
  EXPECT_EQ(count(store, "SELECT count(*) FROM issues"), 1);
  EXPECT_EQ(count(store, "SELECT count(*) FROM entries WHERE kind = 'item'"), 1);
  EXPECT_EQ(count(store,
                  "SELECT count(*) FROM entries WHERE kind = 'card' AND "
                  "section_kind = 'links' AND domain_id = (SELECT id FROM domains WHERE name = "
                  "'c.org' AND rkey = 'org.c')"),
            1);
  EXPECT_EQ(count(store,
                  "SELECT count(*) FROM links WHERE url = 'https://k.com/x' AND "
                  "domain_id = (SELECT id FROM domains WHERE name = 'k.com') AND text = 'link'"),
            1);
  EXPECT_EQ(count(store, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '\"画像\"'"), 1);
  EXPECT_EQ(count(store, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'comment'"), 1);

  const auto stored = store.find_by_source("/a.md");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->number, 1);
  EXPECT_EQ(stored->url, "https://e.com/1");
  EXPECT_EQ(stored->hash, "h1");
  EXPECT_EQ(stored->stamp, (kn::FileStamp{10, 20}));
  EXPECT_TRUE(store.check().problems().empty());
}

TEST(Store, ReplacesByUrlAndByPath) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/a.md", 1, "old words"), "h1", {});
  store.sync_index();
  store.put_issue(issue("/b.md", 1, "new words"), "h2", {});  // same URL, another path
  store.sync_index();
  EXPECT_EQ(count(store, "SELECT count(*) FROM issues"), 1);
  EXPECT_EQ(store.find_by_url("https://e.com/1")->source, "/b.md");
  EXPECT_EQ(count(store, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'old'"), 0);
  EXPECT_EQ(count(store, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'new'"), 1);

  // The path now holds #2: #1 stays (nothing is lost but by --prune),
  // detached from the path.
  const auto detached = store.put_issue(issue("/b.md", 2, "other issue"), "h3", {});
  store.sync_index();
  ASSERT_TRUE(detached.has_value());
  EXPECT_EQ(detached->number, 1);
  EXPECT_EQ(count(store, "SELECT count(*) FROM issues"), 2);
  EXPECT_EQ(count(store, "SELECT number FROM issues WHERE detached = 1"), 1);
  EXPECT_EQ(store.find_by_source("/b.md")->number, 2);
  EXPECT_TRUE(store.find_by_url("https://e.com/1")->detached);
  EXPECT_EQ(count(store, "SELECT count(*) FROM entries"), 4);
  EXPECT_TRUE(store.check().problems().empty());

  store.remove_issue(store.find_by_source("/b.md")->id);
  store.remove_issue(store.find_by_url("https://e.com/1")->id);
  store.sync_index();
  EXPECT_EQ(count(store, "SELECT count(*) FROM entries"), 0);
  EXPECT_EQ(count(store, "SELECT count(*) FROM links"), 0);
  EXPECT_TRUE(store.check().problems().empty());
}

std::string link_urls(Store& store) {
  kn::Statement rows(kn::detail::database(store), "SELECT url, links FROM link_urls ORDER BY url");
  std::string out;
  while (rows.step()) {
    out += fmt::format("{}{}={}", out.empty() ? "" : " ", rows.column_text(0), rows.column_int(1));
  }
  return out;
}

TEST(Store, LinkUrlsCountTheLinksThroughEveryChange) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/a.md", 1, "one"), "h1", {});
  store.put_issue(issue("/b.md", 2, "two"), "h2", {});
  EXPECT_EQ(link_urls(store), "https://k.com/x=2");
  store.put_issue(issue("/a.md", 1, "one again"), "h3", {});  // replaced
  EXPECT_EQ(link_urls(store), "https://k.com/x=2");
  store.remove_issue(store.find_by_source("/b.md")->id);
  EXPECT_EQ(link_urls(store), "https://k.com/x=1");
  store.sync_index();
  EXPECT_TRUE(store.check().problems().empty());
  store.remove_issue(store.find_by_source("/a.md")->id);
  EXPECT_EQ(link_urls(store), "");

  store.put_issue(issue("/a.md", 1, "one"), "h1", {});
  store.sync_index();
  kn::detail::database(store).exec("UPDATE link_urls SET links = 5 WHERE url = 'https://k.com/x'");
  const kn::CheckResult result = store.check();
  ASSERT_EQ(result.problems().size(), 1u);
  EXPECT_EQ(result.problems()[0], "https://k.com/x counted as linked 5 times, linked 1 times");
}

// An older database is rebuilt from its stored rows (the files are gone),
// by kn index, and a dry run upgrades a copy the same way.
TEST(Store, UpgradesOlderSchemasFromTheirRows) {
  for (const int version : {1, 2}) {
    SCOPED_TRACE("schema " + std::to_string(version));
    TempDir dir;
    const std::string path = dir / "kn.db";
    kn::testing::make_old_database(path, version);
    EXPECT_EQ(open_error(path, Store::Access::read_only),
              fmt::format("{}: made by an older kn (schema {}); 'kn index DIR' upgrades it", path,
                          version));
    {
      const std::string before = slurp(path);
      const auto scratch = Store::scratch_copy_of(path);
      EXPECT_EQ(count(*scratch, "PRAGMA user_version"), kn::kSchemaVersion);
      EXPECT_EQ(count(*scratch, "SELECT count(*) FROM issues"), 2);
      EXPECT_EQ(slurp(path), before);
    }
    Store store(path, Store::Access::read_write);
    ASSERT_TRUE(store.upgraded().has_value());
    EXPECT_EQ(store.upgraded()->from_version, version);
    EXPECT_EQ(store.upgraded()->issues, 2);
    EXPECT_TRUE(store.upgraded()->rebuilt);
    EXPECT_EQ(count(store, "PRAGMA user_version"), kn::kSchemaVersion);
    EXPECT_EQ(count(store, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'old_%'"), 0);
    EXPECT_TRUE(store.check().problems().empty());
    EXPECT_EQ(link_urls(store), "https://k.com/x=1");
    // The control character that old extraction kept is gone.
    EXPECT_EQ(store.search(kn::parse_query("画像"), {}).at(0).body, "Kaggle 画像認識 link");
    EXPECT_EQ(store.count(kn::parse_query("two")), 1);
    EXPECT_EQ(store.count(kn::parse_query("domain:c.org")), 1);
    EXPECT_EQ(store.count(kn::parse_query("https://www.k.com/x?utm_source=a")), 1);
    // Each file is read again when next seen, for what the rows lost.
    EXPECT_EQ(store.find_by_source("/gone/1.md")->stamp, (kn::FileStamp{-1, 200}));
    EXPECT_EQ(store.find_by_source("/gone/1.md")->hash, "");
  }
}

// Schema 4 gave a bigram's first character no token of its own: its
// full-text index is made again from the stored entries (here emptied, so
// that nothing would be found without it), with the sizes ranking reads.
TEST(Store, UpgradeFromSchema4RebuildsTheFullTextIndex) {
  TempDir dir;
  const std::string path = dir / "kn.db";
  std::vector<std::pair<std::int64_t, double>> before;
  {
    Store store(path, Store::Access::read_write);
    store.put_issue(issue("/a.md", 7, "機械学習の入門"), "h", {});
    store.put_issue(issue("/b.md", 8, "学習データ"), "h", {});
    store.sync_index();
    for (const kn::Hit& hit : store.search(kn::parse_query("学"), {})) {
      before.emplace_back(hit.entry_id, hit.score);
    }
    Database& db = kn::detail::database(store);
    db.exec("INSERT INTO entries_fts (entries_fts) VALUES ('delete-all')");
    db.exec(
        "UPDATE entry_sizes SET sizes = zeroblob(length(sizes)); DROP INDEX entries_writeup; "
        "ALTER TABLE entries DROP COLUMN writeup; PRAGMA user_version = 4");
  }
  Store store(path, Store::Access::read_write);
  ASSERT_TRUE(store.upgraded().has_value());
  EXPECT_EQ(store.upgraded()->from_version, 4);
  EXPECT_EQ(store.upgraded()->issues, 2);
  EXPECT_FALSE(store.upgraded()->rebuilt);
  EXPECT_EQ(store.upgraded()->derived,
            "their full-text index rebuilt, date index ordered by issue number too and links "
            "read again for pages, write-ups and nicknames");
  EXPECT_EQ(count(store, "PRAGMA user_version"), kn::kSchemaVersion);
  EXPECT_TRUE(store.check().problems().empty());
  std::vector<std::pair<std::int64_t, double>> after;
  for (const kn::Hit& hit : store.search(kn::parse_query("学"), {})) {
    after.emplace_back(hit.entry_id, hit.score);
  }
  EXPECT_EQ(after.size(), 2u);
  EXPECT_EQ(after, before);
  // Nothing is left for the next batch to add twice.
  store.put_issue(issue("/c.md", 9, "学"), "h", {});
  store.sync_index();
  EXPECT_EQ(store.count(kn::parse_query("学")), 3);
  EXPECT_TRUE(store.check().problems().empty());
}

// Schema 5 indexed issues by date alone: a page by date then sorted every
// issue of the newest date by number. The upgrade makes the index again
// and keeps every row; a reader of schema 5 is told to upgrade.
TEST(Store, UpgradeFromSchema5OrdersTheDateIndexByNumber) {
  TempDir dir;
  const std::string path = dir / "kn.db";
  {
    Store store(path, Store::Access::read_write);
    store.put_issue(issue("/a.md", 7, "機械学習の入門"), "h", {});
    store.put_issue(issue("/b.md", 8, "学習データ"), "h", {});
    store.sync_index();
    kn::detail::database(store).exec(
        "DROP INDEX issues_date; CREATE INDEX issues_date ON issues(date); "
        "DROP INDEX entries_writeup; ALTER TABLE entries DROP COLUMN writeup; PRAGMA user_version "
        "= 5");
  }
  try {
    Store reader(path, Store::Access::read_only);
    FAIL() << "a schema-5 database was read";
  } catch (const kn::Error& e) {
    EXPECT_EQ(std::string(e.what()),
              path + ": made by an older kn (schema 5); 'kn index DIR' upgrades it");
  }
  Store store(path, Store::Access::read_write);
  ASSERT_TRUE(store.upgraded().has_value());
  EXPECT_EQ(store.upgraded()->from_version, 5);
  EXPECT_EQ(store.upgraded()->issues, 2);
  EXPECT_FALSE(store.upgraded()->rebuilt);
  EXPECT_EQ(store.upgraded()->derived,
            "their date index ordered by issue number too and links read again for pages, "
            "write-ups and nicknames");
  EXPECT_EQ(count(store,
                  "SELECT count(*) FROM sqlite_master WHERE name = 'issues_date' AND sql "
                  "LIKE '%(date, number)'"),
            1);
  EXPECT_EQ(count(store, "PRAGMA user_version"), kn::kSchemaVersion);
  EXPECT_EQ(store.count(kn::parse_query("学")), 2);
  EXPECT_TRUE(store.check().problems().empty());
}

// Schema 6 matched links by url_key() alone, flagged no write-ups and kept
// no nicknames: the upgrade derives them from the stored entries and links,
// so a competition's modern address and a short YouTube link find what the
// archive wrote, is:solution finds the write-ups and the nickname is there.
TEST(Store, UpgradeFromSchema6MatchesPagesAndMarksWriteUps) {
  TempDir dir;
  const std::string path = dir / "kn.db";
  const kn::Issue one = kn::extract_issue(
      "# Weekly Kaggle News #9\nhttps://e.com/9\n<h2>News</h2>"
      "<p>「X」が終わりました。1位解法は<a href=\"https://www.kaggle.com/c/x-y/discussion/1\">"
      "discussion</a>で公開されています。</p>"
      "<p>動画: <a href=\"https://www.youtube.com/watch?feature=youtu.be&v=abc_1\">talk</a></p>"
      "<p>LB上位の記事は<a href=\"https://www.kaggle.com/c/x-y\">こちら</a>(通称: XYコンペ)。</p>",
      "/9.md");
  {
    Store store(path, Store::Access::read_write);
    store.put_issue(one, "h", {});
    store.sync_index();
    kn::detail::database(store).exec(
        "UPDATE entries SET url_key_id = NULL; UPDATE links SET url_key_id = NULL; "
        "DELETE FROM url_keys; DELETE FROM mentions WHERE quality = 6; "
        "DROP INDEX entries_writeup; ALTER TABLE entries DROP COLUMN writeup; PRAGMA user_version "
        "= 6");
  }
  Store store(path, Store::Access::read_write);
  ASSERT_TRUE(store.upgraded().has_value());
  EXPECT_EQ(store.upgraded()->from_version, 6);
  EXPECT_FALSE(store.upgraded()->rebuilt);
  EXPECT_EQ(store.upgraded()->derived, "their links read again for pages, write-ups and nicknames");
  EXPECT_EQ(count(store, "PRAGMA user_version"), kn::kSchemaVersion);
  EXPECT_TRUE(store.check().problems().empty());
  const auto positions = [&](const std::string& text) {
    std::vector<int> out;
    for (const kn::Hit& hit : store.search(kn::parse_query(text), {})) {
      out.push_back(hit.position);
    }
    return out;
  };
  EXPECT_EQ(positions("https://kaggle.com/competitions/X-Y/overview"), (std::vector<int>{2}));
  EXPECT_EQ(positions("https://www.kaggle.com/competitions/x-y/discussion/1"),
            (std::vector<int>{0}));
  EXPECT_EQ(positions("https://youtu.be/abc_1?t=3"), (std::vector<int>{1}));
  EXPECT_EQ(positions("is:solution"), (std::vector<int>{0}));
  EXPECT_EQ(count(store, "SELECT count(*) FROM url_keys"), 3);
  kn::Statement nickname(kn::detail::database(store),
                         "SELECT text FROM mentions WHERE quality = 6");
  ASSERT_TRUE(nickname.step());
  EXPECT_EQ(nickname.column_text(0), "XYコンペ");
  EXPECT_EQ(count(store, "SELECT count(*) FROM mentions"), 3);
}

TEST(Store, CheckFindsMissingEntries) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/a.md", 7, "words"), "h", {});
  store.sync_index();
  kn::detail::database(store).exec("UPDATE issues SET cards = 3");
  const kn::CheckResult result = store.check();
  ASSERT_EQ(result.problems().size(), 1u);
  EXPECT_EQ(result.problems()[0],
            "issue #7 (/a.md) was indexed with 1 items, 3 cards, 0 embeds and has 1, 1, 0 (2 "
            "counted by section)");
  EXPECT_EQ(result.parts.size(), 7u);
}

// Every problem is named, in each part: an orphan link (of a WITHOUT
// ROWID table, whose 'row' meant nothing) names its entry.
TEST(Store, CheckNamesEveryProblem) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/a.md", 7, "words"), "h", {});
  store.put_issue(issue("/b.md", 8, "more"), "h", {});
  store.sync_index();
  Database& db = kn::detail::database(store);
  db.exec("PRAGMA foreign_keys = OFF");
  db.exec(
      "INSERT INTO links (entry_id, position, text, url) VALUES (999, 0, 'x', 'https://x.org/'), "
      "(999, 1, 'y', 'https://y.org/')");
  db.exec("UPDATE issues SET items = 5");
  db.exec("UPDATE entries SET url_key_id = 77 WHERE kind = 'card' AND issue_id = 1");
  db.exec("UPDATE link_urls SET links = 9 WHERE url = 'https://x.org/'");
  const kn::CheckResult result = store.check();
  EXPECT_EQ(result.problem_count(), 6u);
  EXPECT_EQ(result.problems(),
            (std::vector<std::string>{
                "link 0 of entry 999 (https://x.org/): the entry is missing",
                "link 1 of entry 999 (https://y.org/): the entry is missing",
                "entry 2 refers to a missing URL key",
                "https://x.org/ counted as linked 9 times, linked 1 times",
                "issue #7 (/a.md) was indexed with 5 items, 1 cards, 0 embeds and has 1, 1, 0 (2 "
                "counted by section)",
                "issue #8 (/b.md) was indexed with 5 items, 1 cards, 0 embeds and has 1, 1, 0 (2 "
                "counted by section)"}));
}

TEST(Store, CheckFindsAnIndexOutOfStep) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/a.md", 7, "words"), "h", {});
  store.sync_index();
  kn::detail::database(store).exec(
      "UPDATE entries SET body = 'changed'");  // behind the index's back
  const kn::CheckResult result = store.check();
  ASSERT_EQ(result.problems().size(), 1u);
  EXPECT_EQ(result.problems()[0].rfind("full-text index does not match the entries", 0), 0u);
}

TEST(Store, RefusesWhatIsNotAKnDatabase) {
  TempDir dir;
  const std::string garbage = dir.write("garbage.db", std::string(5000, 'x'));
  EXPECT_EQ(open_error(garbage, Store::Access::read_write),
            garbage + ": not a kn database (not an SQLite file)");
  EXPECT_EQ(slurp(garbage), std::string(5000, 'x'));

  const std::string foreign = dir / "foreign.db";
  {
    kn::Database db(foreign, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
  }
  const std::string before = slurp(foreign);
  EXPECT_EQ(open_error(foreign, Store::Access::read_write), foreign + ": not a kn database");
  EXPECT_EQ(slurp(foreign), before);

  const std::string missing = dir / "missing.db";
  EXPECT_EQ(open_error(missing, Store::Access::read_only),
            missing + ": no database here; create it with 'kn index DIR'");
}

TEST(Store, RefusesADatabaseFromANewerKn) {
  TempDir dir;
  const std::string path = dir / "kn.db";
  { Store store(path, Store::Access::read_write); }
  {
    kn::Database db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec("PRAGMA user_version = 99");
  }
  const std::string before = slurp(path);
  const std::string newer = fmt::format(
      "{}: made by a newer kn (schema 99; this kn knows up to {})", path, kn::kSchemaVersion);
  EXPECT_EQ(open_error(path, Store::Access::read_write), newer);
  EXPECT_EQ(open_error(path, Store::Access::read_only), newer);
  EXPECT_EQ(slurp(path), before);
}

TEST(Store, ReadOnlyDirectory) {
  TempDir dir;
  std::filesystem::create_directory(dir / "ro");
  ASSERT_EQ(::chmod((dir / "ro").c_str(), 0555), 0);
  ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
  const std::string path = dir / "ro/kn.db";
  const std::string want = path + ": cannot write in " + (dir / "ro") + ": Permission denied";
  if (::geteuid() != 0) {
    EXPECT_EQ(open_error(path, Store::Access::read_write), want);
    return;
  }
  // Root writes anywhere: try as an unprivileged user.
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
    const std::string got = open_error(path, Store::Access::read_write);
    if (got != want) std::fprintf(stderr, "got: %s\n", got.c_str());
    ::_exit(got == want ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
}

// Runs check as an unprivileged user (root reads and writes anywhere) and
// expects it to return "".
void as_nobody(const std::function<std::string()>& check) {
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
    const std::string problem = check();
    if (!problem.empty()) std::fprintf(stderr, "%s\n", problem.c_str());
    ::_exit(problem.empty() ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
}

void write_one_issue(const std::string& path, const char* title) {
  Store store(path, Store::Access::read_write);
  store.put_issue(issue("/a.md", 1, title), "h1", {10, 20});
  store.sync_index();
  store.checkpoint();
}

// A database on read-only media, with the -wal folded in, is read as
// immutable: nobody can change it meanwhile.
TEST(Store, DatabaseOnReadOnlyMediaCanBeSearched) {
  TempDir dir;
  const ReadOnlyMount mount(dir);
  if (!mount.mounted()) GTEST_SKIP() << "mounting read-only needs root";
  write_one_issue(dir / "rw/kn.db", "Kaggle 画像認識");
  Store store(dir / "ro/kn.db", Store::Access::read_only);
  EXPECT_EQ(store.search(kn::parse_query("画像"), {}).size(), 1u);
  EXPECT_FALSE(std::filesystem::exists(dir / "ro/kn.db-shm"));
}

// In a directory its reader cannot write, on media its owner can, the
// database is not read as immutable (the owner's next checkpoint would
// rewrite pages under the reader): opening says why not.
TEST(Store, DatabaseInADirectoryTheReaderCannotWriteIsRefused) {
  TempDir dir;
  const std::string path = dir / "ro/kn.db";
  write_one_issue(path, "Kaggle");
  ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
  ASSERT_EQ(::chmod((dir / "ro").c_str(), 0555), 0);
  as_nobody([&]() -> std::string {
    const std::string got = open_error(path, Store::Access::read_only);
    const std::string want = path +
                             ": cannot be read here: SQLite needs a -shm file beside the "
                             "database, and this user cannot write its directory (";
    return got.starts_with(want) ? "" : "got: " + got;
  });
}

// kn check never writes the database: where it may not, FTS5's own check
// (an INSERT) runs on a private copy, and says so.
TEST(Store, CheckingADatabaseOnReadOnlyMedia) {
  TempDir dir;
  const ReadOnlyMount mount(dir);
  if (!mount.mounted()) GTEST_SKIP() << "mounting read-only needs root";
  write_one_issue(dir / "rw/kn.db", "Kaggle");
  // The copy goes in TMPDIR; none of its files stays there.
  std::filesystem::create_directory(dir / "tmp");
  kn::CheckResult result;
  {
    const kn::testing::ScopedEnvironment tmpdir("TMPDIR", dir / "tmp");
    result = Store(dir / "ro/kn.db", Store::Access::read_only).check();
  }
  EXPECT_EQ(result.problem_count(), 0u);
  EXPECT_TRUE(result.parts.at(2).note.starts_with("on a private copy of "))
      << result.parts.at(2).note;
  EXPECT_TRUE(std::filesystem::is_empty(dir / "tmp"));
}

// kn check beside a writer waits for the write lock FTS5's check needs;
// "database is locked" was filed as an index mismatch.
TEST(Store, CheckBesideAWriterWaitsForIt) {
  TempDir dir;
  const std::string path = dir / "kn.db";
  write_one_issue(path, "Kaggle");
  Store writer(path, Store::Access::read_write);
  auto batch = std::make_unique<Store::Batch>(writer);
  writer.put_issue(issue("/b.md", 2, "Kaggle 2"), "h2", {10, 20});
  std::thread commit([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    batch->commit();
    batch.reset();
  });
  Store reader(path, Store::Access::read_only);
  const kn::CheckResult result = reader.check();
  commit.join();
  EXPECT_EQ(result.problems(), std::vector<std::string>{});
  for (const auto& part : result.parts)
    EXPECT_FALSE(part.skipped) << part.what << ": " << part.note;
}

// Without a temporary directory for the private copy, that part is not
// checked, and says why; no file of the copy is left behind.
TEST(Store, CheckWithoutATemporaryDirectory) {
  TempDir dir;
  const ReadOnlyMount mount(dir);
  if (!mount.mounted()) GTEST_SKIP() << "mounting read-only needs root";
  write_one_issue(dir / "rw/kn.db", "Kaggle");
  kn::CheckResult result;
  {
    const kn::testing::ScopedEnvironment tmpdir("TMPDIR", dir / "missing");
    result = Store(dir / "ro/kn.db", Store::Access::read_only).check();
  }
  EXPECT_TRUE(result.parts.at(2).skipped);
  EXPECT_TRUE(result.parts.at(2).note.starts_with(
      "the database is read-only here and there is no temporary directory for a private copy ("))
      << result.parts.at(2).note;
}

// Committed issues that are still in the -wal must not be hidden by
// reading the file alone: that is an error that says why.
TEST(Store, ReadOnlyDatabaseWithAFullWalIsRefused) {
  TempDir dir;
  const ReadOnlyMount mount(dir);
  if (!mount.mounted()) GTEST_SKIP() << "mounting read-only needs root";
  const std::string path = dir / "writer/kn.db";
  Store store(path, Store::Access::read_write);
  kn::detail::database(store).exec("PRAGMA wal_autocheckpoint = 0");
  {
    Store::Batch batch(store);
    store.put_issue(issue("/a.md", 1, "Kaggle"), "h1", {10, 20});
    batch.commit();
  }
  // The database and its -wal as a copy left them, without the -shm.
  for (const char* name : {"kn.db", "kn.db-wal"}) {
    std::filesystem::copy_file(dir.path() / "writer" / name, dir.path() / "rw" / name);
  }
  ASSERT_GT(std::filesystem::file_size(dir / "rw/kn.db-wal"), 0u);
  const std::string ro = dir / "ro/kn.db";
  const std::string got = open_error(ro, Store::Access::read_only);
  const std::string want = ro +
                           ": cannot be read here: its -wal file holds changes not yet in the "
                           "database, readable only where the -shm file beside it can be "
                           "written (";
  EXPECT_TRUE(got.starts_with(want)) << got;
}

TEST(Store, OddDatabasePathsAreRefusedBeforeOpening) {
  TempDir dir;
  const std::string fifo = dir / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const auto access : {Store::Access::read_only, Store::Access::read_write}) {
    EXPECT_EQ(open_error(fifo, access), fifo + ": is a FIFO, not a database file");
    EXPECT_EQ(open_error(dir.path().string(), access),
              dir.path().string() + ": is a directory; --db names the database file");
  }
  EXPECT_EQ(open_error(dir / "new/", Store::Access::read_write),
            dir / "new/" + ": names a directory, not a file");
  EXPECT_EQ(open_error("/dev/null", Store::Access::read_only),
            "/dev/null: is a device, not a database file");
}

TEST(Store, DomainKey) {
  EXPECT_EQ(kn::domain_key("github.com"), "com.github");
  EXPECT_EQ(kn::domain_key("api.github.com"), "com.github.api");
  EXPECT_EQ(kn::domain_key("localhost"), "localhost");
  EXPECT_EQ(kn::domain_key("a..b"), "b..a");
  EXPECT_EQ(kn::domain_key(".x"), "x.");
  EXPECT_EQ(kn::domain_key(""), "");
}

// Stored in every database: a change needs a new schema.
TEST(Store, UrlKeyHash) {
  EXPECT_EQ(kn::detail::url_key_hash("kaggle.com/c/x"), 5627810880745542446);
  EXPECT_EQ(kn::detail::url_key_hash(""), static_cast<std::int64_t>(0xcbf29ce484222325));
}

TEST(Store, DatabasePath) {
  const std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  EXPECT_EQ(kn::database_path("x.db"), "x.db");
  ::setenv("KN_DB", "/env/kn.db", 1);
  EXPECT_EQ(kn::database_path(std::nullopt), "/env/kn.db");
  ::unsetenv("KN_DB");
  ::setenv("XDG_DATA_HOME", "/xdg", 1);
  EXPECT_EQ(kn::database_path(std::nullopt), "/xdg/kn/kn.db");
  ::setenv("HOME", "/home/u", 1);
  ::setenv("XDG_DATA_HOME", "xdg", 1);  // relative: ignored
  EXPECT_EQ(kn::database_path(std::nullopt), "/home/u/.local/share/kn/kn.db");
  ::unsetenv("XDG_DATA_HOME");
  EXPECT_EQ(kn::database_path(std::nullopt), "/home/u/.local/share/kn/kn.db");
  ::setenv("HOME", home.c_str(), 1);
  EXPECT_THROW(kn::database_path(""), kn::Error);
  EXPECT_THROW(kn::database_path(":memory:"), kn::Error);
}

}  // namespace
