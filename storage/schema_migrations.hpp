#pragma once
// The database schema, versioned with PRAGMA user_version. Migration N takes a file from version
// N-1 to N; a new file is at version 0 and is migrated to the latest. A shipped migration is never
// edited: a change to the schema is a new migration appended to the list.

#include "storage/sqlite_database.hpp"

#include <span>
#include <string_view>

namespace tcaplus_mock::storage {

struct Migration {
    int version;               // the user_version the file has once this migration ran
    std::string_view summary;  // one line, for people reading the list
    std::string_view sql;      // one or more statements; no BEGIN/COMMIT, the caller owns the transaction
};

// This build's migrations, in order: element i has version i + 1.
std::span<const Migration> schema_migrations();

// The version a file has after migrate(): the last migration's version.
int latest_schema_version();

// Brings `db` to the latest version of `migrations` (this build's list by default), running each
// pending migration and its user_version bump in its own transaction, so a failure leaves the file
// at the last version that fully applied. Always takes the write lock at least once, so a file
// that cannot be written fails here rather than on the first request.
//
// Throws StorageError when the file's version is newer than the list knows (a newer build wrote
// it), when the version is negative, when `migrations` is not numbered 1, 2, 3..., or when a
// migration's SQL fails.
void migrate(Database& db);
void migrate(Database& db, std::span<const Migration> migrations);

}  // namespace tcaplus_mock::storage
