// The store's tables, and opening a database file: refusing what is not
// kn's, creating a fresh one, upgrading an older schema.
#pragma once

#include <cstdint>
#include <string>

#include "kn/store.hpp"
#include "sqlite/sqlite.hpp"

namespace kn::detail {

// Throws kn::Error when path cannot be kn's database file: missing (for
// read_only), a directory, a FIFO or anything else that is not a regular
// file. Checked before opening, which would block on a FIFO.
void check_database_file(const std::string& path, Store::Access access);

// Tells whether the database at path has no -wal file, or an empty one.
bool wal_is_empty(const std::string& path);

// Tells whether the file at path lies on a file system mounted read-only,
// where nobody can change it while it is read.
bool on_read_only_media(const std::string& path);

// Returns the SQLite URI that opens path as immutable (no locks, no -shm).
std::string immutable_uri(const std::string& path);

// Throws kn::Error unless db is a kn database (or an empty file) of a
// schema this kn knows, older ones included; reads only.
void require_kn_database(Database& db);

// Tells whether the database at path and the directory it is in may be
// written.
bool writable(const std::string& path);

// Throws kn::Error unless a database can be written at path: its directory
// (created when missing) must take the -wal and -shm files beside it.
void require_writable(const std::string& path);

// Checks that db is a kn database of a schema this kn knows (or an empty
// file, which read_write access fills with the schema) and returns its
// schema version: below kSchemaVersion, the caller upgrades it (only with
// read_write). Throws kn::Error for a file that is not a kn database, one
// from a newer kn, and (read_only) an empty or older one, without writing
// to it.
std::int64_t prepare_schema(Database& db, Store::Access access);

// Returns the user_version of db.
std::int64_t schema_version(Database& db);

// Returns the tables, indexes and triggers of the current schema, in db as it
// is.
void create_schema(Database& db);

// Adds entry_facts, empty, to a database of schema 3.
void create_entry_facts(Database& db);

}  // namespace kn::detail
