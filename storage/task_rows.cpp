#include "storage/task_rows.hpp"

#include "storage/record_columns.hpp"

#include <array>

namespace tcaplus_mock::storage {

namespace {

using K = TaskRecord;
const std::array<Column<K>, 11> columns{{
    {"account", &K::account},
    {"cluster_id", &K::cluster_id},
    {"number", &K::number},
    {"type", &K::type},
    {"table_group_id", &K::table_group_id},
    {"table_name", &K::table_name},
    {"instance_id", &K::instance_id},
    {"operator", &K::operator_name},
    {"content", &K::content},
    {"start_time", &K::start_time},
    {"end_time", &K::end_time},
}};

std::string select_sql(std::string_view where) {
    return "SELECT " + column_list<K>(columns) + " FROM tasks WHERE " + std::string(where);
}

TaskRecord read(const Statement& row) { return read_record<K>(row, columns); }

}  // namespace

TaskRows::TaskRows(Database& db)
    : db_(db),
      insert_(db, "INSERT INTO tasks (" + column_list<K>(columns) + ") VALUES (" + placeholders(columns.size()) + ")"),
      of_cluster_(db, select_sql("account = ?1 AND cluster_id = ?2 ORDER BY number")),
      of_account_(db, select_sql("account = ?1 ORDER BY cluster_id, number")) {}

void TaskRows::insert(const TaskRecord& record) {
    StatementUse use(insert_);
    bind_record<K>(*use, record, columns);
    use->run();
}

std::vector<TaskRecord> TaskRows::of_cluster(std::string_view account, std::string_view cluster_id) {
    StatementUse use(of_cluster_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, read);
}

std::vector<TaskRecord> TaskRows::of_account(std::string_view account) {
    StatementUse use(of_account_);
    use->bind_text(1, account);
    return read_rows(*use, read);
}

}  // namespace tcaplus_mock::storage
