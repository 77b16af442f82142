// The SQLite store: issues, their entries (section items, cards, embeds) and
// links, with an FTS5 index over the entries. All of kn's SQL lives in the
// store's files (store*.cpp, competition_list.cpp, issue_load.cpp,
// stats.cpp); nothing outside them names a table.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kn/files.hpp"
#include "kn/hit.hpp"
#include "kn/issue.hpp"
#include "kn/query.hpp"

namespace kn {

class Database;
class Statement;
class Transaction;
namespace detail {
struct StoreAccess;
}

inline constexpr int kSchemaVersion = 2;
inline constexpr std::int64_t kApplicationId = 0x6B6E6462;  // "kndb"

// The domain with its labels reversed, "api.github.com" -> "com.github.api":
// a domain and its subdomains sort together.
std::string domain_key(std::string_view domain);

// --db, else $KN_DB, else $XDG_DATA_HOME/kn/kn.db, else ~/.local/share/kn/kn.db.
std::string database_path(const std::string& flag);

struct StoredIssue {
  std::int64_t id = 0;
  int number = 0;
  std::string url, source, hash;
  FileStamp stamp;
};

// One line per problem found by Store::check; empty when the store is sound.
struct CheckResult {
  std::vector<std::string> checked;  // what was verified, for the report
  std::vector<std::string> problems;
};

enum class SortOrder { rank, date, date_descending };

struct SearchOptions {
  SortOrder sort = SortOrder::rank;
  std::int64_t limit = 20;  // 0: all
  std::int64_t offset = 0;
};

class Store {
 public:
  enum class Access { read_only, read_write };

  // Opens the kn database at path. read_write creates it (and its parent
  // directories) when missing; read_only refuses a missing file. Throws
  // kn::Error for a file that is not a kn database or one from a newer kn.
  Store(const std::string& path, Access access);
  // A private in-memory copy of the database at path (empty when there is
  // none): `kn index --dry-run` writes there and throws it away.
  static std::unique_ptr<Store> scratch_copy_of(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;

  // A write transaction that commits several files at once. commit() first
  // adds the entries written in it to the full-text index; a batch that is
  // not committed rolls back.
  class Batch {
   public:
    explicit Batch(Store& store);
    ~Batch();
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    void commit();

   private:
    Store& store_;
    std::unique_ptr<Transaction> transaction_;
  };

  // Drops ids cached from rows a rolled-back transaction may have removed.
  void forget_cached_ids();

  std::optional<StoredIssue> find_by_source(std::string_view source);
  std::optional<StoredIssue> find_by_url(std::string_view url);
  std::vector<StoredIssue> issues();

  // Stores the issue read from issue.source, whose bytes hash to hash. It
  // replaces the issue with the same URL (even from another path) and any
  // other issue read from the same path. Call inside a batch.
  void put_issue(const Issue& issue, std::string_view hash, FileStamp stamp);
  // Adds the entries stored since the last call to the full-text index, in
  // one statement (Batch::commit calls it).
  void sync_index();
  void touch(std::int64_t issue_id, FileStamp stamp);
  // Folds the write-ahead log into the database file and empties it, so
  // that a reader who cannot write beside the file still sees everything.
  void checkpoint();
  void remove_issue(std::int64_t issue_id);

  CheckResult check();

  std::vector<Hit> search(const Query& query, const SearchOptions& options);
  std::int64_t count(const Query& query);

 private:
  Store();
  void open(const std::string& path, int flags, const std::string& uri = {});
  // Opens path read-only and runs check on it; where the file's directory
  // cannot take a -shm file, opens it again as immutable, if that is safe.
  void open_read_only(const std::string& path, const std::function<void(Database&)>& check);
  friend struct detail::StoreAccess;  // the store's own files reach db_ through it

  Statement& statement(std::unique_ptr<Statement>& slot, std::string_view sql);
  StoredIssue stored_issue(const Statement& row) const;
  void insert_entries(std::int64_t issue_id, const Issue& issue);
  void delete_entries(std::int64_t issue_id);
  std::int64_t indexed_up_to();
  void bind_domain(Statement& statement, int index, const std::string& domain);
  void add_mention(std::int64_t entry_id, std::int64_t issue_id, const std::string& url,
                   std::string_view text, bool from_title);

  std::unique_ptr<Database> db_;
  std::unique_ptr<Statement> find_by_source_, find_by_url_, insert_issue_, update_issue_,
      delete_issue_, delete_entries_, insert_entry_, insert_link_, touch_, upsert_domain_,
      upsert_competition_, insert_mention_, unindex_entries_, index_entries_, read_fts_state_,
      write_fts_state_, newest_entry_, insert_section_count_, delete_section_counts_;
  std::unordered_map<std::string, std::int64_t> domain_ids_, competition_ids_;
};

}  // namespace kn
