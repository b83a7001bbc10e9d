#pragma once
// How long backups are kept: the expiry rules SetBackupExpireRule sets, per cluster ("-1"/"-1"), table
// group (<id>/"-1") or table (<id>/<name>), the most specific one applying; 7 days without any. FileTag
// 0 is the full backups' rule (TxhBackupExpireDay; a manual backup, OSDATA, follows it too), 1 the
// logs' (UlogBackupExpireDay, a cluster rule only).

#include "storage/backup_rows.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

inline constexpr std::int64_t default_backup_expire_day = 7;
inline constexpr std::string_view every = "-1";  // a rule's or a query's "every table group / table"

// The full backups' expiry in days for a table (`table_name` "-1": a table group; both "-1": the cluster).
std::int64_t txh_expire_day(const std::vector<storage::BackupRuleRecord>& rules, std::string_view table_group_id,
                            std::string_view table_name);
// The logs' expiry in days (the cluster's rule).
std::int64_t ulog_expire_day(const std::vector<storage::BackupRuleRecord>& rules);

}  // namespace tcaplus_mock
