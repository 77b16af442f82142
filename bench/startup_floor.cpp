// The start-up floor of a search: the least a process must do to answer one
// from kn's database. It loads what kn loads (the same libraries, ICU's data
// through the tokenizer), opens the database read-only, registers kn's
// tokenizer and runs one FTS5 query, printing the first 20 rowids. No
// command line, no ranking, no output formatting: what kn search costs
// beyond this is kn's own.
//
//   startup_floor DB FTS5-QUERY
#include <cstdio>

#include "sqlite/sqlite.hpp"
#include "store/fts/tokenizer.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: startup_floor DB FTS5-QUERY\n");
    return 2;
  }
  try {
    kn::Database db(argv[1], SQLITE_OPEN_READONLY);
    kn::detail::register_tokenizer(db);
    kn::Statement rows(db, "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? LIMIT 20");
    rows.bind(1, argv[2]);
    while (rows.step()) std::printf("%lld\n", static_cast<long long>(rows.column_int(0)));
  } catch (const kn::Error& e) {
    std::fprintf(stderr, "startup_floor: %s\n", e.what());
    return 2;
  }
  return 0;
}
