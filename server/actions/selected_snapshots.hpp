#pragma once
// What the snapshot actions share about the request: the cluster it names, the items of a
// `SelectedTables` list of SnapshotInfoNew (ModifySnapshots, DeleteSnapshots), the fault a rule
// imposes on an item, and the result of each item.

#include "server/actions/action_context.hpp"
#include "server/actions/snapshot_lifecycle.hpp"
#include "storage/snapshot_records.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

// `ClusterId` of the request, or ResourceNotFound when strict resources mode does not know it.
Result<std::string> requested_cluster(const ActionContext& context);

// The fault a control-plane rule imposes on an item of table `table_name`, if any.
std::optional<ApiError> item_fault_for(const ActionContext& context, std::string_view table_name);

// A snapshot's status now, or nullopt when there is no such snapshot for the caller (`record` is
// null: never stored; or deleted and gone).
std::optional<SnapshotStatus> live_status(const storage::SnapshotRecord* record, const ActionContext& context,
                                          long long now);

// One item of SelectedTables (SnapshotInfoNew) on its way to a result.
struct SelectedSnapshot {
    storage::SnapshotKey key;
    std::optional<long long> dead_time;  // SnapshotDeadTime, when given
    std::string path;                    // `SelectedTables.<i>`, for messages
    std::optional<ApiError> error;
    storage::SnapshotRecord record;      // the snapshot as it stands after the action, on success
    SnapshotStatus status = SnapshotStatus::normal;
};

// The items of `SelectedTables`, each with the fault imposed on it (if any) as its error.
std::vector<SelectedSnapshot> read_selected_snapshots(const ActionContext& context, const std::string& cluster_id);

// {"TotalCount": n, "TableResults": [a SnapshotResult per item, in request order]}.
boost::json::object encode_selected_snapshots(const std::vector<SelectedSnapshot>& items,
                                              const ActionContext& context);

}  // namespace tcaplus_mock
