// The commands behind the command line. Each returns the process exit code
// (kExitOk, kExitNoResults, kExitError) and throws kn::Error for problems
// that stop it as a whole.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kn/files.hpp"

namespace kn {

struct ParseOptions {
  std::vector<std::string> paths;
  bool json = false;
  std::uint64_t max_size = kDefaultMaxFileSize;
};

// kn parse: extract each file and print its summary or JSON line.
int run_parse(const ParseOptions& options);

struct IndexCommandOptions {
  std::string db;                  // --db; empty: the default place
  std::vector<std::string> paths;  // "-" reads paths from stdin
  bool null_separated = false;     // stdin paths end with NUL, not newline
  bool prune = false;
  bool dry_run = false;
  bool quiet = false;
  bool json = false;
  std::uint64_t max_size = kDefaultMaxFileSize;
};

// kn index: add and update issues in the store, then print a summary.
int run_index(const IndexCommandOptions& options);

struct SearchCommandOptions {
  std::string db;
  std::vector<std::string> words;  // the query, as typed (joined with spaces)
  std::vector<std::string> sections, issues, domains;
  std::string since, until;
  std::string format;  // "" (terminal or tsv, by stdout), "tsv" or "json"
  std::string color = "auto";
  std::string sort = "rank";
  std::int64_t limit = 20, offset = 0;
  bool count = false, urls = false, explain = false;
};

// kn search: run a query; exit 1 when nothing matched.
int run_search(const SearchCommandOptions& options);

// How a listing is printed: "" (a table on a terminal, else TSV), "tsv",
// "json"; show also takes "md".
struct OutputOptions {
  std::string format;
  std::string color = "auto";
};

struct ListOptions {
  std::string db;
  std::string what;  // competitions, issues, links or domains
  std::string platform, domain, since, until;
  std::string sort;  // competitions: "first" (default) or "mentions"
  OutputOptions output;
};

// kn list: competitions, issues, links or domains; exit 1 when none.
int run_list(const ListOptions& options);

struct ShowOptions {
  std::string db;
  int number = 0;
  OutputOptions output;  // format: "", md or json
};

// kn show: one issue; exit 1 when there is no such issue.
int run_show(const ShowOptions& options);

struct StatsOptions {
  std::string db;
  std::string by;  // "": the summary; month, year, section, domain, platform
  OutputOptions output;
};

int run_stats(const StatsOptions& options);

struct ExportOptions {
  std::string db;
  std::string format = "jsonl";  // jsonl, csv or md
};

// kn export: the whole store on stdout, one issue at a time.
int run_export(const ExportOptions& options);

struct CheckOptions {
  std::string db;
};

// kn check: verify the store; exit 2 with the first problem.
int run_check(const CheckOptions& options);

}  // namespace kn
