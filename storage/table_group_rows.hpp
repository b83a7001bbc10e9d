#pragma once
// Table groups: one row per table group stored for a cluster (as ClusterRows, those created, seeded or
// changed). Thread safety and failure as SnapshotRows (snapshot_rows.hpp).

#include "storage/sqlite_database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

struct TableGroupRecord {
    std::string account;
    std::string cluster_id;
    std::string table_group_id;
    std::string name;
    std::int64_t created_time = 0;

    bool operator==(const TableGroupRecord&) const = default;
};

class TableGroupRows {
public:
    explicit TableGroupRows(Database& db);

    std::optional<TableGroupRecord> find(std::string_view account, std::string_view cluster_id,
                                         std::string_view table_group_id);
    // The groups of one cluster, numeric ids in numeric order (1, 2, 10), then any others by byte order.
    std::vector<TableGroupRecord> of_cluster(std::string_view account, std::string_view cluster_id);
    std::vector<TableGroupRecord> of_account(std::string_view account);
    // Inserts, or replaces the row of the same key.
    void put(const TableGroupRecord& record);
    bool erase(std::string_view account, std::string_view cluster_id, std::string_view table_group_id);

private:
    Database& db_;
    CachedStatement find_, of_cluster_, of_account_, put_, erase_;
};

}  // namespace tcaplus_mock::storage
