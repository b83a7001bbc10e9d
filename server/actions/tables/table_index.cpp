#include "server/actions/tables/table_actions.hpp"

#include "server/actions/resource_jobs.hpp"
#include "server/actions/tables/table_fields.hpp"
#include "server/actions/tables/table_items.hpp"
#include "server/core/api_errors.hpp"

#include <boost/json/serialize.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> set_table_index(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        return table_results(context, "SelectedTables", [&](const json::object& item, const std::string& path) -> Result<TableChange> {
            auto table = take_item_table(directory, cluster.record.cluster_id, item, TableState::running);
            if (!table) return table.error();
            auto fields = selected_fields(item, path, *table);
            if (!fields) return fields.error();
            const auto* shards = item.if_contains("ShardNum");
            table->global_index = json::serialize(json::object{
                {"Fields", std::move(*fields)}, {"ShardNum", shards ? shards->to_number<std::int64_t>() : 1}});
            table->updated_time = now;
            repository.tables().put(*table);
            auto task = record_table_task(repository, context, "SetTableIndex",
                                          "set global index of table(" + table->table_name + ")", *table);
            return TableChange{std::move(*table), {std::move(task)}};
        });
    });
}

boost::asio::awaitable<Result<json::object>> delete_table_index(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        return table_results(context, "SelectedTables", [&](const json::object& item, const std::string&) -> Result<TableChange> {
            auto table = take_item_table(directory, cluster.record.cluster_id, item, TableState::running);
            if (!table) return table.error();
            if (table->global_index.empty())
                return errors::make("FailedOperation",
                                    "The table " + errors::quoted(table->table_name) + " has no global index.",
                                    "表 " + errors::quoted(table->table_name) + " 没有分布式索引。");
            table->global_index.clear();
            table->updated_time = now;
            repository.tables().put(*table);
            auto task = record_table_task(repository, context, "DeleteTableIndex",
                                          "delete global index of table(" + table->table_name + ")", *table);
            return TableChange{std::move(*table), {std::move(task)}};
        });
    });
}

}  // namespace tcaplus_mock
