#include "server/actions/tables/table_actions.hpp"

#include "server/actions/idl_files/idl_file_errors.hpp"
#include "server/actions/idl_files/parsed_tables.hpp"
#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_ids.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/core/api_errors.hpp"
#include "server/actions/tables/table_items.hpp"
#include "server/actions/tags/resource_tags.hpp"
#include "server/actions/task_log.hpp"
#include "server/core/text.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

std::int64_t number_member(const json::object& item, std::string_view name, std::int64_t absent) {
    const auto* value = item.if_contains(name);
    return value ? value->to_number<std::int64_t>() : absent;
}

// TableType and TableIdlType, when the item gives them, must be the definition's.
std::optional<ApiError> check_kinds(const json::object& item, const std::string& path, const storage::TableRecord& table) {
    for (const auto& [name, defined] : {std::pair{"TableType", &table.table_type}, std::pair{"TableIdlType", &table.idl_type}})
        if (const auto* given = item.if_contains(name); given && !text::iequals(given->as_string(), *defined))
            return errors::table_disagrees_with_idl(path + "." + name, given->as_string(), *defined);
    return std::nullopt;
}

// The table an item asks for, checked against what exists and what the files define.
Result<storage::TableRecord> new_table(const ActionContext& context, ResourceDirectory& directory,
                                       const storage::ClusterRecord& cluster, const RequestTables& files,
                                       const json::object& item, const std::string& path, std::int64_t now) {
    const std::string group(item.at("TableGroupId").as_string());
    const std::string name(item.at("TableName").as_string());
    if (!directory.find_table_group(cluster.cluster_id, group)) return errors::table_group_not_found(cluster.cluster_id, group);
    const auto defined = files.find(name);
    if (!defined) return errors::table_not_in_files(name);
    if (defined->definition->problem) return errors::table_rule_broken(name, *defined->definition->problem);
    if (directory.find_table(cluster.cluster_id, group, name)) return errors::table_already_exists(cluster.cluster_id, group, name);
    storage::TableRecord table;
    table.account = context.account;
    table.cluster_id = cluster.cluster_id;
    table.table_group_id = group;
    table.table_name = name;
    apply_definition(table, *defined->definition, defined->file->file_id);
    if (auto wrong = check_kinds(item, path, table)) return *wrong;
    table.list_element_num = number_member(item, "ListElementNum", table.list_element_num);
    table.reserved_volume = number_member(item, "ReservedVolume", 0);
    table.reserved_read_qps = number_member(item, "ReservedReadQps", 0);
    table.reserved_write_qps = number_member(item, "ReservedWriteQps", 0);
    if (const auto* memo = item.if_contains("Memo")) table.memo = memo->as_string();
    table.created_time = table.updated_time = now;
    return table;
}

}  // namespace

boost::asio::awaitable<Result<json::object>> create_tables(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    const auto tags = read_tags(context.params, "ResourceTags");
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto tables = RequestTables::take(context, repository, cluster.record, {"IdlFiles"});
        if (!tables) return tables.error();
        directory.keep_cluster(cluster.record.cluster_id);
        return table_results(context, "SelectedTables", [&](const json::object& item, const std::string& path) -> Result<TableChange> {
            auto table = new_table(context, directory, cluster.record, *tables, item, path, now);
            if (!table) return table.error();
            table->instance_id = new_table_instance_id(repository);
            directory.keep_table_group(table->cluster_id, table->table_group_id);
            repository.tables().put(*table);
            change_tags(repository, context.account, table_tags, table->instance_id, tags, {});
            auto task = record_task(repository, context,
                                    {"CreateTables", table->cluster_id, "create table(" + table->table_name + ")",
                                     table->table_group_id, table->table_name, table->instance_id});
            return TableChange{std::move(*table), {std::move(task)}};
        }, ApprovalScope{repository, directory, cluster.record});
    });
}

}  // namespace tcaplus_mock
