#include "storage/resource_rows.hpp"

namespace tcaplus_mock::storage {

namespace {

constexpr std::string_view insert_sql =
    "INSERT OR IGNORE INTO resources (account, cluster_id, table_group_id, table_name) VALUES (?1, ?2, ?3, ?4)";
constexpr std::string_view of_account_sql =
    "SELECT account, cluster_id, table_group_id, table_name FROM resources WHERE account = ?1"
    " ORDER BY cluster_id, table_group_id, table_name";
constexpr std::string_view all_sql =
    "SELECT account, cluster_id, table_group_id, table_name FROM resources"
    " ORDER BY account, cluster_id, table_group_id, table_name";

ResourceRecord read_resource(const Statement& row) {
    return {row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)};
}

}  // namespace

ResourceRows::ResourceRows(Database& db) : db_(db), insert_(db, insert_sql) {}

void ResourceRows::insert(const ResourceRecord& record) {
    StatementUse use(insert_);
    use->bind_text(1, record.account);
    use->bind_text(2, record.cluster_id);
    use->bind_text(3, record.table_group_id);
    use->bind_text(4, record.table_name);
    use->run();
}

std::vector<ResourceRecord> ResourceRows::of_account(std::string_view account) {
    Statement statement(db_, of_account_sql);
    statement.bind_text(1, account);
    return read_rows(statement, read_resource);
}

std::vector<ResourceRecord> ResourceRows::all() {
    Statement statement(db_, all_sql);
    return read_rows(statement, read_resource);
}

}  // namespace tcaplus_mock::storage
