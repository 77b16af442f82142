#include "sqlite.hpp"

#include <fmt/core.h>

#include <cstring>

namespace kn {

std::string file_uri(std::string_view path) {
  // "file://" and an empty authority before an absolute path, so that one
  // that starts with "//" is not read as a host.
  std::string uri = path.starts_with('/') ? "file://" : "file:";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '%' || c == '?' || c == '#' || byte < 0x20 || byte == 0x7F) {
      uri += fmt::format("%{:02X}", byte);
    } else {
      uri += c;
    }
  }
  return uri;
}

Database::Database(const std::string& path, int flags, const std::string& uri) : path_(path) {
  // A path is always a file name: SQLite reads "file:x.db" as a URI naming
  // x.db, so kn writes the URI itself. ":memory:" is SQLite's own.
  const std::string name = !uri.empty() ? uri : path == ":memory:" ? path : file_uri(path);
  flags |= SQLITE_OPEN_URI;
  if (sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    const int code = db_ ? sqlite3_extended_errcode(db_) : SQLITE_NOMEM;
    sqlite3_close(db_);
    db_ = nullptr;
    throw DatabaseError(fmt::format("{}: {}", path, message), code);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail();
}

std::optional<std::string> Database::try_exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK) return std::nullopt;
  return std::string(sqlite3_errmsg(db_));
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

void Database::on_rollback(void (*hook)(void*), void* context) {
  sqlite3_rollback_hook(db_, hook, context);
}

void Database::fail(std::string_view what) const {
  std::string message = sqlite3_errmsg(db_);
  // "disk I/O error" says little; the system's reason says what to fix.
  const int code = sqlite3_errcode(db_) & 0xFF;  // the primary code
  if (code == SQLITE_IOERR || code == SQLITE_FULL) {
    if (const int err = sqlite3_system_errno(db_))
      message += fmt::format(" ({})", std::strerror(err));
  }
  const int extended = sqlite3_extended_errcode(db_);
  if (what.empty()) throw DatabaseError(fmt::format("{}: {}", path_, message), extended);
  throw DatabaseError(fmt::format("{}: {}: {}", path_, what, message), extended);
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
    db.fail();
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    db_.fail();
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.fail();
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.fail();
  return *this;
}

Statement& Statement::bind_blob(int index, std::span<const unsigned char> bytes) {
  if (sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    db_.fail();
  }
  return *this;
}

Statement& Statement::bind_pointer(int index, void* pointer, const char* type) {
  if (sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr) != SQLITE_OK) db_.fail();
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail();
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::single_int() {
  const Use use(*this);
  return step() ? column_int(0) : 0;
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string_view Statement::column_text(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  if (!text) return {};
  return {text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))};
}

std::optional<std::string> Statement::column_optional_text(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return std::string(column_text(index));
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }

std::span<const unsigned char> Statement::column_blob(int index) const {
  const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_, index));
  if (!bytes) return {};
  return {bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index))};
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

ReadSnapshot::ReadSnapshot(Database& db) : db_(db) { db_.exec("SAVEPOINT kn_read"); }

ReadSnapshot::~ReadSnapshot() {
  sqlite3_exec(db_.handle(), "RELEASE kn_read", nullptr, nullptr, nullptr);
}

void copy_database(Database& from, Database& to) {
  sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
  if (!backup) to.fail("cannot copy the database");
  const int rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) to.fail("cannot copy the database");
}

void bind_all(Statement& statement, const std::vector<Value>& values, int first) {
  for (std::size_t k = 0; k < values.size(); ++k) {
    const int index = static_cast<int>(k) + first;
    if (const auto* n = std::get_if<std::int64_t>(&values[k])) {
      statement.bind(index, *n);
    } else {
      statement.bind(index, std::get<std::string>(values[k]));
    }
  }
}

}  // namespace kn
