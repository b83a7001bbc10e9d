#pragma once
// IDL files: one row per file uploaded to a cluster (VerifyIdlFiles), with its text. Thread safety
// and failure as SnapshotRows (snapshot_rows.hpp).

#include "storage/sqlite_database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

struct IdlFileRecord {
    std::string account;
    std::string cluster_id;
    std::int64_t file_id = 0;  // from the cluster's counter (CounterRows::reserve_file_numbers)
    std::string name;          // without its extension
    std::string file_type;     // PROTO or TDR
    std::string ext_type;      // proto or xml
    std::int64_t size = 0;     // as the client declared it
    std::string content;       // the file's text as uploaded
    std::string table_group_id;  // the group it was uploaded for; "" = none
    std::int64_t created_time = 0;

    bool operator==(const IdlFileRecord&) const = default;
};

class IdlFileRows {
public:
    explicit IdlFileRows(Database& db);

    std::optional<IdlFileRecord> find(std::string_view account, std::string_view cluster_id, std::int64_t file_id);
    // The files of one cluster, by FileId.
    std::vector<IdlFileRecord> of_cluster(std::string_view account, std::string_view cluster_id);
    std::vector<IdlFileRecord> of_account(std::string_view account);
    void put(const IdlFileRecord& record);
    bool erase(std::string_view account, std::string_view cluster_id, std::int64_t file_id);

private:
    Database& db_;
    CachedStatement find_, of_cluster_, of_account_, put_, erase_;
};

}  // namespace tcaplus_mock::storage
