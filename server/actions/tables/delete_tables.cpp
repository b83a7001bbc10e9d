#include "server/actions/tables/table_actions.hpp"

#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/tables/table_items.hpp"
#include "server/actions/tags/resource_tags.hpp"
#include "server/actions/task_log.hpp"
#include "server/core/api_errors.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// A table deleted for good: its row, its tags and its snapshots go; the snapshots' tasks stay.
void erase_table(storage::Repository& repository, const ActionContext& context, const storage::TableRecord& table) {
    const storage::SnapshotQuery query{context.account, table.cluster_id, table.table_group_id, table.table_name};
    for (const auto& snapshot : repository.snapshots().list(query)) keep_snapshot_task(repository, context, snapshot);
    repository.snapshots().erase_table(context.account, table.cluster_id, table.table_group_id, table.table_name);
    repository.tags().erase_resource(context.account, table_tags, table.instance_id);
    repository.tables().erase(context.account, table.cluster_id, table.table_group_id, table.table_name);
    repository.backups().erase_table(context.account, table.cluster_id, table.table_group_id, table.table_name);
    if (!table.data_flow.empty()) forget_kafka_unless_used(repository, context, table.cluster_id);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> delete_tables(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        return table_results(context, "SelectedTables", [&](const json::object& item, const std::string&) -> Result<TableChange> {
            auto table = take_item_table(directory, cluster.record.cluster_id, item, TableState::either);
            if (!table) return table.error();
            const bool recycled = table->recycled_time.has_value();
            if (directory.declared(table->cluster_id, table->table_group_id, table->table_name))
                return errors::declared_in_configuration("table " + errors::quoted(table->table_name),
                                                         "表 " + errors::quoted(table->table_name));
            auto task = record_table_task(repository, context, "DeleteTables",
                                          (recycled ? "delete table(" : "move to recycle bin table(") + table->table_name + ")",
                                          *table);
            if (recycled) {
                erase_table(repository, context, *table);
            } else {
                table->recycled_time = now;
                table->updated_time = now;
                repository.tables().put(*table);
            }
            return TableChange{std::move(*table), {std::move(task)}};
        }, ApprovalScope{repository, directory, cluster.record});
    });
}

}  // namespace tcaplus_mock
