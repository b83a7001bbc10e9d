#include "storage/repository.hpp"

namespace tcaplus_mock::storage {

namespace {

// Every table that holds rows of an account.
constexpr std::string_view account_tables[] = {"snapshots", "imports",      "cluster_counters", "clusters",
                                               "table_groups", "idl_files", "tables",           "tasks",
                                               "tags",         "applications", "backups",      "backup_rules"};

std::string accounts_sql() {
    std::string sql;
    for (const auto table : account_tables) {
        if (!sql.empty()) sql += " UNION ";
        sql += "SELECT account FROM " + std::string(table);
    }
    return sql + " ORDER BY 1";
}

}  // namespace

Repository::Repository(Database& db)
    : db_(db),
      snapshots_(db),
      imports_(db),
      counters_(db),
      clusters_(db),
      table_groups_(db),
      idl_files_(db),
      tables_(db),
      tasks_(db),
      tags_(db),
      applications_(db),
      backups_(db) {}

std::vector<std::string> Repository::accounts() {
    Statement statement(db_, accounts_sql());
    return read_rows(statement, [](const Statement& row) { return row.column_text(0); });
}

void Repository::erase_account(std::string_view account) {
    for (const auto table : account_tables) {
        Statement statement(db_, "DELETE FROM " + std::string(table) + " WHERE account = ?1");
        statement.bind_text(1, account);
        statement.run();
    }
}

void Repository::erase_everything() {
    for (const auto table : account_tables) db_.execute("DELETE FROM " + std::string(table));
}

}  // namespace tcaplus_mock::storage
