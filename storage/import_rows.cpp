#include "storage/import_rows.hpp"

namespace tcaplus_mock::storage {

namespace {

#define TCAPLUS_MOCK_IMPORT_COLUMNS                                                                    \
    "account, cluster_id, table_group_id, table_name, snapshot_name, task_id, application_id, "        \
    "special_key, origin_table, key_file_name, new_table_group_id, new_table_name, start_time, end_time"

constexpr std::string_view insert_sql =
    "INSERT INTO imports (" TCAPLUS_MOCK_IMPORT_COLUMNS ")"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
constexpr std::string_view of_account_sql =
    "SELECT " TCAPLUS_MOCK_IMPORT_COLUMNS " FROM imports WHERE account = ?1 ORDER BY cluster_id, start_time, task_id";

#undef TCAPLUS_MOCK_IMPORT_COLUMNS

ImportRecord read_import(const Statement& row) {
    ImportRecord record;
    record.source = {row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3),
                     row.column_text(4)};
    record.task_id = row.column_text(5);
    record.application_id = row.column_text(6);
    record.special_key = row.column_int64(7) != 0;
    record.origin_table = row.column_int64(8) != 0;
    record.key_file_name = row.column_text(9);
    record.new_table_group_id = row.column_text(10);
    record.new_table_name = row.column_text(11);
    record.start_time = row.column_int64(12);
    record.end_time = row.column_int64(13);
    return record;
}

}  // namespace

ImportRows::ImportRows(Database& db) : db_(db), insert_(db, insert_sql) {}

void ImportRows::insert(const ImportRecord& record) {
    StatementUse use(insert_);
    const auto& key = record.source;
    use->bind_text(1, key.account);
    use->bind_text(2, key.cluster_id);
    use->bind_text(3, key.table_group_id);
    use->bind_text(4, key.table_name);
    use->bind_text(5, key.snapshot_name);
    use->bind_text(6, record.task_id);
    use->bind_text(7, record.application_id);
    use->bind_int64(8, record.special_key ? 1 : 0);
    use->bind_int64(9, record.origin_table ? 1 : 0);
    use->bind_text(10, record.key_file_name);
    use->bind_text(11, record.new_table_group_id);
    use->bind_text(12, record.new_table_name);
    use->bind_int64(13, record.start_time);
    use->bind_int64(14, record.end_time);
    use->run();
}

std::vector<ImportRecord> ImportRows::of_account(std::string_view account) {
    Statement statement(db_, of_account_sql);
    statement.bind_text(1, account);
    return read_rows(statement, read_import);
}

}  // namespace tcaplus_mock::storage
