#include "server/actions/backups/backup_actions.hpp"

#include "server/actions/backups/backup_expiry.hpp"
#include "server/actions/backups/backup_records.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/task_log.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/datetime.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// Whether the listed record is the one `given` describes (by group, table, batch time and tag).
bool described_by(const ListedBackup& backup, const json::object& given, const ActionContext& context) {
    const auto& record = backup.record;
    return given.at("ZoneId").to_number<std::uint64_t>() == zone_id(record) &&
           given.at("TableName").as_string() == record.table_name && given.at("FileTag").as_string() == record.file_tag &&
           given.at("BackupBatchTime").as_string() == format_datetime(record.batch_time, context.config.api.utc_offset);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> delete_backup_records(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory&, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        const auto listed = listed_backups(repository, context, cluster_id, every, every, now);
        const auto& given = context.params.at("BackupRecords").as_array();
        for (std::size_t i = 0; i < given.size(); ++i) {
            const auto& record = given[i].as_object();
            const auto path = "BackupRecords." + std::to_string(i);
            if (record.at("FileTag").as_string() != "OSDATA")
                return errors::invalid_parameter_value(path + ".FileTag", record.at("FileTag").as_string(),
                                                       "`OSDATA` (only manual backups can be deleted)",
                                                       "`OSDATA`（只能删除手工备份）");
            bool found = false;
            for (const auto& backup : listed)
                if (described_by(backup, record, context)) {
                    repository.backups().erase(context.account, cluster_id, backup.record.number);
                    found = true;
                }
            if (!found)
                return errors::make("ResourceNotFound",
                                    "No backup record of cluster " + errors::quoted(cluster_id) + " is the one in " +
                                        errors::quoted(path) + ".",
                                    "集群 " + errors::quoted(cluster_id) + " 中没有 " + errors::quoted(path) + " 所指的备份记录。");
        }
        const auto task = record_task(repository, context, {"DeleteBackupRecords", cluster_id, "delete backup records"});
        return json::object({{"TaskId", task}}, context.memory);
    });
}

}  // namespace tcaplus_mock
