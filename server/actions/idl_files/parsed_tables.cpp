#include "server/actions/idl_files/parsed_tables.hpp"

#include "server/actions/idl_files/idl_file_errors.hpp"
#include "server/actions/response_values.hpp"
#include "server/idl/schema_change.hpp"
#include "server/core/text.hpp"
#include "server/idl/schema_json.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

Result<RequestTables> RequestTables::read(storage::Repository& repository, std::vector<RequestFile> files) {
    RequestTables tables;
    for (const auto& file : files) {
        auto parsed = read_tables(repository, file, files);
        if (!parsed) return parsed.error();
        tables.parsed_.push_back(std::move(*parsed));
    }
    tables.files_ = std::move(files);
    return tables;
}

Result<RequestTables> RequestTables::take(const ActionContext& context, storage::Repository& repository,
                                          const storage::ClusterRecord& cluster,
                                          std::initializer_list<std::string_view> stored_lists, std::string_view new_list) {
    auto files = take_request_files(context, repository, cluster, stored_lists, new_list);
    if (!files) return files.error();
    return read(repository, std::move(*files));
}

std::vector<DefinedTable> RequestTables::tables() const {
    std::vector<DefinedTable> all;
    for (std::size_t i = 0; i < files_.size(); ++i)
        for (const auto& table : parsed_[i].tables) all.push_back({&table, &files_[i].record});
    return all;
}

std::optional<DefinedTable> RequestTables::find(std::string_view table_name) const {
    for (const auto& table : tables())
        if (table.definition->name == table_name) return table;
    return std::nullopt;
}

std::optional<idl::TableDefinition> stored_definition(storage::Repository& repository, const storage::TableRecord& table) {
    if (table.file_id == 0) return std::nullopt;
    auto file = repository.idl_files().find(table.account, table.cluster_id, table.file_id);
    if (!file) return std::nullopt;
    const auto parsed = read_tables(repository, {std::move(*file), "IdlFiles"}, {});
    if (!parsed) return std::nullopt;
    for (const auto& definition : parsed->tables)
        if (definition.name == table.table_name) return definition;
    return std::nullopt;
}

std::optional<ApiError> change_refused(storage::Repository& repository, const storage::TableRecord& table,
                                       const idl::TableDefinition& definition) {
    if (definition.problem) return errors::table_rule_broken(table.table_name, *definition.problem);
    const auto format = idl::idl_format_text(definition.format);
    if (!table.key_fields.empty() && table.idl_type != format)  // a table named only by snapshots has no IDL yet
        return errors::schema_change_refused(table.table_name, "a " + table.idl_type + " table cannot become a " +
                                                                   std::string(format) + " table.");
    if (const auto old = stored_definition(repository, table))
        if (auto problem = idl::schema_change_problem(*old, definition))
            return errors::schema_change_refused(table.table_name, *problem);
    return std::nullopt;
}

std::int64_t sort_rule_number(std::string_view written) { return text::iequals(written, "DESC") ? 1 : 0; }

void apply_definition(storage::TableRecord& table, const idl::TableDefinition& definition, std::int64_t file_id) {
    table.table_type = std::string(idl::table_type_text(definition.type));
    table.idl_type = std::string(idl::idl_format_text(definition.format));
    table.file_id = file_id;
    table.key_fields = idl::key_fields_json(definition);
    table.value_fields = idl::value_fields_json(definition);
    table.index_key_set = idl::index_key_set_json(definition);
    table.sharding_key_set = idl::sharding_key_set(definition);
    table.list_element_num = definition.list_element_num.value_or(0);
    table.sort_field_num = definition.sort_field_num.value_or(0);
    table.sort_rule = sort_rule_number(definition.sort_rule);
    table.tdr_version = definition.tdr_version;
}

namespace {

json::value text_or_null(const std::optional<std::string>& text, const json::storage_ptr& memory) {
    return text ? json::value(*text, memory) : json::value(nullptr, memory);
}

json::value number_or_null(const std::optional<std::int64_t>& number) {
    return number ? json::value(*number) : json::value(nullptr);
}

}  // namespace

json::object parsed_table_info(const idl::TableDefinition& definition, const ParsedTableSetting& setting,
                               Language language, const json::storage_ptr& memory) {
    const bool sorted = definition.type == idl::TableType::sortlist;
    json::object info(memory);
    info["TableIdlType"] = idl::idl_format_text(definition.format);
    info["TableInstanceId"] = text_or_null(setting.instance_id, memory);
    info["TableName"] = definition.name;
    info["TableType"] = idl::table_type_text(definition.type);
    info["KeyFields"] = idl::key_fields_json(definition);
    info["OldKeyFields"] = setting.old_table ? json::value(setting.old_table->key_fields, memory) : json::value(nullptr);
    info["ValueFields"] = idl::value_fields_json(definition);
    info["OldValueFields"] = setting.old_table ? json::value(setting.old_table->value_fields, memory) : json::value(nullptr);
    info["TableGroupId"] = text_or_null(setting.table_group_id, memory);
    info["SumKeyFieldSize"] = idl::sum_key_field_size;
    info["SumValueFieldSize"] = idl::sum_value_field_size;
    info["IndexKeySet"] = idl::index_key_set_json(definition);
    info["ShardingKeySet"] = idl::sharding_key_set(definition);
    info["TdrVersion"] = definition.tdr_version;
    info["Error"] = error_or_null(setting.error, language, memory);
    info["ListElementNum"] = number_or_null(definition.list_element_num);
    info["SortFieldNum"] = sorted ? number_or_null(definition.sort_field_num) : json::value(nullptr);
    info["SortRule"] = sorted ? json::value(sort_rule_number(definition.sort_rule)) : json::value(nullptr);
    return info;
}

}  // namespace tcaplus_mock
