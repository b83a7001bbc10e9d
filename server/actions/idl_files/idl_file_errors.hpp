#pragma once
// The errors about IDL files and the tables they define, written with the catalog helpers of
// server/core/api_errors.hpp (both languages, names quoted and cut). Raised by the IDL file actions
// and by the table actions that read files (CreateTables, ModifyTables).

#include "server/core/api_error.hpp"
#include "server/idl/table_schema.hpp"

#include <cstdint>
#include <string_view>

namespace tcaplus_mock::errors {

// ResourceNotFound: no file of that FileId in the cluster.
ApiError idl_file_not_found(std::string_view cluster_id, std::int64_t file_id);
// ResourceInUse: tables still use the file.
ApiError idl_file_in_use(std::int64_t file_id, std::size_t tables);
// InvalidParameterValue: FileType and FileExtType do not go together (PROTO with proto, TDR with xml).
ApiError file_type_mismatch(std::string_view path, std::string_view file_type, std::string_view ext_type);
// InvalidParameterValue: the cluster's IdlType does not take files of this type.
ApiError file_type_not_in_cluster(std::string_view path, std::string_view file_type, std::string_view cluster_idl_type);
// InvalidParameterValue: the file cannot be read; names the file, line and column.
ApiError idl_file_unreadable(std::string_view path, const idl::IdlParseError& error);
// InvalidParameterValue: the table breaks a documented rule (`problem`, a sentence).
ApiError table_rule_broken(std::string_view table_name, std::string_view problem);
// InvalidParameterValue: no file of the request defines the table.
ApiError table_not_in_files(std::string_view table_name);
// InvalidParameterValue: a parameter of a table item disagrees with the table's IDL (TableType, TableIdlType).
ApiError table_disagrees_with_idl(std::string_view path, std::string_view given, std::string_view defined);
// FailedOperation: the new schema breaks a schema-change rule (`problem`, a sentence).
ApiError schema_change_refused(std::string_view table_name, std::string_view problem);

}  // namespace tcaplus_mock::errors
