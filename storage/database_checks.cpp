#include "storage/database_checks.hpp"

#include "storage/schema_migrations.hpp"
#include "storage/storage_error.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

namespace tcaplus_mock::storage {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t shown_tables = 5;

std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

std::vector<std::string> table_names(Database& db) {
    Statement statement(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    std::vector<std::string> names;
    while (statement.step()) names.push_back(statement.column_text(0));
    return names;
}

std::string listed(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < shown_tables; ++i) text += (i ? ", `" : "`") + names[i] + "`";
    if (names.size() > shown_tables) text += " and " + std::to_string(names.size() - shown_tables) + " more";
    return text;
}

}  // namespace

void check_database_location(const std::string& path) {
    const auto fail = [&](const std::string& why) {
        throw StorageError("cannot open database `" + path + "`: " + why);
    };
    const fs::path file(path);
    const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
    std::error_code error;
    if (!fs::exists(folder, error)) fail("the folder `" + folder.string() + "` does not exist");
    if (!fs::is_directory(folder, error)) fail("`" + folder.string() + "` is not a folder");
    if (fs::is_directory(file, error)) fail("it is a folder, not a file");
    // SQLite writes its journal files beside the database, so the folder itself must be writable.
    if (::access(folder.c_str(), W_OK | X_OK) != 0) fail("the folder `" + folder.string() + "` is not writable");
}

void check_database_file(Database& db) {
    std::string verdict;
    try {
        verdict = db.pragma("quick_check");
    } catch (const StorageError& error) {
        throw StorageError("it is not a usable SQLite database (" + one_line(error.what()) + ")", error.sqlite_code());
    }
    if (verdict != "ok")
        throw StorageError("it is damaged (PRAGMA quick_check: " + one_line(verdict) +
                           "); move it away to start with an empty database");
    const int version = db.user_version();
    const auto tables = table_names(db);
    const bool ours = std::find(tables.begin(), tables.end(), "snapshots") != tables.end();
    if (version == 0 && !tables.empty())
        throw StorageError("it holds tables tcaplus-mock did not make (" + listed(tables) +
                           ") and no tcaplus-mock schema version");
    if (version > 0 && version <= latest_schema_version() && !ours)
        throw StorageError("it says schema version " + std::to_string(version) +
                           " but has no `snapshots` table (found " + (tables.empty() ? "no tables" : listed(tables)) +
                           "); it was not written by tcaplus-mock");
}

}  // namespace tcaplus_mock::storage
