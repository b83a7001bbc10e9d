#pragma once
// Tasks: one row per task an action started on a cluster (its TaskId `<ClusterId>-<number>` from the
// cluster's task counter). A snapshot's or an import's task lives in its own row (snapshot_rows,
// import_rows) while that row exists; DescribeTasks reads all three. Thread safety and failure as
// SnapshotRows (snapshot_rows.hpp).

#include "storage/sqlite_database.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

struct TaskRecord {
    std::string account;
    std::string cluster_id;
    std::int64_t number = 0;
    std::string type;  // the action that started it: CreateTables, DeleteCluster...
    std::string table_group_id;
    std::string table_name;
    std::string instance_id;
    std::string operator_name;
    std::string content;  // what it does, as DescribeTasks shows it
    std::int64_t start_time = 0;
    std::int64_t end_time = 0;  // Progress reaches 100 then

    bool operator==(const TaskRecord&) const = default;
};

class TaskRows {
public:
    explicit TaskRows(Database& db);

    // The number must be one the cluster's task counter handed out.
    void insert(const TaskRecord& record);
    // The tasks of one cluster, or of every cluster of the account, by cluster and number.
    std::vector<TaskRecord> of_cluster(std::string_view account, std::string_view cluster_id);
    std::vector<TaskRecord> of_account(std::string_view account);

private:
    Database& db_;
    CachedStatement insert_, of_cluster_, of_account_;
};

}  // namespace tcaplus_mock::storage
