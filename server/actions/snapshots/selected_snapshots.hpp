#pragma once
// What ModifySnapshots and DeleteSnapshots share: the items of their `SelectedTables` list of
// SnapshotInfoNew, the loop that finds each item's snapshot on the store's writer, and the result of
// each item.

#include "server/actions/action_context.hpp"
#include "server/actions/snapshots/snapshot_lifecycle.hpp"
#include "storage/repository.hpp"

#include <boost/json/object.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tcaplus_mock {

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

// On the store's writer: for each item without an error yet, looks its snapshot up (into
// `item.record` and `item.status`) and hands it to `act`, which changes it or sets `item.error`.
// An item whose snapshot does not exist for the caller, or is being deleted, gets ResourceNotFound
// instead.
using SnapshotStep = std::function<void(SelectedSnapshot& item)>;
void for_each_live_snapshot(std::vector<SelectedSnapshot>& items, storage::Repository& repository,
                            const ActionContext& context, long long now, const SnapshotStep& act);

// {"TotalCount": n, "TableResults": [a SnapshotResult per item, in request order]}.
boost::json::object encode_selected_snapshots(const std::vector<SelectedSnapshot>& items,
                                              const ActionContext& context);

}  // namespace tcaplus_mock
