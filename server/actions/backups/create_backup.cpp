#include "server/actions/backups/backup_actions.hpp"

#include "server/actions/approvals/applications.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/tables/table_items.hpp"
#include "storage/counter_rows.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// One backup record, made by its task.
void start_backup(storage::Repository& repository, const ActionContext& context, const storage::TableRecord& table,
                  std::int64_t now, json::array& task_ids) {
    const auto task = record_table_task(repository, context, "CreateBackup",
                                        "create backup of table(" + table.table_name + ")", table);
    storage::BackupRecord backup;
    backup.account = context.account;
    backup.cluster_id = table.cluster_id;
    backup.number = *storage::CounterRows::number_of(task, table.cluster_id);
    backup.table_group_id = table.table_group_id;
    backup.table_name = table.table_name;
    backup.file_tag = "OSDATA";
    backup.batch_time = now;
    backup.ready_time = now + context.config.tasks.duration.count();
    backup.size = table.table_size;
    if (const auto* remark = context.params.if_contains("Remark")) backup.remark = remark->as_string();
    repository.backups().insert(backup);
    task_ids.emplace_back(task);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> create_backup(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& items = context.params.at("SelectedTables").as_array();
        std::vector<storage::TableRecord> tables;
        for (const auto& item : items) {
            auto table = take_item_table(directory, cluster.record.cluster_id, item.as_object(), TableState::running);
            if (!table) return table.error();
            tables.push_back(std::move(*table));
        }
        json::array task_ids(context.memory), application_ids(context.memory);
        const auto filed = filed_application_type(context, cluster.record);
        for (std::size_t i = 0; i < tables.size(); ++i) {
            const auto& table = tables[i];
            if (filed)
                application_ids.emplace_back(file_application(
                    context, repository, cluster.record, *filed, params_with_one_item(context.params, "SelectedTables", i),
                    {table.table_group_id, table.table_name, table.instance_id}));
            else
                start_backup(repository, context, table, now, task_ids);
        }
        return json::object({{"TaskIds", std::move(task_ids)}, {"ApplicationIds", std::move(application_ids)}},
                            context.memory);
    });
}

}  // namespace tcaplus_mock
