#include "server/actions/backups/backup_records.hpp"

#include "server/actions/backups/backup_expiry.hpp"
#include "server/actions/response_values.hpp"
#include "server/core/text.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

constexpr std::int64_t seconds_per_day = 86400;

std::uint64_t number_or_zero(std::string_view text) { return text::parse_whole<std::uint64_t>(text).value_or(0); }

bool matches(std::string_view wanted, const std::string& value) { return wanted == every || wanted == value; }

}  // namespace

std::vector<ListedBackup> listed_backups(storage::Repository& repository, const ActionContext& context,
                                         std::string_view cluster_id, std::string_view table_group_id,
                                         std::string_view table_name, std::int64_t now) {
    const auto rules = repository.backups().rules_of_cluster(context.account, cluster_id);
    std::vector<ListedBackup> listed;
    for (auto& record : repository.backups().of_cluster(context.account, cluster_id)) {
        if (!matches(table_group_id, record.table_group_id) || !matches(table_name, record.table_name)) continue;
        const auto expires =
            record.batch_time + txh_expire_day(rules, record.table_group_id, record.table_name) * seconds_per_day;
        if (now < record.ready_time || now >= expires) continue;
        listed.push_back({std::move(record), expires});
    }
    return listed;
}

std::uint64_t zone_id(const storage::BackupRecord& record) { return number_or_zero(record.table_group_id); }

json::object backup_record_info(const ListedBackup& backup, const ActionContext& context) {
    const auto& record = backup.record;
    const auto zone = context.config.api.utc_offset;
    return json::object({{"ZoneId", zone_id(record)},
                         {"TableName", record.table_name},
                         {"BackupType", record.file_tag == "OSDATA" ? "manual" : "auto"},
                         {"FileTag", record.file_tag},
                         {"ShardCount", 1},
                         {"BackupBatchTime", datetime_value(record.batch_time, zone, context.memory)},
                         {"BackupFileSize", record.size},
                         {"BackupSuccRate", "100%"},
                         {"BackupExpireTime", datetime_value(backup.expire_time, zone, context.memory)},
                         {"AppId", number_or_zero(record.cluster_id)}},
                        context.memory);
}

}  // namespace tcaplus_mock
