#include "kn/store.hpp"

#include <fmt/core.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <system_error>

#include "facts.hpp"
#include "internal.hpp"
#include "kn/error.hpp"
#include "schema.hpp"
#include "sqlite/sqlite.hpp"
#include "store/fts/rank.hpp"
#include "store/fts/snippet.hpp"
#include "store/fts/tokenizer.hpp"

namespace kn {

namespace fs = std::filesystem;

namespace {

// Once a transaction is rolled back, ids cached from it may not exist.
void on_rollback(void* store) { static_cast<Store*>(store)->forget_cached_ids(); }

constexpr const char* kIssueColumns = "id, number, url, source, hash, size, mtime_ns, detached";

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

std::string database_path(const std::optional<std::string>& flag) {
  const auto env = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value ? value : "";
  };
  // A name SQLite would read as no file at all keeps nothing.
  const auto file = [](std::string path, const char* from) {
    if (path == ":memory:") {
      throw Error(fmt::format("{}: ':memory:' would keep nothing: name a database file", from));
    }
    return path;
  };
  if (flag) {
    if (flag->empty()) throw Error("--db: empty: name a database file");
    return file(*flag, "--db");
  }
  if (std::string path = env("KN_DB"); !path.empty()) return file(path, "KN_DB");
  // The XDG spec: a relative path in XDG_DATA_HOME is invalid and ignored.
  if (std::string data = env("XDG_DATA_HOME"); data.starts_with('/')) return data + "/kn/kn.db";
  if (std::string home = env("HOME"); !home.empty()) return home + "/.local/share/kn/kn.db";
  throw Error("no place for the database: set --db, KN_DB or HOME");
}

Store::Store() = default;

Store::Store(const std::string& path, Access access) {
  detail::check_database_file(path, access);
  if (access == Access::read_write) {
    detail::require_writable(path);
    open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (detail::prepare_schema(*db_, access) < kSchemaVersion) upgrade();
  } else {
    open_read_only(path, [](Database& db) { detail::prepare_schema(db, Access::read_only); });
  }
}

void Store::open_read_only(const std::string& path, const std::function<void(Database&)>& check) {
  open(path, SQLITE_OPEN_READONLY);
  try {
    check(*db_);
  } catch (const DatabaseError& e) {
    // A database in WAL mode is read with a -shm file beside it, which a
    // read-only directory or mount cannot take. Only on read-only media,
    // which nobody can write meanwhile, is the file alone the whole
    // database (with nothing committed in the -wal): it is read as
    // immutable. Elsewhere its owner may be writing it, and pages would
    // change under an immutable reader.
    if (e.primary() != SQLITE_READONLY && e.primary() != SQLITE_CANTOPEN) throw;
    if (!detail::on_read_only_media(path)) {
      throw Error(fmt::format(
          "{}: cannot be read here: SQLite needs a -shm file beside the database, and this user "
          "cannot write its directory ({}); let this user write there, or copy the database",
          path, e.what()));
    }
    if (!detail::wal_is_empty(path)) {
      throw Error(fmt::format(
          "{}: cannot be read here: its -wal file holds changes not yet in the database, "
          "readable only where the -shm file beside it can be written ({})",
          path, e.what()));
    }
    open(path, SQLITE_OPEN_READONLY, detail::immutable_uri(path));
    check(*db_);
  }
}

void Store::open(const std::string& path, int flags, const std::string& uri) {
  db_ = std::make_unique<Database>(path, flags, uri);
  fts5_api* fts5 = detail::fts5_of(*db_);
  detail::register_tokenizer(*db_, fts5);
  if (!sizes_) sizes_ = std::make_unique<detail::EntrySizes>();
  if (!facts_) facts_ = std::make_unique<detail::EntryFacts>();
  detail::register_ranking(*db_, fts5, sizes_.get());
  detail::register_snippet(*db_, fts5);
  db_->on_rollback(on_rollback, this);
}

std::unique_ptr<Store> Store::scratch_copy_of(const std::string& path) {
  std::unique_ptr<Store> scratch(new Store());
  scratch->open(":memory:", SQLITE_OPEN_READWRITE);
  std::error_code ec;
  if (fs::exists(path, ec)) {
    // Any kn database will do, an older one too: the copy is upgraded as
    // the real run would upgrade the file.
    detail::check_database_file(path, Access::read_only);
    Store original;
    original.open_read_only(path, detail::require_kn_database);
    copy_database(*original.db_, *scratch->db_);
  }
  if (detail::prepare_schema(*scratch->db_, Access::read_write) < kSchemaVersion) {
    scratch->upgrade();
  }
  return scratch;
}

// The connection's close rolls back an open savepoint and so calls the
// rollback hook, which touches members destroyed before db_: it goes first.
Store::~Store() {
  if (db_) db_->on_rollback(nullptr, nullptr);
}

const std::string& Store::path() const { return db_->path(); }

Store::Batch::Batch(Store& store)
    : store_(store), transaction_(std::make_unique<Transaction>(*store.db_)) {}

Store::Batch::~Batch() = default;

void Store::Batch::commit() {
  store_.sync_index();
  transaction_->commit();
}

bool Store::checkpoint() {
  if (path() == ":memory:") return true;
  // A reader's snapshot holds the log: wait a second for it, not the 30 s
  // a writer waits for another writer.
  db_->exec("PRAGMA busy_timeout = 1000");
  bool emptied = false;
  {
    Statement truncate(*db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    emptied = truncate.step() && truncate.column_int(0) == 0;
  }
  db_->exec("PRAGMA busy_timeout = 30000");
  return emptied;
}

void Store::forget_cached_ids() {
  domain_ids_.clear();
  competition_ids_.clear();
  // Entry ids too: the sizes and facts read of them may not hold.
  if (sizes_) *sizes_ = {};
  if (facts_) *facts_ = {};
}

Statement& Store::statement(std::string_view sql) {
  auto [slot, fresh] = statements_.try_emplace(std::string(sql));
  if (fresh) {
    try {
      slot->second = std::make_unique<Statement>(*db_, sql);
    } catch (...) {
      statements_.erase(slot);
      throw;
    }
  }
  return *slot->second;
}

StoredIssue Store::stored_issue(const Statement& row) const {
  return {row.column_int(0),
          static_cast<int>(row.column_int(1)),
          std::string(row.column_text(2)),
          std::string(row.column_text(3)),
          std::string(row.column_text(4)),
          {row.column_int(5), row.column_int(6)},
          row.column_int(7) != 0};
}

std::optional<StoredIssue> Store::find_by_source(std::string_view source) {
  Statement& find = statement(
      fmt::format("SELECT {} FROM issues WHERE source = ?1 AND detached = 0", kIssueColumns));
  const Statement::Use use = find.use();
  find.bind(1, source);
  return find.step() ? std::optional(stored_issue(find)) : std::nullopt;
}

std::optional<StoredIssue> Store::find_by_url(std::string_view url) {
  Statement& find = statement(fmt::format("SELECT {} FROM issues WHERE url = ?1", kIssueColumns));
  const Statement::Use use = find.use();
  find.bind(1, url);
  return find.step() ? std::optional(stored_issue(find)) : std::nullopt;
}

std::vector<StoredIssue> Store::issues() {
  Statement all(*db_, fmt::format("SELECT {} FROM issues ORDER BY id", kIssueColumns));
  std::vector<StoredIssue> out;
  while (all.step()) out.push_back(stored_issue(all));
  return out;
}

}  // namespace kn
