#pragma once
// The checks the store runs before it uses a database file, so that a file it cannot use stops
// the start with one line that names the file and the problem instead of failing request after
// request later.

#include "storage/sqlite_database.hpp"

#include <string>

namespace tcaplus_mock::storage {

// Throws StorageError "cannot open database `<path>`: ..." when the folder that would hold the file
// does not exist, is not a folder or cannot be written, or when `path` names a folder.
void check_database_location(const std::string& path);

// Throws StorageError (without the "cannot open database" prefix, which the caller adds) when the
// file is not a SQLite database, when PRAGMA quick_check finds it damaged, or when it holds
// tables another program made (no schema version of ours, or our version without our tables).
void check_database_file(Database& db);

}  // namespace tcaplus_mock::storage
