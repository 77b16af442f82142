// The commands behind the command line. The command line (cli.cpp) parses
// and checks what was typed into one request per command; each command
// runs its request and returns the process exit code (kExitOk,
// kExitNoResults, kExitError), throwing kn::Error for a problem that stops
// it as a whole.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kn/files.hpp"
#include "kn/filters.hpp"
#include "kn/query.hpp"
#include "kn/store.hpp"
#include "render/terminal.hpp"
#include "store/competition_list.hpp"
#include "store/stats.hpp"

namespace kn {

// How output is printed: a table for people, TSV, JSON Lines, Markdown or
// CSV. Which ones a command takes is the command line's business.
enum class Format { table, tsv, json, markdown, csv };

// What a command prints, and how: the format; for a table, how it is drawn;
// for TSV, whether a header line comes first.
struct Output {
  Format format = Format::table;
  Rendering render;
  bool header = false;
};

struct ParseRequest {
  std::vector<std::string> paths;
  bool json = false;
  std::uint64_t max_size = kDefaultMaxFileSize;
};

// Runs kn parse: extracts each file and prints its summary or JSON line.
int run_parse(const ParseRequest& request);

struct IndexRequest {
  std::string db;                    // the database file
  std::vector<std::string> paths;    // "-" reads paths from stdin
  bool null_separated = false;       // stdin paths end with NUL, not newline
  std::vector<std::string> exclude;  // --exclude patterns (ignore.hpp)
  bool prune = false;
  bool force = false;  // prune even when a root holds no file
  bool dry_run = false;
  bool rebuild = false;  // derive the full-text index, sizes and facts again first
  bool quiet = false;
  bool json = false;
  std::uint64_t max_size = kDefaultMaxFileSize;
};

// Runs kn index: adds and updates issues in the store, then prints a summary.
int run_index(const IndexRequest& request);

// A search's query as the command line read it. The command parses text
// again against its archive (archive_query.hpp), where a word may be a URL.
struct QueryInput {
  std::string text;  // the query as typed
  Query flags;       // the filters of flags alone
  Query parsed;      // text parsed with flags, without the archive: checked first
};

struct SearchRequest {
  enum class Mode { hits, count, urls, explain };
  std::string db;
  QueryInput query;
  SearchOptions page;
  Mode mode = Mode::hits;
  Output out;  // table, tsv or json
};

// Runs kn search, which prints the entries a query matches. Returns exit
// status 1 when nothing matched.
int run_search(const SearchRequest& request);

struct ListRequest {
  enum class Kind { competitions, issues, links, domains };
  std::string db;
  Kind kind = Kind::competitions;
  Filters filters;  // dates, platforms (competitions), domains (links)
  CompetitionOrder order = CompetitionOrder::first;  // competitions
  Output out;
};

// Runs kn list, which prints competitions, issues, links or domains.
// Returns exit status 1 when there are none.
int run_list(const ListRequest& request);

struct CompetitionRequest {
  std::string db;
  std::string query;       // slug, URL or name words
  bool solutions = false;  // only the write-ups
  Output out;              // table, tsv, json or markdown
};

// Runs kn competition, which prints one competition's story. Returns exit
// status 1 when no competition matches, 2 when several do.
int run_competition(const CompetitionRequest& request);

struct ShowRequest {
  std::string db;
  int number = 0;
  std::optional<EntryRef> entry;  // kn show 66.9: that entry alone
  Output out;                     // table, markdown or json
};

// Runs kn show, which prints one issue (every issue of that number), or one
// entry whole when request.entry is set. Returns exit status 1 when there
// is no such issue or entry.
int run_show(const ShowRequest& request);

struct StatsRequest {
  std::string db;
  std::optional<Dimension> by;      // none: the summary
  std::optional<QueryInput> query;  // with by: count the entries it matches
  std::int64_t limit = 0;           // rows of a breakdown; 0: all
  Output out;
};

int run_stats(const StatsRequest& request);

struct ExportRequest {
  std::string db;
  Format format = Format::json;  // json (Lines), csv or markdown
  bool bom = false;              // CSV: a UTF-8 byte order mark first, for Excel
};

// Runs kn export, which writes the whole store to stdout, one issue at a
// time.
int run_export(const ExportRequest& request);

struct CheckRequest {
  std::string db;
};

// Runs kn check, which verifies the store. Returns exit status 2 when it
// finds a problem.
int run_check(const CheckRequest& request);

struct OpenRequest {
  std::string db;
  EntryRef entry;
  int link = 0;  // 1-based in kn show REF's order; 0: the entry's URL
};

// Runs kn open, which opens an entry's URL (or its link N) in a browser:
// each command of $BROWSER (':'-separated; %s stands for the URL, else it
// comes last) until one runs, else xdg-open, without a shell, for http and
// https only, the URL as the WHATWG standard serializes it. Prints the
// command it ran. Throws kn::Error when no command could open it.
int run_open(const OpenRequest& request);

// Returns the commands kn open tries for url, in order: $BROWSER's (the
// value given, nullptr when unset), then xdg-open when BROWSER is unset or
// empty. Each is its words, split at spaces, "%s" replaced by url and "%%"
// by "%".
std::vector<std::vector<std::string>> browser_commands(const char* browser, const std::string& url);

// Runs kn sqlite-extension, which prints the path of libknfts.so, kn's
// tokenizer as a loadable SQLite extension: lib/kn/ beside the running kn's
// directory (a build tree) or above it (an installed prefix). Throws
// kn::Error when neither holds it.
int run_sqlite_extension();

}  // namespace kn
