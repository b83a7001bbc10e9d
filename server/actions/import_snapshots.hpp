#pragma once
// ImportSnapshots: imports one snapshot (`Snapshots` is ONE SnapshotInfo object, not a list; its
// TableGroupId, TableName and SnapshotName name it) into its own table (ImportOriginTable "TRUE")
// or into a new table (ImportOriginTable "FALSE": NewTableGroupId, NewTableName), whole
// (ImportSpecialKey "FALSE") or only the keys of KeyFile (ImportSpecialKey "TRUE"). Answers the
// import's TaskId and ApplicationId, `<ClusterId>-<n>` from the account's counters of that cluster,
// and records the import. While it runs (snapshots.import_duration) the snapshot shows
// SnapshotStatus 4 and cannot be deleted. In strict resources mode the new table exists afterwards.
//
// Request-level failures, in this order: ImportSpecialKey or ImportOriginTable other than "TRUE" or
// "FALSE" -> InvalidParameterValue naming it; ImportSpecialKey "TRUE" without KeyFile, or
// ImportOriginTable "FALSE" without NewTableGroupId or NewTableName -> MissingParameter; in strict
// resources mode an unknown ClusterId or new table group -> ResourceNotFound, a new table that
// already exists -> FailedOperation; an item fault of a control-plane rule on the table; no such
// snapshot in the account (or being deleted) -> ResourceNotFound; a snapshot still being created or
// expired -> ResourceUnavailable.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

boost::asio::awaitable<Result<boost::json::object>> import_snapshots(const ActionContext& context);

}  // namespace tcaplus_mock
