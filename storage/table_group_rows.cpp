#include "storage/table_group_rows.hpp"

#include "storage/record_columns.hpp"

#include <array>

namespace tcaplus_mock::storage {

namespace {

using G = TableGroupRecord;
const std::array<Column<G>, 5> columns{{
    {"account", &G::account},
    {"cluster_id", &G::cluster_id},
    {"table_group_id", &G::table_group_id},
    {"name", &G::name},
    {"created_time", &G::created_time},
}};

// Numeric ids (no leading zero) sort by length first, which is their numeric order.
constexpr std::string_view id_order = "length(table_group_id), table_group_id";

std::string select_sql(std::string_view where) {
    return "SELECT " + column_list<G>(columns) + " FROM table_groups WHERE " + std::string(where);
}

TableGroupRecord read(const Statement& row) { return read_record<G>(row, columns); }

}  // namespace

TableGroupRows::TableGroupRows(Database& db)
    : db_(db),
      find_(db, select_sql("account = ?1 AND cluster_id = ?2 AND table_group_id = ?3")),
      of_cluster_(db, select_sql("account = ?1 AND cluster_id = ?2 ORDER BY " + std::string(id_order))),
      of_account_(db, select_sql("account = ?1 ORDER BY cluster_id, " + std::string(id_order))),
      put_(db, "INSERT OR REPLACE INTO table_groups (" + column_list<G>(columns) + ") VALUES (" +
                   placeholders(columns.size()) + ")"),
      erase_(db, "DELETE FROM table_groups WHERE account = ?1 AND cluster_id = ?2 AND table_group_id = ?3") {}

std::optional<TableGroupRecord> TableGroupRows::find(std::string_view account, std::string_view cluster_id,
                                                     std::string_view table_group_id) {
    StatementUse use(find_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_text(3, table_group_id);
    if (!use->step()) return std::nullopt;
    return read(*use);
}

std::vector<TableGroupRecord> TableGroupRows::of_cluster(std::string_view account, std::string_view cluster_id) {
    StatementUse use(of_cluster_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, read);
}

std::vector<TableGroupRecord> TableGroupRows::of_account(std::string_view account) {
    StatementUse use(of_account_);
    use->bind_text(1, account);
    return read_rows(*use, read);
}

void TableGroupRows::put(const TableGroupRecord& record) {
    StatementUse use(put_);
    bind_record<G>(*use, record, columns);
    use->run();
}

bool TableGroupRows::erase(std::string_view account, std::string_view cluster_id, std::string_view table_group_id) {
    StatementUse use(erase_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_text(3, table_group_id);
    use->run();
    return db_.changes() > 0;
}

}  // namespace tcaplus_mock::storage
