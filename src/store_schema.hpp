// The store's tables, and opening a database file: refusing what is not
// kn's, creating a fresh one, upgrading an older schema.
#pragma once

#include <string>

#include "kn/sqlite.hpp"
#include "kn/store.hpp"

namespace kn::detail {

// Throws kn::Error unless a database can be written at path: its directory
// (created when missing) must take the -wal and -shm files beside it.
void require_writable(const std::string& path);

// Checks that db is a kn database of a schema this kn knows (or an empty
// file, which read_write access fills with the schema) and, for
// read_write, upgrades an older schema in place. Throws kn::Error for a
// file that is not a kn database, one from a newer kn, and (read_only) an
// empty or older one, without writing to it.
void prepare_schema(Database& db, Store::Access access);

}  // namespace kn::detail
