// RAII wrappers for sqlite3 handles. Every failure throws kn::Error naming
// the database file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kn/error.hpp"

namespace kn {

// A failure SQLite reported, with its extended result code.
class DatabaseError : public Error {
 public:
  DatabaseError(const std::string& message, int code) : Error(message), code_(code) {}
  int code() const { return code_; }            // extended
  int primary() const { return code_ & 0xFF; }  // SQLITE_READONLY, SQLITE_CANTOPEN, ...

 private:
  int code_;
};

// Returns the SQLite URI that names the file at path, whatever its characters
// ("file:x.db" is a file of that name): '%', '?', '#' and controls
// percent-encoded.
std::string file_uri(std::string_view path);

class Database {
 public:
  // Opens the database file at path with SQLite's open flags
  // (SQLITE_OPEN_READONLY, or SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  // path is a file name, never read as a URI (":memory:" excepted, SQLite's
  // in-memory database). uri, when given, is what SQLite opens instead,
  // path still naming the file in messages.
  Database(const std::string& path, int flags, const std::string& uri = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs SQL without results (several statements allowed).
  void exec(const char* sql);
  // Runs SQL like exec, but returns SQLite's message when it fails instead
  // of throwing, and nullopt when it succeeds.
  std::optional<std::string> try_exec(const char* sql);
  // Returns the rowid of the row the last successful INSERT on this
  // connection added.
  std::int64_t last_insert_id() const;
  // Has SQLite call hook(context) whenever a transaction on this
  // connection rolls back; a null hook removes it.
  void on_rollback(void (*hook)(void*), void* context);
  // Throws DatabaseError for the last failure on this connection, as
  // "<path>: <what>".
  [[noreturn]] void fail(std::string_view what = {}) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  sqlite3_stmt* handle() const { return stmt_; }

  // Parameters are numbered from 1.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, const std::optional<std::string>& text);
  Statement& bind_null(int index);
  Statement& bind_blob(int index, std::span<const unsigned char> bytes);
  Statement& bind_blob(int index, std::string_view bytes) {
    return bind_blob(index, {reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()});
  }
  // Binds pointer through SQLite's pointer-passing interface: only an SQL
  // function that asks for a pointer of this type sees it.
  Statement& bind_pointer(int index, void* pointer, const char* type);

  // Advances to the next row: true when there is one, false when done.
  bool step();
  // Steps to the end, for statements without results.
  void run();
  // Clears the bindings and rewinds, ready for the next use.
  void reset();
  // Steps once and returns column 0 of the row as an integer (0 when there
  // is no row), then resets: for a statement that computes one number.
  std::int64_t single_int();

  // Resets its statement when it goes out of scope, however the scope ends:
  // `const Statement::Use use = statement.use();` before the binds.
  class [[nodiscard]] Use {
   public:
    explicit Use(Statement& statement) : statement_(statement) {}
    ~Use() { statement_.reset(); }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

   private:
    Statement& statement_;
  };
  Use use() { return Use(*this); }

  // Columns are numbered from 0.
  std::int64_t column_int(int index) const;
  std::string_view column_text(int index) const;  // "" for NULL
  std::optional<std::string> column_optional_text(int index) const;
  bool column_is_null(int index) const;
  double column_double(int index) const;
  // Returns the bytes of a blob column, valid until the next step or reset;
  // empty for NULL.
  std::span<const unsigned char> column_blob(int index) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction; rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

// One snapshot for several reads: a savepoint, outside a transaction a
// read transaction of its own, that ends when it goes out of scope however
// the reads ended. It writes nothing, so ending it cannot lose anything.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Database& db_;
};

// Copies the whole of from into to, with SQLite's backup API.
void copy_database(Database& from, Database& to);

// A value to bind, for SQL whose parameters are chosen at run time.
using Value = std::variant<std::int64_t, std::string>;

// Binds values to statement's parameters from first on, in order.
void bind_all(Statement& statement, const std::vector<Value>& values, int first = 1);

}  // namespace kn
