#include "storage/table_rows.hpp"

#include "storage/record_columns.hpp"

#include <array>

namespace tcaplus_mock::storage {

namespace {

using T = TableRecord;
const std::array<Column<T>, 26> columns{{
    {"account", &T::account},
    {"cluster_id", &T::cluster_id},
    {"table_group_id", &T::table_group_id},
    {"table_name", &T::table_name},
    {"instance_id", &T::instance_id},
    {"table_type", &T::table_type},
    {"idl_type", &T::idl_type},
    {"file_id", &T::file_id},
    {"list_element_num", &T::list_element_num},
    {"sort_field_num", &T::sort_field_num},
    {"sort_rule", &T::sort_rule},
    {"sharding_key_set", &T::sharding_key_set},
    {"key_fields", &T::key_fields},
    {"value_fields", &T::value_fields},
    {"index_key_set", &T::index_key_set},
    {"tdr_version", &T::tdr_version},
    {"table_size", &T::table_size},
    {"global_index", &T::global_index},
    {"data_flow", &T::data_flow},
    {"reserved_volume", &T::reserved_volume},
    {"reserved_read_qps", &T::reserved_read_qps},
    {"reserved_write_qps", &T::reserved_write_qps},
    {"memo", &T::memo},
    {"created_time", &T::created_time},
    {"updated_time", &T::updated_time},
    {"recycled_time", &T::recycled_time},
}};

constexpr std::string_view listing_order = " ORDER BY cluster_id, length(table_group_id), table_group_id, table_name";

std::string select_sql(std::string_view where) {
    return "SELECT " + column_list<T>(columns) + " FROM tables WHERE " + std::string(where);
}

TableRecord read(const Statement& row) { return read_record<T>(row, columns); }

}  // namespace

TableRows::TableRows(Database& db)
    : db_(db),
      find_(db, select_sql("account = ?1 AND cluster_id = ?2 AND table_group_id = ?3 AND table_name = ?4")),
      find_by_instance_(db, select_sql("account = ?1 AND instance_id = ?2")),
      of_cluster_(db, select_sql("account = ?1 AND cluster_id = ?2" + std::string(listing_order))),
      of_account_(db, select_sql("account = ?1" + std::string(listing_order))),
      summaries_of_cluster_(db, "SELECT table_group_id, table_name, instance_id, file_id, table_size, "
                                "recycled_time IS NOT NULL FROM tables WHERE account = ?1 AND cluster_id = ?2"
                                " ORDER BY table_group_id, table_name"),
      put_(db, "INSERT OR REPLACE INTO tables (" + column_list<T>(columns) + ") VALUES (" +
                   placeholders(columns.size()) + ")"),
      erase_(db, "DELETE FROM tables WHERE account = ?1 AND cluster_id = ?2 AND table_group_id = ?3 AND table_name = ?4"),
      instance_id_taken_(db, "SELECT 1 FROM tables WHERE instance_id = ?1 LIMIT 1") {}

std::optional<TableRecord> TableRows::find(std::string_view account, std::string_view cluster_id,
                                           std::string_view table_group_id, std::string_view table_name) {
    StatementUse use(find_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_text(3, table_group_id);
    use->bind_text(4, table_name);
    if (!use->step()) return std::nullopt;
    return read(*use);
}

std::optional<TableRecord> TableRows::find_by_instance(std::string_view account, std::string_view instance_id) {
    StatementUse use(find_by_instance_);
    use->bind_text(1, account);
    use->bind_text(2, instance_id);
    if (!use->step()) return std::nullopt;
    return read(*use);
}

std::vector<TableRecord> TableRows::of_cluster(std::string_view account, std::string_view cluster_id) {
    StatementUse use(of_cluster_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, read);
}

std::vector<TableRecord> TableRows::of_account(std::string_view account) {
    StatementUse use(of_account_);
    use->bind_text(1, account);
    return read_rows(*use, read);
}

std::vector<TableSummary> TableRows::summaries_of_cluster(std::string_view account, std::string_view cluster_id) {
    StatementUse use(summaries_of_cluster_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, [](const Statement& row) {
        return TableSummary{row.column_text(0), row.column_text(1), row.column_text(2),
                            row.column_int64(3), row.column_int64(4), row.column_int64(5) != 0};
    });
}

void TableRows::put(const TableRecord& record) {
    StatementUse use(put_);
    bind_record<T>(*use, record, columns);
    use->run();
}

bool TableRows::erase(std::string_view account, std::string_view cluster_id, std::string_view table_group_id,
                      std::string_view table_name) {
    StatementUse use(erase_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_text(3, table_group_id);
    use->bind_text(4, table_name);
    use->run();
    return db_.changes() > 0;
}

bool TableRows::instance_id_taken(std::string_view instance_id) {
    StatementUse use(instance_id_taken_);
    use->bind_text(1, instance_id);
    return use->step();
}

}  // namespace tcaplus_mock::storage
