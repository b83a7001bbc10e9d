#pragma once
// CreateSnapshots: records one snapshot per SelectedTables item, in request order.
//
// Request-level failure: in strict resources mode an unknown ClusterId (ResourceNotFound).
// Per-item failures (the other items still succeed, each result carries its own Error):
//   SnapshotTime in the future, SnapshotDeadTime before SnapshotTime, SnapshotTime older than
//   snapshots.max_age -> InvalidParameterValue; an unknown table in strict mode -> ResourceNotFound;
//   the same ClusterId+TableGroupId+TableName+SnapshotName already stored in the account (and not yet
//   gone after a delete) or repeated in the request
//   -> FailedOperation; more than snapshots.max_per_table -> LimitExceeded.
// The successful items are committed (one job of the store's group commit) before this returns;
// the response shows them as creating (SnapshotStatus 0, SnapshotSize 0), as the official example does.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

boost::asio::awaitable<Result<boost::json::object>> create_snapshots(const ActionContext& context);

}  // namespace tcaplus_mock
