#include "server/actions/tables/table_actions.hpp"

#include "server/actions/resource_jobs.hpp"
#include "server/actions/tables/table_items.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> clear_tables(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        return table_results(context, "SelectedTables", [&](const json::object& item, const std::string&) -> Result<TableChange> {
            auto table = take_item_table(directory, cluster.record.cluster_id, item, TableState::running);
            if (!table) return table.error();
            table->table_size = 0;
            table->updated_time = now;
            repository.tables().put(*table);
            auto task = record_table_task(repository, context, "ClearTables", "clear table(" + table->table_name + ")", *table);
            return TableChange{std::move(*table), {std::move(task)}};
        }, ApprovalScope{repository, directory, cluster.record});
    });
}

}  // namespace tcaplus_mock
