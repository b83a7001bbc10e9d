#pragma once
// DescribeSnapshots: the snapshots of one cluster of the caller's account, as they stand now.
//
// Filters, each optional and all applied together: TableGroupId, TableName, SnapshotName, and
// SelectedTables (a list of SelectedTableInfoNew: only the snapshots of those tables; an empty list
// selects no table filter). Results are ordered by TableGroupId, then TableName, then SnapshotName,
// each in byte order; TotalCount is their number. A snapshot that was deleted and is gone is not
// listed; one being deleted is, with SnapshotStatus 2.
// Request-level failure: in strict resources mode an unknown ClusterId (ResourceNotFound).

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

boost::asio::awaitable<Result<boost::json::object>> describe_snapshots(const ActionContext& context);

}  // namespace tcaplus_mock
