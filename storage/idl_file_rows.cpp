#include "storage/idl_file_rows.hpp"

#include "storage/record_columns.hpp"

#include <array>

namespace tcaplus_mock::storage {

namespace {

using F = IdlFileRecord;
const std::array<Column<F>, 10> columns{{
    {"account", &F::account},
    {"cluster_id", &F::cluster_id},
    {"file_id", &F::file_id},
    {"name", &F::name},
    {"file_type", &F::file_type},
    {"ext_type", &F::ext_type},
    {"size", &F::size},
    {"content", &F::content},
    {"table_group_id", &F::table_group_id},
    {"created_time", &F::created_time},
}};

std::string select_sql(std::string_view where) {
    return "SELECT " + column_list<F>(columns) + " FROM idl_files WHERE " + std::string(where);
}

IdlFileRecord read(const Statement& row) { return read_record<F>(row, columns); }

}  // namespace

IdlFileRows::IdlFileRows(Database& db)
    : db_(db),
      find_(db, select_sql("account = ?1 AND cluster_id = ?2 AND file_id = ?3")),
      of_cluster_(db, select_sql("account = ?1 AND cluster_id = ?2 ORDER BY file_id")),
      of_account_(db, select_sql("account = ?1 ORDER BY cluster_id, file_id")),
      put_(db, "INSERT OR REPLACE INTO idl_files (" + column_list<F>(columns) + ") VALUES (" +
                   placeholders(columns.size()) + ")"),
      erase_(db, "DELETE FROM idl_files WHERE account = ?1 AND cluster_id = ?2 AND file_id = ?3") {}

std::optional<IdlFileRecord> IdlFileRows::find(std::string_view account, std::string_view cluster_id,
                                               std::int64_t file_id) {
    StatementUse use(find_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_int64(3, file_id);
    if (!use->step()) return std::nullopt;
    return read(*use);
}

std::vector<IdlFileRecord> IdlFileRows::of_cluster(std::string_view account, std::string_view cluster_id) {
    StatementUse use(of_cluster_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, read);
}

std::vector<IdlFileRecord> IdlFileRows::of_account(std::string_view account) {
    StatementUse use(of_account_);
    use->bind_text(1, account);
    return read_rows(*use, read);
}

void IdlFileRows::put(const IdlFileRecord& record) {
    StatementUse use(put_);
    bind_record<F>(*use, record, columns);
    use->run();
}

bool IdlFileRows::erase(std::string_view account, std::string_view cluster_id, std::int64_t file_id) {
    StatementUse use(erase_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_int64(3, file_id);
    use->run();
    return db_.changes() > 0;
}

}  // namespace tcaplus_mock::storage
