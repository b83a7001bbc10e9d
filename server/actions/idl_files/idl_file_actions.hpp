#pragma once
// The IDL file actions: one handler each (a file of this folder), registered in
// ../action_registry.cpp. A file belongs to a cluster; its FileId, a number from the cluster's
// counter, is assigned once, when it is uploaded. How FileContent is read: request_files.hpp; the
// parsers and the table rules: server/idl/.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

// VerifyIdlFiles: stores NewIdlFiles, re-reads ExistingIdlFiles (at least one of the two), and answers
// IdlFiles (each file with its FileId, FileContent null) and TableInfos, one ParsedTableInfoNew per
// table the files define, in file order: Error null, or the rule the table breaks. A file that cannot
// be read fails the request (InvalidParameterValue with its line and column), and nothing is stored.
// With TableGroupId (the group must exist), a table already in that group shows its TableInstanceId.
// TotalCount counts the tables that could be created: without Error, not already in the group.
boost::asio::awaitable<Result<boost::json::object>> verify_idl_files(const ActionContext& context);

// CompareIdlFiles: for each of SelectedTables (existing tables), the ParsedTableInfoNew of its
// definition in the files (stored as VerifyIdlFiles does), with OldKeyFields and OldValueFields its
// current schema, and Error the schema-change rule the new definition breaks (FailedOperation), the
// table missing from the files (InvalidParameterValue), or the table not existing (ResourceNotFound).
// TotalCount counts the items.
boost::asio::awaitable<Result<boost::json::object>> compare_idl_files(const ActionContext& context);

// DescribeIdlFileInfos: the cluster's files by FileId, narrowed by IdlFileIds and TableGroupIds (the
// group a file was uploaded for), paged by Offset and Limit (default 20). FileContent is the file's
// text URL-encoded (%XX, upper-case hex) when IdlFileIds is given, null otherwise.
boost::asio::awaitable<Result<boost::json::object>> describe_idl_file_infos(const ActionContext& context);

// DeleteIdlFiles: deletes each of IdlFiles (by FileId); per item IdlFileInfoWithoutContent with Error
// null, ResourceNotFound, or ResourceInUse while a table (the recycle bin included) uses the file.
boost::asio::awaitable<Result<boost::json::object>> delete_idl_files(const ActionContext& context);

}  // namespace tcaplus_mock
