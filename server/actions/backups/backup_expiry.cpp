#include "server/actions/backups/backup_expiry.hpp"

namespace tcaplus_mock {

namespace {

const storage::BackupRuleRecord* rule_for(const std::vector<storage::BackupRuleRecord>& rules, std::int64_t file_tag,
                                          std::string_view table_group_id, std::string_view table_name) {
    for (const auto& rule : rules)
        if (rule.file_tag == file_tag && rule.table_group_id == table_group_id && rule.table_name == table_name)
            return &rule;
    return nullptr;
}

}  // namespace

std::int64_t txh_expire_day(const std::vector<storage::BackupRuleRecord>& rules, std::string_view table_group_id,
                            std::string_view table_name) {
    for (const auto& [group, table] : {std::pair{table_group_id, table_name}, std::pair{table_group_id, every},
                                       std::pair{every, every}})
        if (const auto* rule = rule_for(rules, 0, group, table)) return rule->expire_day;
    return default_backup_expire_day;
}

std::int64_t ulog_expire_day(const std::vector<storage::BackupRuleRecord>& rules) {
    const auto* rule = rule_for(rules, 1, every, every);
    return rule ? rule->expire_day : default_backup_expire_day;
}

}  // namespace tcaplus_mock
