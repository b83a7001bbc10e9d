#include "server/actions/tables/table_actions.hpp"

#include "server/actions/approvals/applications.hpp"
#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/response_values.hpp"
#include "server/actions/tables/table_items.hpp"
#include "server/core/api_errors.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// One side of a merge: its table, in a cluster the request's region sees.
Result<storage::TableRecord> side_table(ResourceDirectory& directory, const json::object& tables, std::string_view side) {
    const auto member = [&](const char* name) {
        const auto* value = tables.if_contains(std::string(side) + name);
        return value ? std::string(value->as_string()) : std::string();
    };
    const auto cluster_id = member("TableClusterId");
    if (auto cluster = directory.cluster(cluster_id); !cluster) return cluster.error();
    const json::object item{{"TableGroupId", member("TableGroupId")},
                            {"TableName", member("TableName")},
                            {"TableInstanceId", member("TableInstanceId")}};
    auto table = take_item_table(directory, cluster_id, item, TableState::running);
    if (!table) return table.error();
    return std::move(*table);
}

// Why the source cannot be merged into the destination: a schema that differs (the indexes too with
// CheckIndex). Tables without a schema (named only by snapshots or the configuration) always compare.
std::optional<ApiError> compare(const storage::TableRecord& source, const storage::TableRecord& destination,
                                bool check_index) {
    if (source.cluster_id == destination.cluster_id && source.table_group_id == destination.table_group_id &&
        source.table_name == destination.table_name)
        return errors::make("InvalidParameterValue", "A table cannot be merged into itself.", "表不能合并到自身。");
    if (source.key_fields.empty() || destination.key_fields.empty()) return std::nullopt;
    const char* differs = source.key_fields != destination.key_fields       ? "key fields"
                          : source.value_fields != destination.value_fields ? "value fields"
                          : check_index && source.index_key_set != destination.index_key_set ? "indexes"
                                                                                             : nullptr;
    if (differs == nullptr) return std::nullopt;
    return errors::make("FailedOperation",
                        "The tables " + errors::quoted(source.table_name) + " and " +
                            errors::quoted(destination.table_name) + " differ in their " + differs + ".",
                        "表 " + errors::quoted(source.table_name) + " 与 " + errors::quoted(destination.table_name) +
                            " 的结构不同（" + differs + "）。");
}

json::object compared_tables(const storage::TableRecord& source, const storage::TableRecord& destination,
                             const json::storage_ptr& memory) {
    return json::object({{"SrcTableClusterId", source.cluster_id},
                         {"SrcTableGroupId", source.table_group_id},
                         {"SrcTableName", source.table_name},
                         {"DstTableClusterId", destination.cluster_id},
                         {"DstTableGroupId", destination.table_group_id},
                         {"DstTableName", destination.table_name},
                         {"SrcTableInstanceId", source.instance_id},
                         {"DstTableInstanceId", destination.instance_id}},
                        memory);
}

// A merge result: the task or the application it started, or its error.
json::object merge_result(json::value table, std::optional<std::string> task_id, std::optional<std::string> application_id,
                          const std::optional<ApiError>& error, const ActionContext& context) {
    const auto& memory = context.memory;
    return json::object({{"TaskId", task_id ? json::value(*task_id, memory) : json::value(nullptr)},
                         {"Error", error_or_null(error, context.language, memory)},
                         {"Table", std::move(table)},
                         {"ApplicationId", application_id ? json::value(*application_id, memory) : json::value(nullptr)}},
                        memory);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> merge_tables_data(const ActionContext& context) {
    const bool only_compare = context.params.at("IsOnlyCompare").as_bool();
    co_return co_await write_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository)
                                                    -> Result<json::object> {
        json::array results(context.memory);
        const auto& items = context.params.at("SelectedTables").as_array();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& item = items[i].as_object();
            const auto& tables = item.at("MergeTables").as_object();
            auto source = side_table(directory, tables, "Src");
            auto destination = source ? side_table(directory, tables, "Dst") : source;
            if (!source || !destination) {
                const auto error = source ? destination.error() : source.error();
                results.push_back(merge_result(json::value(tables, context.memory), {}, {}, error, context));
                continue;
            }
            auto shown = compared_tables(*source, *destination, context.memory);
            const auto* check_index = item.if_contains("CheckIndex");
            if (auto differs = compare(*source, *destination, check_index && check_index->as_bool())) {
                results.push_back(merge_result(std::move(shown), {}, {}, differs, context));
                continue;
            }
            if (only_compare) {
                results.push_back(merge_result(std::move(shown), {}, {}, {}, context));
                continue;
            }
            const auto cluster = directory.cluster(destination->cluster_id);
            if (const auto filed = filed_application_type(context, cluster->record)) {
                directory.keep_cluster(destination->cluster_id);
                const auto id = file_application(context, repository, cluster->record, *filed,
                                                 params_with_one_item(context.params, "SelectedTables", i),
                                                 {destination->table_group_id, destination->table_name, destination->instance_id});
                results.push_back(merge_result(std::move(shown), {}, id, {}, context));
                continue;
            }
            destination->table_size += source->table_size;
            destination->updated_time = unix_seconds(context.clock.now());
            repository.tables().put(*destination);
            const auto task = record_table_task(repository, context, "MergeTablesData",
                                                "merge table(" + source->table_name + ") into table(" +
                                                    destination->table_name + ")",
                                                *destination);
            results.push_back(merge_result(std::move(shown), task, {}, {}, context));
        }
        return json::object({{"Results", std::move(results)}}, context.memory);
    });
}

}  // namespace tcaplus_mock
