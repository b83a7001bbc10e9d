#include "server/actions/backups/backup_actions.hpp"

#include "server/actions/backups/backup_expiry.hpp"
#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/task_log.hpp"
#include "server/core/api_errors.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

struct RuleChange {
    storage::BackupRuleRecord rule;
    bool remove = false;
};

Result<RuleChange> read_change(const json::object& item, const std::string& path, const ActionContext& context,
                               std::string_view cluster_id) {
    RuleChange change;
    auto& rule = change.rule;
    rule.account = context.account;
    rule.cluster_id = std::string(cluster_id);
    rule.table_group_id = item.at("TableGroupId").as_string();
    rule.table_name = item.at("TableName").as_string();
    rule.file_tag = item.at("FileTag").to_number<std::int64_t>();
    rule.expire_day = item.at("ExpireDay").to_number<std::int64_t>();
    const auto operation = item.at("OperType").to_number<std::int64_t>();
    const auto value = [&](const char* name) { return std::to_string(item.at(name).to_number<std::int64_t>()); };
    if (rule.file_tag != 0 && rule.file_tag != 1)
        return errors::invalid_parameter_value(path + ".FileTag", value("FileTag"), "`0` or `1`", "`0` 或 `1`");
    if (operation < 0 || operation > 2)
        return errors::invalid_parameter_value(path + ".OperType", value("OperType"), "`0`, `1` or `2`", "`0`、`1` 或 `2`");
    if (rule.expire_day < 1 || rule.expire_day > 998)
        return errors::invalid_parameter_value(path + ".ExpireDay", value("ExpireDay"), "a number from 1 to 998",
                                               "1 到 998 之间的数");
    if (rule.file_tag == 1 && (rule.table_group_id != every || rule.table_name != every))
        return errors::invalid_parameter_value(path + ".TableGroupId", rule.table_group_id,
                                               "`-1` with TableName `-1`: the logs' rule is the cluster's",
                                               "`-1`，且 TableName 为 `-1`：日志的策略属于集群");
    if (rule.table_group_id == every && rule.table_name != every)
        return errors::invalid_parameter_value(path + ".TableName", rule.table_name,
                                               "`-1` when TableGroupId is `-1`", "TableGroupId 为 `-1` 时须为 `-1`");
    change.remove = operation == 1;
    return change;
}

// The table group or table a rule names must exist.
std::optional<ApiError> check_subject(ResourceDirectory& directory, const storage::BackupRuleRecord& rule) {
    if (rule.table_group_id == every) return std::nullopt;
    if (!directory.find_table_group(rule.cluster_id, rule.table_group_id))
        return errors::table_group_not_found(rule.cluster_id, rule.table_group_id);
    if (rule.table_name != every && !directory.find_table(rule.cluster_id, rule.table_group_id, rule.table_name))
        return errors::table_not_found(rule.cluster_id, rule.table_group_id, rule.table_name);
    return std::nullopt;
}

}  // namespace

boost::asio::awaitable<Result<json::object>> set_backup_expire_rule(const ActionContext& context) {
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        const auto& rules = context.params.at("BackupExpireRules").as_array();
        for (std::size_t i = 0; i < rules.size(); ++i) {
            auto change = read_change(rules[i].as_object(), "BackupExpireRules." + std::to_string(i), context, cluster_id);
            if (!change) return change.error();
            if (auto missing = check_subject(directory, change->rule)) return *missing;
            if (change->remove) repository.backups().erase_rule(change->rule);
            else repository.backups().put_rule(change->rule);
        }
        directory.keep_cluster(cluster_id);
        const auto task = record_task(repository, context, {"SetBackupExpireRule", cluster_id, "set backup expire rule"});
        return json::object({{"TaskId", task}}, context.memory);
    });
}

}  // namespace tcaplus_mock
