#include "storage/application_rows.hpp"

#include "storage/record_columns.hpp"

#include <array>

namespace tcaplus_mock::storage {

namespace {

using A = ApplicationRecord;
const std::array<Column<A>, 15> columns{{
    {"account", &A::account},
    {"cluster_id", &A::cluster_id},
    {"number", &A::number},
    {"type", &A::type},
    {"action", &A::action},
    {"params", &A::params},
    {"table_group_id", &A::table_group_id},
    {"table_name", &A::table_name},
    {"instance_id", &A::instance_id},
    {"applicant", &A::applicant},
    {"status", &A::status},
    {"created_time", &A::created_time},
    {"update_time", &A::update_time},
    {"task_id", &A::task_id},
    {"execute_user", &A::execute_user},
}};

std::string select_sql(std::string_view where) {
    return "SELECT " + column_list<A>(columns) + " FROM applications WHERE " + std::string(where);
}

ApplicationRecord read(const Statement& row) { return read_record<A>(row, columns); }

}  // namespace

ApplicationRows::ApplicationRows(Database& db)
    : db_(db),
      find_(db, select_sql("account = ?1 AND cluster_id = ?2 AND number = ?3")),
      of_cluster_(db, select_sql("account = ?1 AND cluster_id = ?2 ORDER BY number")),
      of_account_(db, select_sql("account = ?1 ORDER BY cluster_id, number")),
      put_(db, "INSERT OR REPLACE INTO applications (" + column_list<A>(columns) + ") VALUES (" +
                   placeholders(columns.size()) + ")"),
      erase_cluster_(db, "DELETE FROM applications WHERE account = ?1 AND cluster_id = ?2") {}

std::optional<ApplicationRecord> ApplicationRows::find(std::string_view account, std::string_view cluster_id,
                                                       std::int64_t number) {
    StatementUse use(find_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_int64(3, number);
    if (!use->step()) return std::nullopt;
    return read(*use);
}

std::vector<ApplicationRecord> ApplicationRows::of_cluster(std::string_view account, std::string_view cluster_id) {
    StatementUse use(of_cluster_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, read);
}

std::vector<ApplicationRecord> ApplicationRows::of_account(std::string_view account) {
    StatementUse use(of_account_);
    use->bind_text(1, account);
    return read_rows(*use, read);
}

void ApplicationRows::put(const ApplicationRecord& record) {
    StatementUse use(put_);
    bind_record<A>(*use, record, columns);
    use->run();
}

void ApplicationRows::erase_cluster(std::string_view account, std::string_view cluster_id) {
    StatementUse use(erase_cluster_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->run();
}

}  // namespace tcaplus_mock::storage
