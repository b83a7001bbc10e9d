#pragma once
// The table actions: one handler each (a file of this folder), registered in ../action_registry.cpp.
// A table lives in a table group of a cluster; its TableInstanceId, `tcaplus-` and 8 lower-case
// letters or digits, is unique in the account. Items of SelectedTables (TableMemos, TableQuotas)
// name a table by TableGroupId and TableName; a TableInstanceId given too must be the table's
// (ResourceNotFound otherwise).
//
// Every action on a list of tables answers one TableResultNew per item, in the order given: for a
// table the action changed, its TableInstanceId, TableName, TableType, TableIdlType, TableGroupId,
// the TaskId of the task it started and `Error` null (the live service's form, which Terraform
// requires); for an item that failed, the names it gave, `TaskId` null and its ErrorInfo. The other
// items go on. TotalCount counts the items. A control-plane item fault fails the items it names.
//
// A table is running or in the recycle bin (DeleteTables once). Only running tables are listed by
// DescribeTables and changed by ModifyTables, ModifyTableMemos, ModifyTableQuotas, ClearTables and the
// tag actions (FailedOperation for a table in the recycle bin).

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

// CreateTables: each of SelectedTables from its definition in IdlFiles (stored files, by FileId):
// the table group must exist (ResourceNotFound), a file must define the table (InvalidParameterValue)
// without breaking a table rule (InvalidParameterValue naming it), no table of that name may be in
// the group, the recycle bin included (FailedOperation); TableType and TableIdlType, when given, must
// be the definition's. ListElementNum (a LIST table's), the reserved quotas and Memo are kept.
// ResourceTags become each new table's tags.
boost::asio::awaitable<Result<boost::json::object>> create_tables(const ActionContext& context);

// DescribeTables: the running tables of the cluster of ClusterId, or of every cluster seen from the
// request's region, narrowed by TableGroupIds, SelectedTables (TableGroupId and TableName) and Filters
// TableName and TableInstanceId (Value or Values); by cluster, table group (numeric order) and name;
// paged by Offset and Limit (default 20). TableInfoNew has every field: Status "RUNNING".
boost::asio::awaitable<Result<boost::json::object>> describe_tables(const ActionContext& context);

// DescribeTablesInRecycle: the same for the tables in the recycle bin, Status "RECYCLING".
boost::asio::awaitable<Result<boost::json::object>> describe_tables_in_recycle(const ActionContext& context);

// DeleteTables: a running table goes to the recycle bin; a table in the recycle bin is deleted for
// good, with its snapshots and its tags. Each records a task.
boost::asio::awaitable<Result<boost::json::object>> delete_tables(const ActionContext& context);

// RecoverRecycleTables: a table in the recycle bin runs again (FailedOperation for a running table).
boost::asio::awaitable<Result<boost::json::object>> recover_recycle_tables(const ActionContext& context);

// ModifyTables: each of SelectedTables takes its definition in IdlFiles, under the schema-change
// rules (FailedOperation naming the rule; server/idl/schema_change.hpp); the table then uses the new
// file.
boost::asio::awaitable<Result<boost::json::object>> modify_tables(const ActionContext& context);

// ModifyTableMemos: sets each table's Memo (TableMemos).
boost::asio::awaitable<Result<boost::json::object>> modify_table_memos(const ActionContext& context);

// ModifyTableQuotas: sets the ReservedVolume, ReservedReadQps and ReservedWriteQps given (TableQuotas);
// two tasks per table, as the live service answers: TaskId null and TaskIds [the access layer's, the
// storage layer's].
boost::asio::awaitable<Result<boost::json::object>> modify_table_quotas(const ActionContext& context);

// ClearTables: empties each table (its TableSize becomes 0).
boost::asio::awaitable<Result<boost::json::object>> clear_tables(const ActionContext& context);

// SetTableIndex: a global (distributed) index on each table's SelectedFields (fields of its IDL;
// InvalidParameterValue otherwise) with ShardNum shards (default 1), replacing any; DescribeTables shows
// it in IndexStruct (`GlobalIndex`) and ShardNum.
boost::asio::awaitable<Result<boost::json::object>> set_table_index(const ActionContext& context);
// DeleteTableIndex: removes it (FailedOperation for a table without one).
boost::asio::awaitable<Result<boost::json::object>> delete_table_index(const ActionContext& context);

// SetTableDataFlow: a data subscription of each table's SelectedFields (checked as SetTableIndex's) to
// the Kafka of KafkaInfo (MissingParameter without; nothing is contacted). The cluster shows
// DataFlowStatus 1 and the last KafkaInfo while a table of it has one.
boost::asio::awaitable<Result<boost::json::object>> set_table_data_flow(const ActionContext& context);
// DeleteTableDataFlow: removes it (FailedOperation for a table without one).
boost::asio::awaitable<Result<boost::json::object>> delete_table_data_flow(const ActionContext& context);

// MergeTablesData: per item, the source and destination tables (MergeTables: clusters the request's
// region sees, running tables) are compared: the same key and value fields, and with CheckIndex the
// same indexes (FailedOperation naming what differs; tables without a schema always compare). With
// IsOnlyCompare false a compared pair is merged: a task in the destination's cluster (or an application
// under approval), the destination's TableSize growing by the source's.
boost::asio::awaitable<Result<boost::json::object>> merge_tables_data(const ActionContext& context);

}  // namespace tcaplus_mock
