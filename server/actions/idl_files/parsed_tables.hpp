#pragma once
// The tables the files of a request define, found by name, and their forms: ParsedTableInfoNew (what
// VerifyIdlFiles and CompareIdlFiles answer) and the schema columns of a table record (what
// CreateTables and ModifyTables store, and DescribeTables answers as KeyStruct, ValueStruct...).

#include "server/actions/idl_files/request_files.hpp"
#include "server/core/language.hpp"
#include "server/idl/table_schema.hpp"
#include "storage/table_rows.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

// A table one of the request's files defines.
struct DefinedTable {
    const idl::TableDefinition* definition;
    const storage::IdlFileRecord* file;
};

class RequestTables {
public:
    // Reads every file of `files` (request_files.hpp: read_tables); the first file that cannot be
    // read is the error.
    static Result<RequestTables> read(storage::Repository& repository, std::vector<RequestFile> files);
    // take_request_files (request_files.hpp), then read.
    static Result<RequestTables> take(const ActionContext& context, storage::Repository& repository,
                                      const storage::ClusterRecord& cluster,
                                      std::initializer_list<std::string_view> stored_lists, std::string_view new_list = {});

    const std::vector<RequestFile>& files() const { return files_; }
    // Every table, in file order then definition order.
    std::vector<DefinedTable> tables() const;
    // The first table of that name.
    std::optional<DefinedTable> find(std::string_view table_name) const;

private:
    std::vector<RequestFile> files_;
    std::vector<idl::ParsedIdl> parsed_;  // one per file
};

// The definition `table` was created from, read again from its stored file; nullopt for a table
// without one (it exists because snapshots or the configuration name it) or whose file no longer
// defines it.
std::optional<idl::TableDefinition> stored_definition(storage::Repository& repository, const storage::TableRecord& table);

// Why `table` cannot take `definition` (ModifyTables, CompareIdlFiles): a rule the definition breaks
// (InvalidParameterValue), a PROTO table becoming TDR or the reverse, or a schema-change rule
// (FailedOperation); nullopt when it can.
std::optional<ApiError> change_refused(storage::Repository& repository, const storage::TableRecord& table,
                                       const idl::TableDefinition& definition);

// SortRule as a number: 0 ascending (INSC, ASC), 1 descending (DESC); 0 when none.
std::int64_t sort_rule_number(std::string_view written);

// Sets the schema columns of `table` from `definition`, defined in file `file_id`: TableType,
// TableIdlType, the JSON forms, the sharding key, the list attributes, the TDR version.
void apply_definition(storage::TableRecord& table, const idl::TableDefinition& definition, std::int64_t file_id);

// What a ParsedTableInfoNew says beyond the definition.
struct ParsedTableSetting {
    std::optional<std::string> table_group_id;  // null when absent
    std::optional<std::string> instance_id;     // the existing table's, null when none
    const storage::TableRecord* old_table = nullptr;  // OldKeyFields/OldValueFields from it (CompareIdlFiles)
    std::optional<ApiError> error;
};

boost::json::object parsed_table_info(const idl::TableDefinition& definition, const ParsedTableSetting& setting,
                                      Language language, const boost::json::storage_ptr& memory);

}  // namespace tcaplus_mock
