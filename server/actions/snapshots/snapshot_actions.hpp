#pragma once
// The snapshot actions: one handler each (a file of this folder), registered in
// ../action_registry.cpp. Each takes the validated request (ActionContext) and returns the Response
// fields of a success, or a request-level ApiError; per-item failures are `Error` objects in the
// items, in request order, while the other items go on.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

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
boost::asio::awaitable<Result<boost::json::object>> create_snapshots(const ActionContext& context);

// DescribeSnapshots: the snapshots of one cluster of the caller's account, as they stand now.
//
// Filters, each optional and all applied together: TableGroupId, TableName, SnapshotName, and
// SelectedTables (a list of SelectedTableInfoNew: only the snapshots of those tables; an empty list
// selects no table filter). Results are ordered by TableGroupId, then TableName, then SnapshotName,
// each in byte order; TotalCount is their number. A snapshot that was deleted and is gone is not
// listed; one being deleted is, with SnapshotStatus 2.
// Request-level failure: in strict resources mode an unknown ClusterId (ResourceNotFound).
boost::asio::awaitable<Result<boost::json::object>> describe_snapshots(const ActionContext& context);

// ModifySnapshots: sets a new SnapshotDeadTime on each SelectedTables item (SnapshotInfoNew);
// nothing else of a snapshot changes. Results are in request order and show each snapshot as it
// stands after the change (a new expiry in the future turns an expired snapshot normal again).
//
// Request-level failure: in strict resources mode an unknown ClusterId (ResourceNotFound).
// Per-item failures (the other items are still changed): SnapshotDeadTime missing ->
// MissingParameter `SelectedTables.<i>.SnapshotDeadTime`; no such snapshot in the account (or it is
// being deleted) -> ResourceNotFound; the new SnapshotDeadTime before the snapshot's SnapshotTime
// -> InvalidParameterValue.
boost::asio::awaitable<Result<boost::json::object>> modify_snapshots(const ActionContext& context);

// DeleteSnapshots: deletes each SelectedTables item (SnapshotInfoNew; a SnapshotDeadTime given is
// ignored). Results are in request order; a deleted snapshot is shown with SnapshotStatus 2
// (deleting). It stays listed as deleting for snapshots.delete_after, then it is gone and its name
// is free again (with the default 0 at once).
//
// Request-level failure: in strict resources mode an unknown ClusterId (ResourceNotFound).
// Per-item failures (the other items are still deleted): no such snapshot in the account (or it
// is already being deleted) -> ResourceNotFound; a running import reads it -> ResourceInUse.
boost::asio::awaitable<Result<boost::json::object>> delete_snapshots(const ActionContext& context);

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
boost::asio::awaitable<Result<boost::json::object>> import_snapshots(const ActionContext& context);

}  // namespace tcaplus_mock
