#include "server/actions/tables/table_items.hpp"

#include "server/actions/approvals/applications.hpp"
#include "server/actions/clusters/cluster_rules.hpp"
#include "server/actions/idl_files/request_files.hpp"
#include "server/actions/resource_errors.hpp"
#include "server/actions/response_values.hpp"
#include "server/actions/task_log.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

std::string text_member(const json::object& item, std::string_view name) {
    const auto* value = item.if_contains(name);
    return value ? std::string(value->as_string()) : std::string();
}

json::value text_or_null(const json::object& item, std::string_view name, const json::storage_ptr& memory) {
    const auto* value = item.if_contains(name);
    return value ? json::value(value->as_string(), memory) : json::value(nullptr, memory);
}

json::object changed_result(const TableChange& change, const json::storage_ptr& memory) {
    const auto& table = change.table;
    json::object result(memory);
    result["TableInstanceId"] = table.instance_id;
    result["TaskId"] = change.task_ids_as_list || change.task_ids.empty() ? json::value(nullptr)
                                                                         : json::value(change.task_ids.front(), memory);
    result["TableName"] = table.table_name;
    result["TableType"] = table.table_type;
    result["TableIdlType"] = table.idl_type;
    result["TableGroupId"] = table.table_group_id;
    result["Error"] = nullptr;
    if (change.task_ids_as_list) {
        json::array ids(memory);
        for (const auto& id : change.task_ids) ids.emplace_back(id);
        result["TaskIds"] = std::move(ids);
    }
    return result;
}

// The result of an item that did not change its table: the names it gave, TaskId null, and its error
// (Error null when it filed an application instead).
json::object unchanged_result(const json::object& item, const std::optional<ApiError>& error,
                              const std::optional<std::string>& application_id, const ActionContext& context) {
    const auto& memory = context.memory;
    json::object result(memory);
    result["TableInstanceId"] = text_or_null(item, "TableInstanceId", memory);
    result["TaskId"] = nullptr;
    result["TableName"] = text_or_null(item, "TableName", memory);
    result["TableType"] = text_or_null(item, "TableType", memory);
    result["TableIdlType"] = text_or_null(item, "TableIdlType", memory);
    result["TableGroupId"] = text_or_null(item, "TableGroupId", memory);
    result["Error"] = error_or_null(error, context.language, memory);
    if (application_id) result["ApplicationId"] = *application_id;
    return result;
}

}  // namespace

Result<Found<storage::TableRecord>> find_item_table(ResourceDirectory& directory, std::string_view cluster_id,
                                                    const json::object& item, TableState wanted) {
    const auto group = text_member(item, "TableGroupId");
    const auto name = text_member(item, "TableName");
    auto table = directory.find_table(cluster_id, group, name);
    if (!table) return errors::table_not_found(cluster_id, group, name);
    if (const auto instance = text_member(item, "TableInstanceId"); !instance.empty() && instance != table->record.instance_id)
        return errors::table_instance_mismatch(group, name, instance);
    const bool recycled = table->record.recycled_time.has_value();
    if (wanted == TableState::running && recycled) return errors::table_in_recycle_bin(group, name);
    if (wanted == TableState::recycled && !recycled) return errors::table_not_in_recycle_bin(group, name);
    return std::move(*table);
}

Result<storage::TableRecord> take_item_table(ResourceDirectory& directory, std::string_view cluster_id,
                                             const json::object& item, TableState wanted) {
    auto found = find_item_table(directory, cluster_id, item, wanted);
    if (!found) return found.error();
    auto& table = found->record;
    if (!found->stored) directory.keep_table(table.cluster_id, table.table_group_id, table.table_name);
    return std::move(table);
}

std::string record_table_task(storage::Repository& repository, const ActionContext& context, std::string_view type,
                              std::string_view what, const storage::TableRecord& table, std::string_view detail) {
    return record_task(repository, context,
                       {type, table.cluster_id, what, table.table_group_id, table.table_name, table.instance_id, detail});
}

json::object table_results(const ActionContext& context, std::string_view list, const ItemChange& change,
                           std::optional<ApprovalScope> approval) {
    json::array results(context.memory);
    const auto& items = context.params.at(list).as_array();
    const auto filed_type = approval ? filed_application_type(context, approval->cluster) : std::nullopt;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i].as_object();
        const auto path = std::string(list) + "." + std::to_string(i);
        if (auto fault = context.fault_for_item(text_member(item, "TableName"))) {
            results.push_back(unchanged_result(item, fault, std::nullopt, context));
            continue;
        }
        if (filed_type) {
            ApplicationSubject subject{text_member(item, "TableGroupId"), text_member(item, "TableName"),
                                       text_member(item, "TableInstanceId")};
            if (const auto table = approval->directory.find_table(approval->cluster.cluster_id, subject.table_group_id,
                                                                  subject.table_name))
                subject.instance_id = table->record.instance_id;
            const auto id = file_application(context, approval->repository, approval->cluster, *filed_type,
                                             params_with_one_item(context.params, list, i), subject);
            results.push_back(unchanged_result(item, std::nullopt, id, context));
            continue;
        }
        const auto changed = change(item, path);
        results.push_back(changed ? changed_result(*changed, context.memory) : unchanged_result(item, changed.error(), std::nullopt, context));
    }
    return json::object({{"TotalCount", results.size()}, {"TableResults", std::move(results)}}, context.memory);
}

namespace {

// IndexStruct: the IDL's indexes, and the global index SetTableIndex set as member GlobalIndex.
json::value index_struct(const storage::TableRecord& table, const json::storage_ptr& memory) {
    if (table.index_key_set.empty() && table.global_index.empty()) return nullptr;
    if (table.global_index.empty()) return json::value(table.index_key_set, memory);
    auto indexes = table.index_key_set.empty() ? json::object() : json::parse(table.index_key_set).as_object();
    indexes["GlobalIndex"] = json::parse(table.global_index);
    return json::value(json::serialize(indexes), memory);
}

std::int64_t shard_num(const storage::TableRecord& table) {
    if (table.global_index.empty()) return 0;
    return json::parse(table.global_index).at("ShardNum").to_number<std::int64_t>();
}

}  // namespace

json::object table_info(const storage::TableRecord& table, const storage::ClusterRecord& cluster,
                        const TableSurroundings& surroundings, const ActionContext& context) {
    const auto& [group_name, file, backup_expire_day] = surroundings;
    const auto& memory = context.memory;
    const auto zone = context.config.api.utc_offset;
    const bool listed = table.table_type != "GENERIC";
    json::object info(memory);
    info["TableName"] = table.table_name;
    info["TableInstanceId"] = table.instance_id;
    info["TableType"] = table.table_type;
    info["TableIdlType"] = table.idl_type;
    info["ClusterId"] = table.cluster_id;
    info["ClusterName"] = cluster.name;
    info["TableGroupId"] = table.table_group_id;
    info["TableGroupName"] = group_name;
    info["KeyStruct"] = table.key_fields.empty() ? json::value(nullptr) : json::value(table.key_fields, memory);
    info["ValueStruct"] = table.value_fields.empty() ? json::value(nullptr) : json::value(table.value_fields, memory);
    info["ShardingKeySet"] = table.sharding_key_set;
    info["IndexStruct"] = index_struct(table, memory);
    info["ListElementNum"] = listed ? table.list_element_num : 1;
    json::array files(memory);
    if (file) files.push_back(idl_file_info(*file, false, memory));
    info["IdlFiles"] = std::move(files);
    info["ReservedVolume"] = table.reserved_volume;
    info["ReservedReadQps"] = table.reserved_read_qps;
    info["ReservedWriteQps"] = table.reserved_write_qps;
    info["TableSize"] = table.table_size;
    info["Status"] = table.recycled_time ? "RECYCLING" : "RUNNING";
    info["CreatedTime"] = datetime_value(table.created_time, zone, memory);
    info["UpdatedTime"] = table.updated_time > table.created_time ? datetime_value(table.updated_time, zone, memory)
                                                                 : json::value("", memory);
    info["Memo"] = table.memo;
    info["Error"] = nullptr;
    info["ApiAccessId"] = api_access_id(cluster);
    info["SortFieldNum"] = table.table_type == "SORTLIST" ? json::value(table.sort_field_num) : json::value(nullptr);
    info["SortRule"] = table.table_type == "SORTLIST" ? json::value(table.sort_rule) : json::value(nullptr);
    info["DbClusterInfoStruct"] = nullptr;
    info["TxhBackupExpireDay"] = backup_expire_day;
    info["SyncTableInfo"] = nullptr;
    info["ShardNum"] = shard_num(table);
    return info;
}

}  // namespace tcaplus_mock
