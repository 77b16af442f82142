// libknfts.so, kn's tokenizer as a loadable SQLite extension, in the
// programs people who live in SQLite use: the sqlite3 shell, Debian's
// python3 and sqlite-utils. Each must search a database kn made as kn does
// (same counts, same order), and none may write its full-text index.
#include <gtest/gtest.h>

#include <string>

#include "kn_binary.hpp"

namespace {

using kn::testing::ArchiveBinaryTest;

// The entries a query matches, best first, ties newest first, as kn
// orders them: issue number and URL, as kn's TSV has them in its first and
// sixth fields.
std::string top3(const std::string& word) {
  return "SELECT i.number || ' ' || coalesce(e.url, '') FROM entries_fts "
         "JOIN entries e ON e.id = entries_fts.rowid JOIN issues i ON i.id = e.issue_id "
         "WHERE entries_fts MATCH '" +
         word + "' ORDER BY rank, i.date IS NULL, i.date DESC, i.number DESC, e.position LIMIT 3";
}

std::string count(const std::string& word) {
  return "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '" + word + "'";
}

constexpr const char* kInsert =
    "INSERT INTO entries_fts (rowid, body, comment, title) VALUES (1000000, 'x', 'y', 'z')";

class SqliteExtensionTest : public ArchiveBinaryTest {
 protected:
  void SetUp() override {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "built with AddressSanitizer: a stock sqlite3 cannot load it";
#endif
    const kn::testing::Result found = kn("sqlite-extension");
    ASSERT_EQ(found.status, 0) << found.err;
    extension_ = found.out.substr(0, found.out.find('\n'));
    python_ = write("query.py",
                    "import sqlite3, sys\n"
                    "db = sqlite3.connect(sys.argv[1])\n"
                    "db.enable_load_extension(True)\n"
                    "db.load_extension(sys.argv[2])\n"
                    "for row in db.execute(sys.argv[3]):\n"
                    "    print(row[0])\n"
                    "db.commit()\n");
  }

  // The rows one of the three programs prints for sql, one a line.
  kn::testing::Result run(const std::string& program, const std::string& sql) {
    const std::string db = "'" + db_ + "'", ext = "'" + extension_ + "'", q = "\"" + sql + "\"";
    if (program == "sqlite3")
      return shell("sqlite3 -batch " + db + " '.load " + extension_ + "' " + q);
    if (program == "python3")
      return shell("/usr/bin/python3 '" + python_ + "' " + db + " " + ext + " " + q);
    kn::testing::Result result = shell("sqlite-utils query " + db + " " + q + " --load-extension " +
                                       ext + " --csv --no-headers");
    std::erase(result.out, '\r');  // CSV lines end in CRLF
    return result;
  }

  // kn's own answer: the fields 1 and 6 of its first three hits.
  std::string kn_top3(const std::string& word) {
    const kn::testing::Result hits = shell("('" + std::string(KN_BINARY) + "' search --db '" + db_ +
                                           "' --limit 3 " + word + " | cut -f1,6 | tr '\\t' ' ')");
    EXPECT_EQ(hits.err, "");
    return hits.out;
  }

  std::string extension_, python_;
};

TEST_F(SqliteExtensionTest, CountsAndOrderAreKnsInEveryProgram) {
  for (const char* program : {"sqlite3", "python3", "sqlite-utils"}) {
    SCOPED_TRACE(program);
    for (const std::string word : {"解法", "PyTorch"}) {
      SCOPED_TRACE(word);
      const kn::testing::Result counted = run(program, count(word));
      EXPECT_EQ(counted.err, "");
      EXPECT_EQ(counted.out, kn("search --db '" + db_ + "' --count " + word).out);
      EXPECT_EQ(run(program, top3(word)).out, kn_top3(word));
    }
  }
  EXPECT_EQ(kn("search --db '" + db_ + "' --count 解法").out, "19\n");
}

// An outside tool cannot put the index out of step with kn's tables: its
// insert fails, and kn check finds the database sound.
TEST_F(SqliteExtensionTest, WritesThroughItFail) {
  for (const char* program : {"sqlite3", "python3", "sqlite-utils"}) {
    SCOPED_TRACE(program);
    const kn::testing::Result inserted = run(program, kInsert);
    EXPECT_NE(inserted.status, 0);
    EXPECT_NE(inserted.err.find("attempt to write a readonly database"), std::string::npos)
        << inserted.err;
  }
  const kn::testing::Result checked = kn("check --db '" + db_ + "'");
  EXPECT_EQ(checked.status, 0) << checked.out;
}

}  // namespace
