#pragma once
// The SnapshotResult objects every snapshot action answers with, one per item, built in one
// place so that every action spells the output model the same way (the output-model test walks
// them against the spec).

#include "server/actions/snapshots/snapshot_lifecycle.hpp"
#include "server/core/api_error.hpp"
#include "server/core/language.hpp"
#include "storage/snapshot_rows.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace tcaplus_mock {

// What a request said about one item, for the result of an item that failed.
struct ItemIdentity {
    std::string table_group_id;
    std::string table_name;
    std::string snapshot_name;
    std::optional<long long> snapshot_time;  // shown when the request gave it
    std::optional<long long> dead_time;
};

// A stored snapshot as it stands: TableGroupId, TableName, SnapshotName, SnapshotTime,
// SnapshotDeadTime, SnapshotCreateTime (datetimes in `zone`), TaskId, ApplicationId, SnapshotSize
// and SnapshotStatus for `status`, and an empty Error (`{"Code": "", "Message": ""}`).
// Both functions allocate the object in `memory`.
boost::json::object snapshot_result(const storage::SnapshotRecord& record, SnapshotStatus status,
                                    std::chrono::seconds zone, boost::json::storage_ptr memory = {});

// An item that failed: what the request named (times only when given) and its Error in `language`.
boost::json::object failed_result(const ItemIdentity& item, const ApiError& error, Language language,
                                  std::chrono::seconds zone, boost::json::storage_ptr memory = {});

}  // namespace tcaplus_mock
