#include "storage/snapshot_rows.hpp"

namespace tcaplus_mock::storage {

namespace {

// The columns read_snapshot expects, in its order.
#define TCAPLUS_MOCK_SNAPSHOT_COLUMNS                                                                  \
    "account, cluster_id, table_group_id, table_name, snapshot_name, snapshot_time, dead_time, "       \
    "create_time, task_id, application_id, deleted_time, gone_time, in_use_until"
#define TCAPLUS_MOCK_KEY_MATCHES \
    "account = ?1 AND cluster_id = ?2 AND table_group_id = ?3 AND table_name = ?4 AND snapshot_name = ?5"

constexpr std::string_view find_sql =
    "SELECT " TCAPLUS_MOCK_SNAPSHOT_COLUMNS " FROM snapshots WHERE " TCAPLUS_MOCK_KEY_MATCHES;
constexpr std::string_view list_sql =
    "SELECT " TCAPLUS_MOCK_SNAPSHOT_COLUMNS " FROM snapshots WHERE account = ?1 AND cluster_id = ?2"
    " AND (?3 IS NULL OR table_group_id = ?3) AND (?4 IS NULL OR table_name = ?4)"
    " AND (?5 IS NULL OR snapshot_name = ?5)"
    " ORDER BY account, cluster_id, table_group_id, table_name, snapshot_name";
constexpr std::string_view count_for_table_sql =
    "SELECT count(*) FROM snapshots WHERE account = ?1 AND cluster_id = ?2 AND table_group_id = ?3"
    " AND table_name = ?4 AND (gone_time IS NULL OR gone_time > ?5)";
constexpr std::string_view count_all_sql = "SELECT count(*) FROM snapshots";
constexpr std::string_view of_account_sql =
    "SELECT " TCAPLUS_MOCK_SNAPSHOT_COLUMNS " FROM snapshots WHERE account = ?1"
    " ORDER BY account, cluster_id, table_group_id, table_name, snapshot_name";
constexpr std::string_view insert_sql =
    "INSERT INTO snapshots (" TCAPLUS_MOCK_SNAPSHOT_COLUMNS ")"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr std::string_view update_dead_time_sql =
    "UPDATE snapshots SET dead_time = ?6 WHERE " TCAPLUS_MOCK_KEY_MATCHES;
constexpr std::string_view mark_deleted_sql =
    "UPDATE snapshots SET deleted_time = ?6, gone_time = ?7 WHERE " TCAPLUS_MOCK_KEY_MATCHES;
constexpr std::string_view extend_in_use_sql =
    "UPDATE snapshots SET in_use_until = max(in_use_until, ?6) WHERE " TCAPLUS_MOCK_KEY_MATCHES;
constexpr std::string_view erase_sql = "DELETE FROM snapshots WHERE " TCAPLUS_MOCK_KEY_MATCHES;
constexpr std::string_view purge_gone_sql =
    "DELETE FROM snapshots WHERE account = ?1 AND cluster_id = ?2 AND gone_time <= ?3";

constexpr std::string_view named_clusters_sql =
    "SELECT cluster_id, '', '', min(create_time) FROM snapshots WHERE account = ?1 GROUP BY cluster_id"
    " ORDER BY cluster_id";
constexpr std::string_view named_table_groups_sql =
    "SELECT cluster_id, table_group_id, '', min(create_time) FROM snapshots WHERE account = ?1 AND cluster_id = ?2"
    " GROUP BY table_group_id ORDER BY table_group_id";
constexpr std::string_view named_tables_sql =
    "SELECT cluster_id, table_group_id, table_name, min(create_time) FROM snapshots"
    " WHERE account = ?1 AND cluster_id = ?2 GROUP BY table_group_id, table_name ORDER BY table_group_id, table_name";
constexpr std::string_view erase_table_sql =
    "DELETE FROM snapshots WHERE account = ?1 AND cluster_id = ?2 AND table_group_id = ?3 AND table_name = ?4";

#undef TCAPLUS_MOCK_SNAPSHOT_COLUMNS
#undef TCAPLUS_MOCK_KEY_MATCHES

void bind_key(Statement& statement, const SnapshotKey& key) {
    statement.bind_text(1, key.account);
    statement.bind_text(2, key.cluster_id);
    statement.bind_text(3, key.table_group_id);
    statement.bind_text(4, key.table_name);
    statement.bind_text(5, key.snapshot_name);
}

SnapshotRecord read_snapshot(const Statement& row) {
    SnapshotRecord record;
    record.key = {row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3),
                  row.column_text(4)};
    record.snapshot_time = row.column_int64(5);
    record.dead_time = row.column_int64(6);
    record.create_time = row.column_int64(7);
    record.task_id = row.column_text(8);
    record.application_id = row.column_text(9);
    record.deleted_time = row.column_optional_int64(10);
    record.gone_time = row.column_optional_int64(11);
    record.in_use_until = row.column_int64(12);
    return record;
}

NamedResource read_named(const Statement& row) {
    return {row.column_text(0), row.column_text(1), row.column_text(2), row.column_int64(3)};
}

std::size_t read_count(StatementUse& use) {
    use->step();
    return static_cast<std::size_t>(use->column_int64(0));
}

}  // namespace

struct SnapshotRows::Statements {
    explicit Statements(Database& db)
        : find(db, find_sql),
          list(db, list_sql),
          count_for_table(db, count_for_table_sql),
          count_all(db, count_all_sql),
          of_account(db, of_account_sql),
          insert(db, insert_sql),
          update_dead_time(db, update_dead_time_sql),
          mark_deleted(db, mark_deleted_sql),
          extend_in_use(db, extend_in_use_sql),
          erase(db, erase_sql),
          purge_gone(db, purge_gone_sql),
          named_clusters(db, named_clusters_sql),
          named_table_groups(db, named_table_groups_sql),
          named_tables(db, named_tables_sql),
          erase_table(db, erase_table_sql) {}

    CachedStatement find, list, count_for_table, count_all, of_account, insert, update_dead_time, mark_deleted,
        extend_in_use, erase, purge_gone, named_clusters, named_table_groups, named_tables, erase_table;
};

SnapshotRows::SnapshotRows(Database& db) : db_(db), statements_(std::make_unique<Statements>(db)) {}

SnapshotRows::~SnapshotRows() = default;

std::optional<SnapshotRecord> SnapshotRows::find(const SnapshotKey& key) {
    StatementUse use(statements_->find);
    bind_key(*use, key);
    if (!use->step()) return std::nullopt;
    return read_snapshot(*use);
}

std::vector<SnapshotRecord> SnapshotRows::list(const SnapshotQuery& query) {
    StatementUse use(statements_->list);
    use->bind_text(1, query.account);
    use->bind_text(2, query.cluster_id);
    use->bind_optional_text(3, query.table_group_id);
    use->bind_optional_text(4, query.table_name);
    use->bind_optional_text(5, query.snapshot_name);
    return read_rows(*use, read_snapshot);
}

std::size_t SnapshotRows::count_for_table(std::string_view account, std::string_view cluster_id,
                                          std::string_view table_group_id, std::string_view table_name,
                                          long long now) {
    StatementUse use(statements_->count_for_table);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_text(3, table_group_id);
    use->bind_text(4, table_name);
    use->bind_int64(5, now);
    return read_count(use);
}

std::size_t SnapshotRows::count_all() {
    StatementUse use(statements_->count_all);
    return read_count(use);
}

std::vector<SnapshotRecord> SnapshotRows::of_account(std::string_view account) {
    StatementUse use(statements_->of_account);
    use->bind_text(1, account);
    return read_rows(*use, read_snapshot);
}

void SnapshotRows::insert(const SnapshotRecord& record) {
    StatementUse use(statements_->insert);
    bind_key(*use, record.key);
    use->bind_int64(6, record.snapshot_time);
    use->bind_int64(7, record.dead_time);
    use->bind_int64(8, record.create_time);
    use->bind_text(9, record.task_id);
    use->bind_text(10, record.application_id);
    use->bind_optional_int64(11, record.deleted_time);
    use->bind_optional_int64(12, record.gone_time);
    use->bind_int64(13, record.in_use_until);
    use->run();
}

bool SnapshotRows::update_dead_time(const SnapshotKey& key, long long dead_time) {
    StatementUse use(statements_->update_dead_time);
    bind_key(*use, key);
    use->bind_int64(6, dead_time);
    use->run();
    return db_.changes() > 0;
}

bool SnapshotRows::mark_deleted(const SnapshotKey& key, long long deleted_time, long long gone_time) {
    StatementUse use(statements_->mark_deleted);
    bind_key(*use, key);
    use->bind_int64(6, deleted_time);
    use->bind_int64(7, gone_time);
    use->run();
    return db_.changes() > 0;
}

bool SnapshotRows::extend_in_use(const SnapshotKey& key, long long until) {
    StatementUse use(statements_->extend_in_use);
    bind_key(*use, key);
    use->bind_int64(6, until);
    use->run();
    return db_.changes() > 0;
}

bool SnapshotRows::erase(const SnapshotKey& key) {
    StatementUse use(statements_->erase);
    bind_key(*use, key);
    use->run();
    return db_.changes() > 0;
}

std::size_t SnapshotRows::purge_gone(std::string_view account, std::string_view cluster_id, long long now) {
    StatementUse use(statements_->purge_gone);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_int64(3, now);
    use->run();
    return db_.changes();
}

std::vector<NamedResource> SnapshotRows::named_clusters(std::string_view account) {
    StatementUse use(statements_->named_clusters);
    use->bind_text(1, account);
    return read_rows(*use, read_named);
}

std::vector<NamedResource> SnapshotRows::named_table_groups(std::string_view account, std::string_view cluster_id) {
    StatementUse use(statements_->named_table_groups);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, read_named);
}

std::vector<NamedResource> SnapshotRows::named_tables(std::string_view account, std::string_view cluster_id) {
    StatementUse use(statements_->named_tables);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    return read_rows(*use, read_named);
}

std::size_t SnapshotRows::erase_table(std::string_view account, std::string_view cluster_id,
                                      std::string_view table_group_id, std::string_view table_name) {
    StatementUse use(statements_->erase_table);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_text(3, table_group_id);
    use->bind_text(4, table_name);
    use->run();
    return db_.changes();
}

}  // namespace tcaplus_mock::storage
