#include "storage/cluster_rows.hpp"

#include "storage/record_columns.hpp"

#include <array>

namespace tcaplus_mock::storage {

namespace {

using C = ClusterRecord;
const std::array<Column<C>, 22> columns{{
    {"account", &C::account},
    {"cluster_id", &C::cluster_id},
    {"region", &C::region},
    {"name", &C::name},
    {"idl_type", &C::idl_type},
    {"vpc_id", &C::vpc_id},
    {"subnet_id", &C::subnet_id},
    {"password", &C::password},
    {"old_password", &C::old_password},
    {"old_password_expire_time", &C::old_password_expire_time},
    {"cluster_type", &C::cluster_type},
    {"auth_type", &C::auth_type},
    {"ipv6_enable", &C::ipv6_enable},
    {"server_list", &C::server_list},
    {"proxy_list", &C::proxy_list},
    {"created_time", &C::created_time},
    {"ready_time", &C::ready_time},
    {"censorship", &C::censorship},
    {"censor_uins", &C::censor_uins},
    {"rest_proxy_on", &C::rest_proxy_on},
    {"rest_proxy_changed", &C::rest_proxy_changed},
    {"kafka_info", &C::kafka_info},
}};

std::string select_sql(std::string_view where) {
    return "SELECT " + column_list<C>(columns) + " FROM clusters WHERE " + std::string(where);
}

ClusterRecord read(const Statement& row) { return read_record<C>(row, columns); }

}  // namespace

ClusterRows::ClusterRows(Database& db)
    : db_(db),
      find_(db, select_sql("account = ?1 AND cluster_id = ?2")),
      of_account_(db, select_sql("account = ?1 ORDER BY cluster_id")),
      put_(db, "INSERT OR REPLACE INTO clusters (" + column_list<C>(columns) + ") VALUES (" +
                   placeholders(columns.size()) + ")"),
      erase_(db, "DELETE FROM clusters WHERE account = ?1 AND cluster_id = ?2"),
      id_taken_(db, "SELECT 1 FROM clusters WHERE cluster_id = ?1 LIMIT 1") {}

std::optional<ClusterRecord> ClusterRows::find(std::string_view account, std::string_view cluster_id) {
    StatementUse use(find_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    if (!use->step()) return std::nullopt;
    return read(*use);
}

std::vector<ClusterRecord> ClusterRows::of_account(std::string_view account) {
    StatementUse use(of_account_);
    use->bind_text(1, account);
    return read_rows(*use, read);
}

void ClusterRows::put(const ClusterRecord& record) {
    StatementUse use(put_);
    bind_record<C>(*use, record, columns);
    use->run();
}

bool ClusterRows::erase(std::string_view account, std::string_view cluster_id) {
    StatementUse use(erase_);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->run();
    return db_.changes() > 0;
}

bool ClusterRows::id_taken(std::string_view cluster_id) {
    StatementUse use(id_taken_);
    use->bind_text(1, cluster_id);
    return use->step();
}

}  // namespace tcaplus_mock::storage
