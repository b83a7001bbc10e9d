#pragma once
// Imports: one row per ImportSnapshots call of every account. Thread safety and failure as
// SnapshotRows (snapshot_rows.hpp).

#include "storage/snapshot_rows.hpp"
#include "storage/sqlite_database.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

struct ImportRecord {
    SnapshotKey source;  // the snapshot imported
    std::string task_id;
    std::string application_id;
    bool special_key = false;        // ImportSpecialKey "TRUE": only the keys of key_file_name
    bool origin_table = false;       // ImportOriginTable "TRUE": into the snapshot's own table
    std::string key_file_name;       // KeyFile.FileName, "" when none was given
    std::string new_table_group_id;  // "" when origin_table
    std::string new_table_name;
    long long start_time = 0;
    long long end_time = 0;

    bool operator==(const ImportRecord&) const = default;
};

class ImportRows {
public:
    explicit ImportRows(Database& db);

    void insert(const ImportRecord& record);
    // Every import of one account, by cluster, then start time, then TaskId.
    std::vector<ImportRecord> of_account(std::string_view account);

private:
    Database& db_;
    CachedStatement insert_;
};

}  // namespace tcaplus_mock::storage
