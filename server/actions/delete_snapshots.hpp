#pragma once
// DeleteSnapshots: deletes each SelectedTables item (SnapshotInfoNew; a SnapshotDeadTime given is
// ignored). Results are in request order; a deleted snapshot is shown with SnapshotStatus 2
// (deleting). It stays listed as deleting for snapshots.delete_after, then it is gone and its name
// is free again (with the default 0 at once).
//
// Request-level failure: in strict resources mode an unknown ClusterId (ResourceNotFound).
// Per-item failures (the other items are still deleted): no such snapshot in the account (or it
// is already being deleted) -> ResourceNotFound; a running import reads it -> ResourceInUse.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

boost::asio::awaitable<Result<boost::json::object>> delete_snapshots(const ActionContext& context);

}  // namespace tcaplus_mock
