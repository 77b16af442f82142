// kn index and kn check end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "kn_binary.hpp"
#include "sqlite/sqlite.hpp"

namespace {

namespace fs = std::filesystem;
using kn::testing::Result;
using kn::testing::slurp;
using kn::testing::without_time;

class IndexCommandTest : public kn::testing::KnTest {};

TEST_F(IndexCommandTest, DuplicateIssueNumbersWithDifferentUrls) {
  const std::string a = write("a.md", "# Weekly Kaggle News #7\nhttps://e.com/a\n<p>alpha</p>");
  const std::string b = write("b.md", "# Weekly Kaggle News #7\nhttps://e.com/b\n<p>beta</p>");
  const std::string db = (dir_ / "dup.db").string();
  ASSERT_EQ(kn("index -q --db '" + db + "' '" + a + "' '" + b + "'").status, 0);
  const Result run = kn("list --issues --db '" + db + "'");
  EXPECT_EQ(run.out,
            "7\t\tWeekly Kaggle News #7\t1\t0\t0\thttps://e.com/a\n"
            "7\t\tWeekly Kaggle News #7\t1\t0\t0\thttps://e.com/b\n");
  EXPECT_EQ(kn("search --count --db '" + db + "' alpha OR beta").out, "2\n");
  // kn show shows both, and says so.
  const Result show = kn("show 7 --format json --db '" + db + "'");
  EXPECT_EQ(show.status, 0);
  EXPECT_EQ(std::count(show.out.begin(), show.out.end(), '\n'), 2);
  EXPECT_NE(show.out.find("https://e.com/a"), std::string::npos);
  EXPECT_NE(show.out.find("https://e.com/b"), std::string::npos);
  EXPECT_EQ(show.err, "kn: #7: 2 issues have this number; showing each, oldest first\n");
}

TEST_F(IndexCommandTest, TruncatedDatabase) {
  const std::string db = (dir_ / "cut.db").string();
  ASSERT_EQ(kn("index -q --db '" + db + "' seeds/").status, 0);
  fs::resize_file(db, 3000);  // cut inside the first page
  const std::string before = slurp(db);
  const Result run = kn("search --db '" + db + "' PyTorch");
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(run.err.starts_with("kn: " + db + ": ")) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_EQ(slurp(db), before);
}

TEST_F(IndexCommandTest, IndexSummaryAndReindex) {
  const std::string db = (dir_ / "sub/kn.db").string();
  Result run = kn("index --db '" + db + "' seeds/");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(without_time(run.out), "indexed 5 files: 5 new, 0 updated, 0 unchanged, 0 failed");
  run = kn("index --db '" + db + "' --json seeds/");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(
      without_time(run.out),
      R"({"files":5,"new":0,"updated":0,"unchanged":5,"failed":0,"skipped":0,"duplicates":0,"pruned":0,"dry_run":false)");
  run = kn("index --db '" + db + "' --quiet seeds/");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "");
}

TEST_F(IndexCommandTest, IndexReadsPathsFromStdin) {
  const std::string db = (dir_ / "kn.db").string();
  std::string names = "seeds/000_d809ab5171f926cf.txt";
  names += '\0';
  names += "tests/data/2020-09-18_Weekly Kaggle Issue #40.md";
  const std::string list = write("list", names);
  Result run = kn("index --json --db '" + db + "' -0 - <'" + list + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(
      without_time(run.out),
      R"({"files":2,"new":2,"updated":0,"unchanged":0,"failed":0,"skipped":0,"duplicates":0,"pruned":0,"dry_run":false)");
  run = kn("index --json --db '" + db + "' - <'" +
           write("lines", "seeds/001_c6642d8709a2e47b.txt\n\n") + "'");
  EXPECT_EQ(
      without_time(run.out),
      R"({"files":1,"new":1,"updated":0,"unchanged":0,"failed":0,"skipped":0,"duplicates":0,"pruned":0,"dry_run":false)");
  run = kn("check --db '" + db + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            "checked: SQLite integrity check\n"
            "checked: no orphan entries, links, sections or mentions\n"
            "checked: full-text index matches the entries\n"
            "checked: link URL counts match the links\n"
            "checked: every issue has the entries it was indexed with\n"
            "checked: entry sizes for ranking match the full-text index\n"
            "checked: entry facts for filters match the entries\n" +
                db + ": sound\n");
}

// A schema-3 database keeps its issues and gains the entries' filter facts
// and a new full-text index, and kn index says so, once.
TEST_F(IndexCommandTest, IndexSaysItUpgradesASchema3Database) {
  const std::string a = write("a.md", "# Weekly Kaggle News #7\nhttps://e.com/a\n<p>alpha</p>");
  const std::string db = (dir_ / "three.db").string();
  ASSERT_EQ(kn("index -q --db '" + db + "' '" + a + "'").status, 0);
  {
    kn::Database handle(db, SQLITE_OPEN_READWRITE);
    handle.exec(
        "DROP TABLE entry_facts; DROP INDEX entries_writeup; ALTER TABLE entries DROP COLUMN "
        "writeup; PRAGMA user_version = 3");
  }
  Result run = kn("index --db '" + db + "' '" + a + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
            "upgraded " + db +
                " from schema 3 to 7: 1 issues kept; their entries' filter facts added, "
                "full-text index rebuilt, date index ordered by issue number too and links "
                "read again for pages, write-ups and nicknames");
  run = kn("index --db '" + db + "' '" + a + "'");
  EXPECT_EQ(run.out.find("upgraded"), std::string::npos);
  EXPECT_EQ(kn("search --count --db '" + db + "' 'alpha issue:7'").out, "1\n");
}

TEST_F(IndexCommandTest, IndexWithBadFilesStillIndexesTheRest) {
  const std::string db = (dir_ / "kn.db").string();
  const std::string bad = write("in/bad.md", "garbage");
  const Result run =
      kn("index --db '" + db + "' seeds/ '" + bad + "' '" + (dir_ / "nope").string() + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + (dir_ / "nope").string() +
                         ": No such file or directory\n"
                         "kn: " +
                         bad + ": no '# title' line at the top\n");
  EXPECT_EQ(without_time(run.out), "indexed 7 files: 5 new, 0 updated, 0 unchanged, 2 failed");
}

TEST_F(IndexCommandTest, DatabaseErrors) {
  const std::string garbage =
      write("garbage.db", "this is not a database at all, not even close......");
  Result run = kn("index --db '" + garbage + "' seeds/");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + garbage + ": not a kn database (not an SQLite file)\n");
  EXPECT_EQ(slurp(garbage), "this is not a database at all, not even close......");
  run = kn("check --db '" + (dir_ / "missing.db").string() + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + (dir_ / "missing.db").string() +
                         ": no database here; create it with 'kn index DIR'\n");
  EXPECT_FALSE(fs::exists(dir_ / "missing.db"));
}

TEST_F(IndexCommandTest, DatabaseFromTheEnvironment) {
  const std::string command = "KN_DB='" + (dir_ / "env.db").string() + "' ";
  const std::string line = command + "'" + KN_BINARY + "' index -q seeds/";
  ASSERT_EQ(std::system(line.c_str()), 0);
  EXPECT_TRUE(fs::exists(dir_ / "env.db"));
  // A relative XDG_DATA_HOME is invalid (the XDG spec) and ignored.
  const std::string xdg = "cd '" + dir_.string() + "' && env -u KN_DB HOME='" +
                          (dir_ / "home").string() + "' XDG_DATA_HOME=rel '" + KN_BINARY +
                          "' index -q '" + fs::absolute("seeds").string() + "'";
  ASSERT_EQ(std::system(xdg.c_str()), 0);
  EXPECT_FALSE(fs::exists(dir_ / "rel"));
  EXPECT_TRUE(fs::exists(dir_ / "home/.local/share/kn/kn.db"));
}

// A reader's snapshot (an export into a slow pipe) keeps the -wal from
// being emptied: kn index waits a second, not 30, and says so.
TEST_F(IndexCommandTest, AWalThatCannotBeEmptiedIsSaid) {
  const std::string db = (dir_ / "kn.db").string();
  ASSERT_EQ(kn("index -q --db '" + db + "' seeds/000_d809ab5171f926cf.txt").status, 0);
  kn::Database reader(db, SQLITE_OPEN_READONLY);
  reader.exec("BEGIN");
  kn::Statement read(reader, "SELECT count(*) FROM issues");
  ASSERT_TRUE(read.step());  // the snapshot is taken here
  const Result run = kn("index -q --db '" + db + "' seeds/");
  read.reset();
  reader.exec("COMMIT");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "kn: " + db +
                         ": its -wal file could not be emptied: a reader held an older snapshot "
                         "for over a second; the next kn index empties it\n");
  EXPECT_EQ(kn("index -q --db '" + db + "' seeds/").err, "");
  EXPECT_EQ(fs::file_size(db + "-wal"), 0u);
}

// What kn check finds damaged among the derived tables, kn index --rebuild
// makes again from the stored entries; check names the remedy.
TEST_F(IndexCommandTest, RebuildMendsWhatCheckFindsDamaged) {
  const std::string db = (dir_ / "kn.db").string();
  ASSERT_EQ(kn("index -q --db '" + db + "' seeds/").status, 0);
  {
    kn::Database damage(db, SQLITE_OPEN_READWRITE);
    damage.exec("DELETE FROM entry_sizes; UPDATE entry_facts SET kinds = zeroblob(length(kinds))");
  }
  Result run = kn("check --db '" + db + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(
      run.err.ends_with(" problems (listed above); 'kn index --rebuild' makes the "
                        "full-text index, entry sizes and filter facts again from the "
                        "stored entries\n"))
      << run.err;
  run = kn("index --rebuild --db '" + db + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out,
            "rebuilt the full-text index, entry sizes and filter facts of 61 entries from their "
            "stored rows\n");
  EXPECT_EQ(kn("check --db '" + db + "'").status, 0);
  EXPECT_EQ(kn("search --count --db '" + db + "' PyTorch section:links").out, "10\n");
  EXPECT_EQ(kn("index --db '" + db + "'").err, "kn: index: needs PATH... (kn index --help)\n");
}

// A check that could not run whole never ends "sound".
TEST_F(IndexCommandTest, ACheckThatCouldNotRunIsNotSound) {
  const kn::testing::ReadOnlyMount mount(tmp_);
  if (!mount.mounted()) GTEST_SKIP() << "mounting read-only needs root";
  ASSERT_EQ(kn("index -q --db '" + (dir_ / "rw/kn.db").string() + "' seeds/").status, 0);
  const Result run = shell("TMPDIR='" + (dir_ / "missing").string() + "' '" + KN_BINARY +
                           "' check --db '" + (dir_ / "ro/kn.db").string() + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.out.find("not checked: full-text index matches the entries: the database is "
                         "read-only here and there is no temporary directory for a private copy ("),
            std::string::npos)
      << run.out;
  EXPECT_EQ(run.out.find("sound"), std::string::npos) << run.out;
  EXPECT_EQ(run.err, "kn: " + (dir_ / "ro/kn.db").string() +
                         ": not checked whole: 1 part could not run (listed above)\n");
}

// A --db is a file name: SQLite would read "file:x.db" as a URI naming
// ./x.db, which the same --db could not find again.
TEST_F(IndexCommandTest, DatabaseNamesAreFileNames) {
  const std::string in_dir = "cd '" + dir_.string() + "' && '" + KN_BINARY + "' ";
  const std::string seeds = fs::absolute("seeds").string();
  for (const std::string& name :
       std::vector<std::string>{"file:x.db", "a?b#c%41.db", "//" + dir_.string() + "/s.db"}) {
    ASSERT_EQ(shell(in_dir + "index -q --db '" + name + "' '" + seeds + "'").status, 0) << name;
    const Result found = shell(in_dir + "search --count --db '" + name + "' PyTorch");
    EXPECT_EQ(found.out, "10\n") << name << found.err;
  }
  EXPECT_TRUE(fs::exists(dir_ / "file:x.db"));
  EXPECT_FALSE(fs::exists(dir_ / "x.db"));
  EXPECT_TRUE(fs::exists(dir_ / "a?b#c%41.db"));
  EXPECT_TRUE(fs::exists(dir_ / "s.db"));
  // Names that would keep nothing, or name no file.
  Result run = shell(in_dir + "index --db :memory: '" + seeds + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: --db: ':memory:' would keep nothing: name a database file\n");
  run = shell(in_dir + "search --db '' PyTorch");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: --db: empty: name a database file\n");
  run = shell("KN_DB=:memory: '" + std::string(KN_BINARY) + "' search PyTorch");
  EXPECT_EQ(run.err, "kn: KN_DB: ':memory:' would keep nothing: name a database file\n");
}

// find -print0 | kn index - (without -0) stored one issue under a path cut
// at the first NUL, dated from another file's name.
TEST_F(IndexCommandTest, NulBytesInANewlineListAreAnError) {
  const std::string db = (dir_ / "kn.db").string();
  std::string names = "seeds/000_d809ab5171f926cf.txt";
  names += '\0';
  names += "tests/data/2020-09-18_Weekly Kaggle Issue #40.md";
  names += '\0';
  const Result run = kn("index --db '" + db + "' - <'" + write("list", names) + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "kn: stdin: the list of paths holds NUL bytes: for NUL-separated paths "
            "(find -print0) say -0\n");
  EXPECT_EQ(run.out, "");
  EXPECT_FALSE(fs::exists(db));
}

// A README or any other file that is not an issue, beside the issues: a
// cron job's kn index must not fail for it.
TEST_F(IndexCommandTest, FilesThatAreNoIssuesAreSkippedAndCounted) {
  const std::string db = (dir_ / "kn.db").string();
  fs::create_directory(dir_ / "arc");
  for (const auto& seed : fs::directory_iterator("seeds")) {
    fs::copy_file(seed.path(), dir_ / "arc" / seed.path().filename());
  }
  write("arc/README.md", "# Weekly Kaggle News archive\n\nOne issue a file.\n");
  write("arc/notes.txt", "todo");
  Result run = kn("index --db '" + db + "' '" + (dir_ / "arc").string() + "'");
  EXPECT_EQ(run.status, 0);
  // Each is named, with why.
  EXPECT_EQ(run.err, "kn: " + (dir_ / "arc/README.md").string() +
                         ": skipped, not an issue: line 2 is not the issue's URL\n"
                         "kn: " +
                         (dir_ / "arc/notes.txt").string() +
                         ": skipped, not an issue: no '# title' line at the top\n");
  EXPECT_EQ(without_time(run.out),
            "indexed 7 files: 5 new, 0 updated, 0 unchanged, 0 failed, 2 skipped (not an issue)");
  EXPECT_EQ(kn("index -q --db '" + db + "' '" + (dir_ / "arc").string() + "'").err, "");
  // kn's own database in the archive is no file to index at all.
  run = kn("index --db '" + (dir_ / "arc/kn.db").string() + "' '" + (dir_ / "arc").string() + "'");
  run = kn("index --db '" + (dir_ / "arc/kn.db").string() + "' '" + (dir_ / "arc").string() + "'");
  EXPECT_EQ(without_time(run.out),
            "indexed 7 files: 0 new, 0 updated, 5 unchanged, 0 failed, 2 skipped (not an issue)");
  // Named on the command line, a file that is no issue is an error.
  run = kn("index --db '" + db + "' '" + (dir_ / "arc/README.md").string() + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "kn: " + (dir_ / "arc/README.md").string() + ": line 2 is not the issue's URL\n");
}

TEST_F(IndexCommandTest, ExcludeAndKnignoreKeepFilesOut) {
  const std::string db = (dir_ / "kn.db").string();
  fs::create_directories(dir_ / "arc/drafts");
  for (const auto& seed : fs::directory_iterator("seeds")) {
    fs::copy_file(seed.path(), dir_ / "arc" / seed.path().filename());
  }
  fs::copy_file("tests/data/2019-12-20_Weekly Kaggle News #1.md", dir_ / "arc/drafts/1.md");
  write("arc/.knignore", "drafts/\n");
  const std::string arc = (dir_ / "arc").string();
  Result run = kn("index --db '" + db + "' --exclude '00[34]_*' '" + arc + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(without_time(run.out), "indexed 3 files: 3 new, 0 updated, 0 unchanged, 0 failed");
  run = kn("index --db '" + db + "' --prune --dry-run --exclude '002_*' '" + arc + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(without_time(run.out),
            "would prune #72 https://www.getrevue.co/profile/upura/issues/"
            "weekly-kaggle-news-72-574966 (" +
                arc +
                "/002_7299b426c7bc8e35.txt is excluded)\n"
                "would index 4 files: 2 new, 0 updated, 2 unchanged, 0 failed, 1 pruned");
}

// --exclude takes a glob relative to each root or a path (absolute, or
// relative to the working directory); one that matched nothing is named.
TEST_F(IndexCommandTest, ExcludeTakesAGlobOrAPath) {
  fs::create_directories(dir_ / "g/drafts");
  fs::copy_file("seeds/000_d809ab5171f926cf.txt", dir_ / "g/000.txt");
  fs::copy_file("seeds/001_c6642d8709a2e47b.txt", dir_ / "g/drafts/001.txt");
  const std::string in_dir = "cd '" + dir_.string() + "' && '" + KN_BINARY + "' index --db kn.db ";
  const std::string one = "indexed 1 file: 1 new, 0 updated, 0 unchanged, 0 failed";
  for (const std::string& exclude : std::vector<std::string>{
           "./drafts", "g/drafts", "drafts", (dir_ / "g/drafts").string(), "g/drafts/001.txt"}) {
    fs::remove(dir_ / "kn.db");
    const Result run = shell(in_dir + "--exclude '" + exclude + "' g");
    EXPECT_EQ(without_time(run.out), one) << exclude;
    EXPECT_EQ(run.err, "") << exclude;
  }
  const Result run = shell(in_dir + "--exclude nothing-here --exclude ./drafts g");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "kn: --exclude nothing-here: matched nothing in the paths walked\n");
}

// A .knignore in UTF-8 with a byte order mark and CRLF keeps every rule; one
// in another encoding is refused with its name.
TEST_F(IndexCommandTest, KnignoreEncodings) {
  fs::create_directories(dir_ / "g");
  fs::copy_file("seeds/000_d809ab5171f926cf.txt", dir_ / "g/000.txt");
  fs::copy_file("seeds/001_c6642d8709a2e47b.txt", dir_ / "g/001.txt");
  fs::copy_file("seeds/002_7299b426c7bc8e35.txt", dir_ / "g/002.txt");
  const std::string index =
      "index --db '" + (dir_ / "kn.db").string() + "' '" + (dir_ / "g").string() + "'";
  write("g/.knignore",
        "\xEF\xBB\xBF"
        "000.txt\r\n001.txt\r\n");
  Result run = kn(index);
  EXPECT_EQ(without_time(run.out), "indexed 1 file: 1 new, 0 updated, 0 unchanged, 0 failed");
  write("g/.knignore", std::string("\xFF\xFE"
                                   "0\0"
                                   "0\0"
                                   "0\0"
                                   ".\0t\0x\0t\0\n\0",
                                   18));
  fs::remove(dir_ / "kn.db");
  run = kn(index);
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "kn: " + (dir_ / "g/.knignore").string() + ": UTF-16 text: write .knignore in UTF-8\n");
  write("g/.knignore",
        "caf\xE9"
        ".txt\n");
  run = kn(index);
  EXPECT_EQ(run.err, "kn: " + (dir_ / "g/.knignore").string() +
                         ": not UTF-8 text (at byte 3): write .knignore in UTF-8\n");
}

// What a run leaves out is named: an issue whose file has gone stays
// searchable until --prune, so the next run says so (it reported
// everything "unchanged"); past 20 of a kind, the rest are counted.
TEST_F(IndexCommandTest, WhatARunLeavesOutIsNamed) {
  const std::string db = (dir_ / "kn.db").string();
  fs::create_directory(dir_ / "arc");
  for (const auto& seed : fs::directory_iterator("seeds")) {
    fs::copy_file(seed.path(), dir_ / "arc" / seed.path().filename());
  }
  const std::string arc = (dir_ / "arc").string();
  ASSERT_EQ(kn("index -q --db '" + db + "' '" + arc + "'").status, 0);
  const fs::path gone = dir_ / "arc/000_d809ab5171f926cf.txt";
  fs::remove(gone);
  Result run = kn("index --db '" + db + "' '" + arc + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "kn: " + gone.string() +
                         ": #66 https://www.getrevue.co/profile/upura/issues/"
                         "weekly-kaggle-news-66-453471 is still indexed, but the file is gone; "
                         "kn index --prune removes it\n");
  EXPECT_EQ(without_time(run.out), "indexed 4 files: 0 new, 0 updated, 4 unchanged, 0 failed");
  for (int k = 0; k < 23; ++k) write("arc/note" + std::to_string(k) + ".txt", "todo");
  run = kn("index --prune --db '" + db + "' '" + arc + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 21) << run.err;
  EXPECT_TRUE(run.err.ends_with("kn: and 3 more files skipped\n")) << run.err;
}

// Files that fail are named up to 20 too, then counted: a run over a big
// folder with a small --max-size printed every one of them.
TEST_F(IndexCommandTest, FailedFilesAreNamedUpTo20) {
  const std::string db = (dir_ / "kn.db").string();
  for (int k = 0; k < 23; ++k) {
    write("big/issue" + std::to_string(k) + ".md", "# Weekly Kaggle News #1\nhttps://e.com/1\n");
  }
  const Result run = kn("index --max-size 10 --db '" + db + "' '" + (dir_ / "big").string() + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 21) << run.err;
  EXPECT_TRUE(run.err.ends_with("kn: and 3 more files failed\n")) << run.err;
  EXPECT_NE(run.err.find("over the limit of 10 (--max-size)\n"), std::string::npos) << run.err;
  EXPECT_EQ(without_time(run.out), "indexed 23 files: 0 new, 0 updated, 0 unchanged, 23 failed");
}

// A run that finds no issue file at all (a source tree, an empty folder)
// says so and exits 1, as a search that finds nothing.
TEST_F(IndexCommandTest, NoIssueFilesFoundIsSaid) {
  const std::string db = (dir_ / "kn.db").string();
  write("src/main.cpp", "int main() {}\n");
  write("src/README.md", "# kn\n\nA tool.\n");
  const Result run = kn("index -q --db '" + db + "' '" + (dir_ / "src").string() + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "kn: no issue files found: 2 files read, none begins like an issue (# title, then "
            "its URL)\n");
}

}  // namespace
