#pragma once
// Backups: the backup records CreateBackup makes (one per table, numbered by the task that makes it)
// and the expiry rules SetBackupExpireRule sets (per cluster, table group or table; "-1" stands for
// every table group or table). Thread safety and failure as SnapshotRows (snapshot_rows.hpp).

#include "storage/sqlite_database.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

struct BackupRecord {
    std::string account;
    std::string cluster_id;
    std::int64_t number = 0;  // the number of the task that made it
    std::string table_group_id;
    std::string table_name;
    std::string file_tag;  // OSDATA (a manual backup) or TCAPLUS_FULL
    std::int64_t batch_time = 0;
    std::int64_t ready_time = 0;  // listed from then on (its task done)
    std::int64_t size = 0;        // bytes
    std::string remark;

    bool operator==(const BackupRecord&) const = default;
};

struct BackupRuleRecord {
    std::string account;
    std::string cluster_id;
    std::string table_group_id;  // "-1" = the cluster's rule
    std::string table_name;      // "-1" = the table group's (or the cluster's) rule
    std::int64_t file_tag = 0;   // 0 the full backups (txh), 1 the logs (ulog)
    std::int64_t expire_day = 0;

    bool operator==(const BackupRuleRecord&) const = default;
};

class BackupRows {
public:
    explicit BackupRows(Database& db);

    void insert(const BackupRecord& record);
    // By table group, table and batch time.
    std::vector<BackupRecord> of_cluster(std::string_view account, std::string_view cluster_id);
    std::vector<BackupRecord> of_account(std::string_view account);
    bool erase(std::string_view account, std::string_view cluster_id, std::int64_t number);

    // Rules: set (a rule of the same key replaced), removed, read.
    void put_rule(const BackupRuleRecord& rule);
    bool erase_rule(const BackupRuleRecord& rule);  // by its key (everything but expire_day)
    std::vector<BackupRuleRecord> rules_of_cluster(std::string_view account, std::string_view cluster_id);
    std::vector<BackupRuleRecord> rules_of_account(std::string_view account);

    // The records and rules of a table deleted for good, or of a whole cluster.
    void erase_table(std::string_view account, std::string_view cluster_id, std::string_view table_group_id,
                     std::string_view table_name);
    void erase_cluster(std::string_view account, std::string_view cluster_id);

private:
    Database& db_;
    CachedStatement insert_, of_cluster_, of_account_, erase_, put_rule_, erase_rule_, rules_of_cluster_, rules_of_account_;
    CachedStatement erase_table_backups_, erase_table_rules_, erase_cluster_backups_, erase_cluster_rules_;
};

}  // namespace tcaplus_mock::storage
