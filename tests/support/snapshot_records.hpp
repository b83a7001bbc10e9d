#pragma once
// Snapshot records for the storage tests, and how to show a list of them.

#include "storage/snapshot_rows.hpp"

#include <string>
#include <vector>

namespace tcaplus_mock::testing {

using storage::SnapshotRecord;

inline SnapshotRecord make_record(std::string account, std::string cluster, std::string group, std::string table,
                                  std::string name) {
    SnapshotRecord record;
    record.key = {std::move(account), std::move(cluster), std::move(group), std::move(table), std::move(name)};
    record.snapshot_time = 1'700'000'000;
    record.dead_time = 1'700'086'400;
    record.create_time = 1'700'000'100;
    record.task_id = record.key.cluster_id + "-1";
    record.application_id = record.key.cluster_id + "-1";
    return record;
}

// "group/table/name" of each record, in order.
inline std::vector<std::string> names_of(const std::vector<SnapshotRecord>& records) {
    std::vector<std::string> names;
    for (const SnapshotRecord& record : records)
        names.push_back(record.key.table_group_id + "/" + record.key.table_name + "/" + record.key.snapshot_name);
    return names;
}

}  // namespace tcaplus_mock::testing
