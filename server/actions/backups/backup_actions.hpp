#pragma once
// The backup actions: one handler each (a file of this folder), registered in ../action_registry.cpp.
// The emulator's reading of the docs (docs/actions/backups.md): CreateBackup makes a manual backup of
// each table (FileTag OSDATA), listed once its task is done and until it expires; the emulator makes
// no automatic backups (FileTag TCAPLUS_FULL) of its own, though a seed may hold some. How long
// backups are kept: backup_expiry.hpp.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

// CreateBackup: every table of SelectedTables must exist and run (ResourceNotFound, FailedOperation:
// the first that does not fails the request); one task per table (TaskIds), or, under approval, one
// application per table (ApplicationIds). Remark is kept with the records.
boost::asio::awaitable<Result<boost::json::object>> create_backup(const ActionContext& context);

// DescribeBackupRecords: the records of the cluster of ClusterId (or of every cluster seen from the
// request's region) whose task is done and that have not expired, at the level TableGroupId and TableName give ("-1" or absent: every group / every table),
// by table group, table and batch time; paged by Offset and Limit (default 20).
boost::asio::awaitable<Result<boost::json::object>> describe_backup_records(const ActionContext& context);

// DeleteBackupRecords: each record, passed back as listed, must be a listed one (ResourceNotFound)
// and a manual one, FileTag OSDATA (InvalidParameterValue); all of them go, under one TaskId.
boost::asio::awaitable<Result<boost::json::object>> delete_backup_records(const ActionContext& context);

// SetBackupExpireRule: each rule's OperType 0 (add) or 2 (modify) sets it, 1 deletes it; FileTag 0 (the
// full backups, per cluster, group or table) or 1 (the logs: TableGroupId and TableName "-1" only);
// ExpireDay 1 to 998; a table group or table named must exist. Answers a TaskId.
boost::asio::awaitable<Result<boost::json::object>> set_backup_expire_rule(const ActionContext& context);

}  // namespace tcaplus_mock
