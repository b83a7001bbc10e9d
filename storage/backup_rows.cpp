#include "storage/backup_rows.hpp"

#include "storage/record_columns.hpp"

#include <array>

namespace tcaplus_mock::storage {

namespace {

using B = BackupRecord;
const std::array<Column<B>, 10> columns{{
    {"account", &B::account},
    {"cluster_id", &B::cluster_id},
    {"number", &B::number},
    {"table_group_id", &B::table_group_id},
    {"table_name", &B::table_name},
    {"file_tag", &B::file_tag},
    {"batch_time", &B::batch_time},
    {"ready_time", &B::ready_time},
    {"size", &B::size},
    {"remark", &B::remark},
}};

using R = BackupRuleRecord;
const std::array<Column<R>, 6> rule_columns{{
    {"account", &R::account},
    {"cluster_id", &R::cluster_id},
    {"table_group_id", &R::table_group_id},
    {"table_name", &R::table_name},
    {"file_tag", &R::file_tag},
    {"expire_day", &R::expire_day},
}};

constexpr std::string_view backup_order = " ORDER BY cluster_id, length(table_group_id), table_group_id, table_name, batch_time, number";
constexpr std::string_view rule_order = " ORDER BY cluster_id, table_group_id, table_name, file_tag";

std::string select_sql(std::string_view where) {
    return "SELECT " + column_list<B>(columns) + " FROM backups WHERE " + std::string(where);
}

std::string select_rules_sql(std::string_view where) {
    return "SELECT " + column_list<R>(rule_columns) + " FROM backup_rules WHERE " + std::string(where);
}

BackupRecord read(const Statement& row) { return read_record<B>(row, columns); }
BackupRuleRecord read_rule(const Statement& row) { return read_record<R>(row, rule_columns); }

}  // namespace

BackupRows::BackupRows(Database& db)
    : db_(db),
      insert_(db, "INSERT INTO backups (" + column_list<B>(columns) + ") VALUES (" + placeholders(columns.size()) + ")"),
      of_cluster_(db, select_sql("account = ?1 AND cluster_id = ?2" + std::string(backup_order))),
      of_account_(db, select_sql("account = ?1" + std::string(backup_order))),
      erase_(db, "DELETE FROM backups WHERE account = ?1 AND cluster_id = ?2 AND number = ?3"),
      put_rule_(db, "INSERT OR REPLACE INTO backup_rules (" + column_list<R>(rule_columns) + ") VALUES (" +
                        placeholders(rule_columns.size()) + ")"),
      erase_rule_(db, "DELETE FROM backup_rules WHERE account = ?1 AND cluster_id = ?2 AND table_group_id = ?3"
                      " AND table_name = ?4 AND file_tag = ?5"),
      rules_of_cluster_(db, select_rules_sql("account = ?1 AND cluster_id = ?2" + std::string(rule_order))),
      rules_of_account_(db, select_rules_sql("account = ?1" + std::string(rule_order))),
      erase_table_backups_(db, "DELETE FROM backups WHERE account = ?1 AND cluster_id = ?2 AND table_group_id = ?3"
                               " AND table_name = ?4"),
      erase_table_rules_(db, "DELETE FROM backup_rules WHERE account = ?1 AND cluster_id = ?2 AND table_group_id = ?3"
                             " AND table_name = ?4"),
      erase_cluster_backups_(db, "DELETE FROM backups WHERE account = ?1 AND cluster_id = ?2"),
      erase_cluster_rules_(db, "DELETE FROM backup_rules WHERE account = ?1 AND cluster_id = ?2") {}

void BackupRows::insert(const BackupRecord& record) {
    StatementUse use(insert_);
    bind_record<B>(*use, record, columns);
    use->run();
}

std::vector<BackupRecord> BackupRows::of_cluster(std::string_view account, std::string_view cluster_id) {
    StatementUse use(of_cluster_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, read);
}

std::vector<BackupRecord> BackupRows::of_account(std::string_view account) {
    StatementUse use(of_account_);
    use->bind_text(1, account);
    return read_rows(*use, read);
}

bool BackupRows::erase(std::string_view account, std::string_view cluster_id, std::int64_t number) {
    StatementUse use(erase_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_int64(3, number);
    use->run();
    return db_.changes() > 0;
}

void BackupRows::put_rule(const BackupRuleRecord& rule) {
    StatementUse use(put_rule_);
    bind_record<R>(*use, rule, rule_columns);
    use->run();
}

bool BackupRows::erase_rule(const BackupRuleRecord& rule) {
    StatementUse use(erase_rule_);
    use->bind_text(1, rule.account);
    use->bind_text(2, rule.cluster_id);
    use->bind_text(3, rule.table_group_id);
    use->bind_text(4, rule.table_name);
    use->bind_int64(5, rule.file_tag);
    use->run();
    return db_.changes() > 0;
}

std::vector<BackupRuleRecord> BackupRows::rules_of_cluster(std::string_view account, std::string_view cluster_id) {
    StatementUse use(rules_of_cluster_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, read_rule);
}

std::vector<BackupRuleRecord> BackupRows::rules_of_account(std::string_view account) {
    StatementUse use(rules_of_account_);
    use->bind_text(1, account);
    return read_rows(*use, read_rule);
}

void BackupRows::erase_table(std::string_view account, std::string_view cluster_id, std::string_view table_group_id,
                             std::string_view table_name) {
    for (auto* statement : {&erase_table_backups_, &erase_table_rules_}) {
        StatementUse use(*statement);
        use->bind_text(1, account);
        use->bind_text(2, cluster_id);
        use->bind_text(3, table_group_id);
        use->bind_text(4, table_name);
        use->run();
    }
}

void BackupRows::erase_cluster(std::string_view account, std::string_view cluster_id) {
    for (auto* statement : {&erase_cluster_backups_, &erase_cluster_rules_}) {
        StatementUse use(*statement);
        use->bind_text(1, account);
        use->bind_text(2, cluster_id);
        use->run();
    }
}

}  // namespace tcaplus_mock::storage
