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

struct CheckOptions {
  std::string db;
};

// kn check: verify the store; exit 2 with the first problem.
int run_check(const CheckOptions& options);

}  // namespace kn
