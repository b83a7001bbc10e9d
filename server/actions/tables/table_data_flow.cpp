#include "server/actions/tables/table_actions.hpp"

#include "server/actions/resource_jobs.hpp"
#include "server/actions/tables/table_fields.hpp"
#include "server/actions/tables/table_items.hpp"
#include "server/core/api_errors.hpp"

#include <algorithm>

#include <boost/json/serialize.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// The cluster's Kafka settings: the last ones given, kept while a table of the cluster has a data flow.
void set_cluster_kafka(storage::Repository& repository, const ActionContext& context, std::string_view cluster_id,
                       std::string kafka_info) {
    auto cluster = *repository.clusters().find(context.account, cluster_id);
    cluster.kafka_info = std::move(kafka_info);
    repository.clusters().put(cluster);
}

}  // namespace

void forget_kafka_unless_used(storage::Repository& repository, const ActionContext& context, std::string_view cluster_id) {
    const auto tables = repository.tables().of_cluster(context.account, cluster_id);
    const bool used = std::any_of(tables.begin(), tables.end(), [](const auto& table) { return !table.data_flow.empty(); });
    if (!used && repository.clusters().find(context.account, cluster_id)) set_cluster_kafka(repository, context, cluster_id, "");
}

boost::asio::awaitable<Result<json::object>> set_table_data_flow(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        directory.keep_cluster(cluster_id);
        return table_results(context, "SelectedTables", [&](const json::object& item, const std::string& path) -> Result<TableChange> {
            auto table = take_item_table(directory, cluster_id, item, TableState::running);
            if (!table) return table.error();
            const auto* kafka = item.if_contains("KafkaInfo");
            if (kafka == nullptr) return errors::missing_parameter(path + ".KafkaInfo");
            auto fields = selected_fields(item, path, *table);
            if (!fields) return fields.error();
            table->data_flow = json::serialize(json::object{{"Fields", std::move(*fields)}, {"KafkaInfo", *kafka}});
            table->updated_time = now;
            repository.tables().put(*table);
            set_cluster_kafka(repository, context, cluster_id, json::serialize(*kafka));
            auto task = record_table_task(repository, context, "SetTableDataFlow",
                                          "set data flow of table(" + table->table_name + ")", *table);
            return TableChange{std::move(*table), {std::move(task)}};
        });
    });
}

boost::asio::awaitable<Result<json::object>> delete_table_data_flow(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        auto answer = table_results(context, "SelectedTables", [&](const json::object& item, const std::string&) -> Result<TableChange> {
            auto table = take_item_table(directory, cluster_id, item, TableState::running);
            if (!table) return table.error();
            if (table->data_flow.empty())
                return errors::make("FailedOperation",
                                    "The table " + errors::quoted(table->table_name) + " has no data flow.",
                                    "表 " + errors::quoted(table->table_name) + " 没有数据订阅。");
            table->data_flow.clear();
            table->updated_time = now;
            repository.tables().put(*table);
            auto task = record_table_task(repository, context, "DeleteTableDataFlow",
                                          "delete data flow of table(" + table->table_name + ")", *table);
            return TableChange{std::move(*table), {std::move(task)}};
        });
        forget_kafka_unless_used(repository, context, cluster_id);
        return answer;
    });
}

}  // namespace tcaplus_mock
