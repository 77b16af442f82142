// The SQLite wrapper: what the store reads and writes through it, and the
// guards that end a statement's use and a read snapshot by themselves.
#include "sqlite/sqlite.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace {

using kn::Database;
using kn::ReadSnapshot;
using kn::Statement;

class SqliteWrapper : public ::testing::Test {
 protected:
  SqliteWrapper() : db_(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
    db_.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB, d REAL)");
  }
  bool in_transaction() const { return sqlite3_get_autocommit(db_.handle()) == 0; }
  Database db_;
};

TEST_F(SqliteWrapper, BlobsAndDoublesRoundTrip) {
  const std::string bytes("a\0b\xff", 4);
  Statement insert(db_, "INSERT INTO t (b, d) VALUES (?1, ?2)");
  insert.bind_blob(1, bytes).bind(2, 7);
  insert.run();
  EXPECT_EQ(db_.last_insert_id(), 1);
  insert.bind_null(1).bind(2, 8);
  insert.run();
  EXPECT_EQ(db_.last_insert_id(), 2);
  Statement read(db_, "SELECT b, d / 2.0 FROM t ORDER BY id");
  ASSERT_TRUE(read.step());
  const auto blob = read.column_blob(0);
  EXPECT_EQ(std::string(blob.begin(), blob.end()), bytes);
  EXPECT_EQ(read.column_double(1), 3.5);
  ASSERT_TRUE(read.step());
  EXPECT_TRUE(read.column_blob(0).empty());
  EXPECT_TRUE(read.column_is_null(0));
  EXPECT_FALSE(read.step());
}

TEST_F(SqliteWrapper, SingleIntStepsOnceAndResets) {
  Statement count(db_, "SELECT count(*) + ?1 FROM t");
  count.bind(1, 5);
  EXPECT_EQ(count.single_int(), 5);
  // Reset with its bindings cleared: the parameter is NULL now.
  EXPECT_EQ(count.single_int(), 0);
  EXPECT_EQ(Statement(db_, "SELECT 1 WHERE 0").single_int(), 0);
}

TEST_F(SqliteWrapper, UseResetsHoweverTheScopeEnds) {
  db_.exec("INSERT INTO t (d) VALUES (1), (2)");
  Statement read(db_, "SELECT d FROM t WHERE d >= ?1 ORDER BY d");
  try {
    const Statement::Use use = read.use();
    read.bind(1, 1);
    ASSERT_TRUE(read.step());
    throw std::runtime_error("left early");
  } catch (const std::runtime_error&) {
  }
  // Reset, bindings cleared: it starts over, and d >= NULL holds for no row
  // (without the reset, the step would give the second row).
  EXPECT_FALSE(read.step());
}

TEST_F(SqliteWrapper, ReadSnapshotEndsItselfOnEveryPath) {
  {
    const ReadSnapshot snapshot(db_);
    EXPECT_TRUE(in_transaction());
  }
  EXPECT_FALSE(in_transaction());
  const auto read_and_leave = [&] {
    const ReadSnapshot snapshot(db_);
    Statement(db_, "SELECT count(*) FROM t").single_int();
    throw std::runtime_error("left early");
  };
  EXPECT_THROW(read_and_leave(), std::runtime_error);
  EXPECT_FALSE(in_transaction());
}

TEST_F(SqliteWrapper, TryExecSaysWhyInsteadOfThrowing) {
  EXPECT_EQ(db_.try_exec("INSERT INTO t (d) VALUES (1)"), std::nullopt);
  EXPECT_EQ(db_.try_exec("INSERT INTO nowhere VALUES (1)"), "no such table: nowhere");
}

TEST_F(SqliteWrapper, RollbackHookIsCalledAndRemoved) {
  int rollbacks = 0;
  db_.on_rollback([](void* count) { ++*static_cast<int*>(count); }, &rollbacks);
  db_.exec("BEGIN; INSERT INTO t (d) VALUES (1); ROLLBACK");
  EXPECT_EQ(rollbacks, 1);
  db_.on_rollback(nullptr, nullptr);
  db_.exec("BEGIN; INSERT INTO t (d) VALUES (1); ROLLBACK");
  EXPECT_EQ(rollbacks, 1);
}

TEST_F(SqliteWrapper, CopyDatabaseCopiesEveryRow) {
  db_.exec("INSERT INTO t (d) VALUES (1), (2), (3)");
  Database copy(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  kn::copy_database(db_, copy);
  EXPECT_EQ(Statement(copy, "SELECT sum(d) FROM t").single_int(), 6);
}

}  // namespace
