#pragma once
// ModifySnapshots: sets a new SnapshotDeadTime on each SelectedTables item (SnapshotInfoNew);
// nothing else of a snapshot changes. Results are in request order and show each snapshot as it
// stands after the change (a new expiry in the future turns an expired snapshot normal again).
//
// Request-level failure: in strict resources mode an unknown ClusterId (ResourceNotFound).
// Per-item failures (the other items are still changed): SnapshotDeadTime missing ->
// MissingParameter `SelectedTables.<i>.SnapshotDeadTime`; no such snapshot in the account (or it is
// being deleted) -> ResourceNotFound; the new SnapshotDeadTime before the snapshot's SnapshotTime
// -> InvalidParameterValue.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

boost::asio::awaitable<Result<boost::json::object>> modify_snapshots(const ActionContext& context);

}  // namespace tcaplus_mock
