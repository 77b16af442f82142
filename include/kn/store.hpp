// The SQLite store: issues, their entries (section items, cards, embeds) and
// links, with an FTS5 index over the entries. All of kn's SQL lives in the
// store's folder (src/store/); nothing outside it names a table.
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
struct CompetitionLink;
struct NameEvidence;
namespace detail {
struct StoreAccess;
struct EntrySizes;
struct EntryFacts;
}  // namespace detail

inline constexpr int kSchemaVersion = 7;
inline constexpr std::int64_t kApplicationId = 0x6B6E6462;  // "kndb"

// Returns the domain with its labels reversed, "api.github.com" ->
// "com.github.api": a domain and its subdomains sort together.
std::string domain_key(std::string_view domain);

// Returns the database file: --db (flag, when given), else $KN_DB, else
// $XDG_DATA_HOME/kn/kn.db when that is an absolute path, else
// ~/.local/share/kn/kn.db. Throws kn::Error for an empty --db and for
// ":memory:", which would keep nothing.
std::string database_path(const std::optional<std::string>& flag);

struct StoredIssue {
  std::int64_t id = 0;
  int number = 0;
  std::string url, source, hash;
  FileStamp stamp;
  bool detached = false;  // its file holds another issue now
};

// What Store::check verified, one part at a time, with the problems each
// found (at most kCheckProblems each are kept; found counts them all).
struct CheckResult {
  static constexpr std::size_t kCheckProblems = 100;
  struct Part {
    std::string what;                   // "SQLite integrity check", ...
    std::vector<std::string> problems;  // each names the issue and entry it concerns
    std::size_t found = 0;
    std::string note;  // how it was checked, or why it was skipped
    bool skipped = false;
    bool derived = false;  // of what rebuild_derived() makes again
  };
  std::vector<Part> parts;
  std::size_t problem_count() const;
  std::vector<std::string> problems() const;  // of every part, as kept
};

enum class SortOrder { rank, date, date_descending };

// What text of its matches a hit brings: FTS5's snippet; title, body and
// comment whole with every match marked with kSnippetStart/kSnippetEnd (for
// a listing that highlights them) and no snippet; or no matches at all (for
// a list of URLs, which FTS5 then need not mark).
enum class HitText { snippet, marked, none };

struct SearchOptions {
  SortOrder sort = SortOrder::rank;
  std::int64_t limit = 20;  // 0: all
  std::int64_t offset = 0;
  HitText text = HitText::snippet;
};

// What matching entries are counted per.
enum class Grouping { month, year, section };

// A query as the full-text index reads it: FTS5 expressions of quoted
// phrases of kn's tokens, made here and nowhere above the store.
struct FtsExpressions {
  std::string match;    // what entries must match; "" for a query without words
  std::string exclude;  // a wholly negative query (-word): the entries to leave out
};

// Returns the expressions the store searches for query. Throws QueryError
// for a query FTS5 cannot run (NOT inside OR, NOT with nothing to subtract
// from, too many terms, a phrase too long, nesting too deep) or one with
// nothing to search for, naming the problem and its column.
FtsExpressions fts_expressions(const Query& query);

class Store {
 public:
  enum class Access { read_only, read_write };

  // Opens the kn database at path. read_write creates it (and its parent
  // directories) when missing; read_only refuses a missing file. Throws
  // kn::Error for a file that is not a kn database or one from a newer kn.
  Store(const std::string& path, Access access);
  // Returns a private in-memory copy of the database at path (empty when
  // there is none): `kn index --dry-run` writes there and throws it away.
  static std::unique_ptr<Store> scratch_copy_of(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;

  // How opening the database upgraded it from an older schema, if it did:
  // every issue was rebuilt from its stored rows, or the issues were kept
  // and only what is derived from their entries was made again.
  struct Upgrade {
    std::int64_t from_version = 0, issues = 0;
    bool rebuilt = true;
    std::string derived;  // when not rebuilt: what was made again, in words
  };
  const std::optional<Upgrade>& upgraded() const { return upgrade_; }

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

  // Returns the issue read from the file at source (detached ones are not).
  std::optional<StoredIssue> find_by_source(std::string_view source);
  std::optional<StoredIssue> find_by_url(std::string_view url);
  std::vector<StoredIssue> issues();

  // Stores the issue read from issue.source, whose bytes hash to hash. It
  // replaces the issue with the same URL (even from another path). Another
  // issue read from the same path before stays, detached from the path; it
  // is returned. Call inside a batch.
  std::optional<StoredIssue> put_issue(const Issue& issue, std::string_view hash, FileStamp stamp);
  // Adds the entries stored since the last call to the full-text index, in
  // one statement (Batch::commit calls it).
  void sync_index();
  void touch(std::int64_t issue_id, FileStamp stamp);
  // Folds the write-ahead log into the database file and empties it, so
  // that a reader who cannot write beside the file still sees everything.
  // Waits at most a second for readers of older snapshots; false when the
  // log could not be emptied.
  bool checkpoint();
  void remove_issue(std::int64_t issue_id);

  CheckResult check();
  // Makes what is derived from the stored entries again: the full-text
  // index, the entry sizes ranking reads and the facts filters test, for
  // when check() finds them damaged. Returns the number of entries.
  std::int64_t rebuild_derived();

  // search, count, count_by and urls take competitions by id:
  // query.competitions must have been resolved into filters.competition_ids
  // (resolve_competition_filters in competitions/story.hpp); they throw
  // std::logic_error when they were not, and QueryError as fts_expressions()
  // does.
  //
  // Returns the page of hits for query that options ask for.
  std::vector<Hit> search(const Query& query, const SearchOptions& options);
  // Returns how many entries match query.
  std::int64_t count(const Query& query);
  // Returns the entries matching query, counted per month ("2021-03"), year
  // or section, in order of the key; "(no date)" for issues without a date.
  std::vector<std::pair<std::string, std::int64_t>> count_by(const Query& query, Grouping by);
  // Returns the distinct URLs of the hits, in the options' order: each hit's
  // URL, or with domain filters its first URL on one of those domains.
  std::vector<std::string> urls(const Query& query, const SearchOptions& options);

 private:
  Store();
  void open(const std::string& path, int flags, const std::string& uri = {});
  // Opens path read-only and runs check on it; where the file's directory
  // cannot take a -shm file, opens it again as immutable, if that is safe.
  void open_read_only(const std::string& path, const std::function<void(Database&)>& check);
  friend struct detail::StoreAccess;  // the store's own files reach db_ through it

  void upgrade();
  // Schema 7: entries and links matched by url_identity(), entries flagged
  // as write-ups, mentions with nicknames, all derived from the stored rows.
  void derive_from_entries();
  CheckResult::Part fts_part();
  CheckResult::Part check_on_copy(CheckResult::Part& part,
                                  const std::function<void(Database&)>& check);
  // Returns the prepared statement for sql, made once per connection.
  Statement& statement(std::string_view sql);
  StoredIssue stored_issue(const Statement& row) const;
  struct EntryRow;
  void insert_entries(std::int64_t issue_id, const Issue& issue);
  // Writes one entry of an issue and its links; returns its id. Throws
  // std::logic_error when the id is not above previous_id: ranking orders
  // tied entries of an issue by id, as their positions.
  std::int64_t insert_entry(std::int64_t issue_id, int position, const EntryRow& row,
                            std::int64_t previous_id);
  void delete_entries(std::int64_t issue_id);
  std::int64_t indexed_up_to();
  void bind_domain(Statement& statement, int index, const std::string& domain);
  void bind_url_key(Statement& statement, int index, const std::string& key);
  void add_mention(std::int64_t entry_id, std::int64_t issue_id, const CompetitionLink& competition,
                   const NameEvidence& name);
  // What an entry says of the competitions it links to.
  struct MentionSource {
    EntryKind kind;
    std::string_view title, url, body, comment;
    const std::vector<Link>& links;
  };
  // Writes every competition the entry links to, with what each link's
  // sentence calls it and the nicknames it gives (nickname.hpp).
  void add_mentions(std::int64_t entry_id, std::int64_t issue_id, const MentionSource& entry);

  std::unique_ptr<Database> db_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
  std::unordered_map<std::string, std::int64_t> domain_ids_, competition_ids_;
  std::optional<Upgrade> upgrade_;
  std::unique_ptr<detail::EntrySizes> sizes_;  // for ranking (store/fts/rank.hpp)
  std::unique_ptr<detail::EntryFacts> facts_;  // for filters (store_facts.hpp)
};

}  // namespace kn
