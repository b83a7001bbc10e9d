#include "storage/snapshot_tables.hpp"

#include <utility>

namespace tcaplus_mock::storage {

namespace {

// The columns read_snapshot expects, in its order.
#define TCAPLUS_MOCK_SNAPSHOT_COLUMNS                                                                  \
    "account, cluster_id, table_group_id, table_name, snapshot_name, snapshot_time, dead_time, "       \
    "create_time, task_id, application_id, deleted_time, gone_time, in_use_until"
#define TCAPLUS_MOCK_IMPORT_COLUMNS                                                                    \
    "account, cluster_id, table_group_id, table_name, snapshot_name, task_id, application_id, "        \
    "special_key, origin_table, key_file_name, new_table_group_id, new_table_name, start_time, end_time"
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
constexpr std::string_view read_counters_sql =
    "SELECT last_task, last_application FROM cluster_counters WHERE account = ?1 AND cluster_id = ?2";
constexpr std::string_view write_counters_sql =
    "INSERT INTO cluster_counters (account, cluster_id, last_task, last_application) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (account, cluster_id) DO UPDATE SET last_task = excluded.last_task,"
    " last_application = excluded.last_application";
constexpr std::string_view update_counters_sql =
    "UPDATE cluster_counters SET last_task = ?3, last_application = ?4 WHERE account = ?1 AND cluster_id = ?2";
constexpr std::string_view insert_import_sql =
    "INSERT INTO imports (" TCAPLUS_MOCK_IMPORT_COLUMNS ")"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
constexpr std::string_view insert_resource_sql =
    "INSERT OR IGNORE INTO resources (account, cluster_id, table_group_id, table_name) VALUES (?1, ?2, ?3, ?4)";
constexpr std::string_view accounts_sql =
    "SELECT account FROM snapshots UNION SELECT account FROM imports UNION SELECT account FROM cluster_counters"
    " UNION SELECT account FROM resources ORDER BY 1";
constexpr std::string_view snapshots_of_sql =
    "SELECT " TCAPLUS_MOCK_SNAPSHOT_COLUMNS " FROM snapshots WHERE account = ?1"
    " ORDER BY account, cluster_id, table_group_id, table_name, snapshot_name";
constexpr std::string_view imports_of_sql =
    "SELECT " TCAPLUS_MOCK_IMPORT_COLUMNS " FROM imports WHERE account = ?1 ORDER BY cluster_id, start_time, task_id";
constexpr std::string_view counters_of_sql =
    "SELECT account, cluster_id, last_task, last_application FROM cluster_counters WHERE account = ?1"
    " ORDER BY cluster_id";
constexpr std::string_view resources_of_sql =
    "SELECT account, cluster_id, table_group_id, table_name FROM resources WHERE account = ?1"
    " ORDER BY cluster_id, table_group_id, table_name";
constexpr std::string_view all_resources_sql =
    "SELECT account, cluster_id, table_group_id, table_name FROM resources"
    " ORDER BY account, cluster_id, table_group_id, table_name";
constexpr std::string_view erase_account_sql[] = {
    "DELETE FROM snapshots WHERE account = ?1", "DELETE FROM imports WHERE account = ?1",
    "DELETE FROM cluster_counters WHERE account = ?1", "DELETE FROM resources WHERE account = ?1"};
constexpr std::string_view erase_everything_sql =
    "DELETE FROM snapshots; DELETE FROM imports; DELETE FROM cluster_counters; DELETE FROM resources;";

#undef TCAPLUS_MOCK_SNAPSHOT_COLUMNS
#undef TCAPLUS_MOCK_IMPORT_COLUMNS
#undef TCAPLUS_MOCK_KEY_MATCHES

// A cached statement for one use: reset when the use ends, however it ends, so no read stays
// open and no binding leaks into the next use.
class StatementUse {
public:
    explicit StatementUse(Statement& statement) : statement_(statement) {}
    ~StatementUse() { statement_.reset(); }
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;

    Statement& operator*() const { return statement_; }
    Statement* operator->() const { return &statement_; }

private:
    Statement& statement_;
};

void bind_key(Statement& statement, const SnapshotKey& key) {
    statement.bind_text(1, key.account);
    statement.bind_text(2, key.cluster_id);
    statement.bind_text(3, key.table_group_id);
    statement.bind_text(4, key.table_name);
    statement.bind_text(5, key.snapshot_name);
}

void bind_optional_text(Statement& statement, int index, const std::optional<std::string>& value) {
    if (value) {
        statement.bind_text(index, *value);
    } else {
        statement.bind_null(index);
    }
}

void bind_optional_int(Statement& statement, int index, std::optional<long long> value) {
    if (value) {
        statement.bind_int64(index, *value);
    } else {
        statement.bind_null(index);
    }
}

std::optional<long long> optional_int(const Statement& row, int index) {
    if (row.column_is_null(index)) return std::nullopt;
    return row.column_int64(index);
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
    record.deleted_time = optional_int(row, 10);
    record.gone_time = optional_int(row, 11);
    record.in_use_until = row.column_int64(12);
    return record;
}

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

ResourceRecord read_resource(const Statement& row) {
    return {row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)};
}

template <class Read>
auto read_all(Statement& statement, Read read) {
    std::vector<decltype(read(statement))> rows;
    while (statement.step()) rows.push_back(read(statement));
    return rows;
}

std::size_t read_count(StatementUse& use) {
    use->step();
    return static_cast<std::size_t>(use->column_int64(0));
}

// Runs a statement that changes rows; returns how many it changed.
std::size_t run_change(Database& db, StatementUse& use) {
    use->run();
    return db.changes();
}

}  // namespace

struct SnapshotTables::Statements {
    explicit Statements(Database& db)
        : find(db, find_sql),
          list(db, list_sql),
          count_for_table(db, count_for_table_sql),
          count_all(db, count_all_sql),
          insert(db, insert_sql),
          update_dead_time(db, update_dead_time_sql),
          mark_deleted(db, mark_deleted_sql),
          extend_in_use(db, extend_in_use_sql),
          erase(db, erase_sql),
          purge_gone(db, purge_gone_sql),
          read_counters(db, read_counters_sql),
          write_counters(db, write_counters_sql),
          update_counters(db, update_counters_sql),
          insert_import(db, insert_import_sql),
          insert_resource(db, insert_resource_sql) {}

    Statement find, list, count_for_table, count_all, insert, update_dead_time, mark_deleted, extend_in_use, erase,
        purge_gone, read_counters, write_counters, update_counters, insert_import, insert_resource;
};

SnapshotTables::SnapshotTables(Database& db) : db_(db), statements_(std::make_unique<Statements>(db)) {}

SnapshotTables::~SnapshotTables() = default;

std::optional<SnapshotRecord> SnapshotTables::find(const SnapshotKey& key) {
    StatementUse use(statements_->find);
    bind_key(*use, key);
    if (!use->step()) return std::nullopt;
    return read_snapshot(*use);
}

std::vector<SnapshotRecord> SnapshotTables::list(const SnapshotQuery& query) {
    StatementUse use(statements_->list);
    use->bind_text(1, query.account);
    use->bind_text(2, query.cluster_id);
    bind_optional_text(*use, 3, query.table_group_id);
    bind_optional_text(*use, 4, query.table_name);
    bind_optional_text(*use, 5, query.snapshot_name);
    return read_all(*use, read_snapshot);
}

std::size_t SnapshotTables::count_for_table(std::string_view account, std::string_view cluster_id,
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

std::size_t SnapshotTables::count_all() {
    StatementUse use(statements_->count_all);
    return read_count(use);
}

void SnapshotTables::insert(const SnapshotRecord& record) {
    StatementUse use(statements_->insert);
    bind_key(*use, record.key);
    use->bind_int64(6, record.snapshot_time);
    use->bind_int64(7, record.dead_time);
    use->bind_int64(8, record.create_time);
    use->bind_text(9, record.task_id);
    use->bind_text(10, record.application_id);
    bind_optional_int(*use, 11, record.deleted_time);
    bind_optional_int(*use, 12, record.gone_time);
    use->bind_int64(13, record.in_use_until);
    use->run();
}

bool SnapshotTables::update_dead_time(const SnapshotKey& key, long long dead_time) {
    StatementUse use(statements_->update_dead_time);
    bind_key(*use, key);
    use->bind_int64(6, dead_time);
    return run_change(db_, use) > 0;
}

bool SnapshotTables::mark_deleted(const SnapshotKey& key, long long deleted_time, long long gone_time) {
    StatementUse use(statements_->mark_deleted);
    bind_key(*use, key);
    use->bind_int64(6, deleted_time);
    use->bind_int64(7, gone_time);
    return run_change(db_, use) > 0;
}

bool SnapshotTables::extend_in_use(const SnapshotKey& key, long long until) {
    StatementUse use(statements_->extend_in_use);
    bind_key(*use, key);
    use->bind_int64(6, until);
    return run_change(db_, use) > 0;
}

bool SnapshotTables::erase(const SnapshotKey& key) {
    StatementUse use(statements_->erase);
    bind_key(*use, key);
    return run_change(db_, use) > 0;
}

std::size_t SnapshotTables::purge_gone(std::string_view account, std::string_view cluster_id, long long now) {
    StatementUse use(statements_->purge_gone);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    use->bind_int64(3, now);
    return run_change(db_, use);
}

std::string SnapshotTables::next_task_id(std::string_view account, std::string_view cluster_id) {
    return next_id(account, cluster_id, true);
}

std::string SnapshotTables::next_application_id(std::string_view account, std::string_view cluster_id) {
    return next_id(account, cluster_id, false);
}

SnapshotTables::Counters& SnapshotTables::counters(std::string_view account, std::string_view cluster_id) {
    // The account's length first: names may hold any character, so no separator alone would keep
    // ("a\x1fb", "c") and ("a", "b\x1fc") apart.
    counter_key_.assign(std::to_string(account.size())).append(1, ':').append(account).append(cluster_id);
    auto found = counters_.find(counter_key_);
    if (found != counters_.end()) return found->second;
    Counters entry{std::string(account), std::string(cluster_id)};
    StatementUse use(statements_->read_counters);
    use->bind_text(1, account);
    use->bind_text(2, cluster_id);
    if (use->step()) {
        entry.last_task = use->column_int64(0);
        entry.last_application = use->column_int64(1);
        entry.stored = true;
    }
    return counters_.emplace(counter_key_, std::move(entry)).first->second;
}

std::string SnapshotTables::next_id(std::string_view account, std::string_view cluster_id, bool task) {
    Counters& entry = counters(account, cluster_id);
    counter_undo_.push_back({&entry, entry.last_task, entry.last_application, entry.dirty});
    if (!entry.dirty) dirty_counters_.push_back(&entry);
    entry.dirty = true;
    const std::int64_t value = task ? ++entry.last_task : ++entry.last_application;
    std::string id(cluster_id);
    id += '-';
    id += std::to_string(value);
    return id;
}

void SnapshotTables::write_back(Counters& entry) {
    StatementUse use(entry.stored ? statements_->update_counters : statements_->write_counters);
    use->bind_text(1, entry.account);
    use->bind_text(2, entry.cluster_id);
    use->bind_int64(3, entry.last_task);
    use->bind_int64(4, entry.last_application);
    use->run();
    entry.stored = true;
    entry.dirty = false;
}

void SnapshotTables::flush_counters() {
    for (Counters* entry : dirty_counters_)
        if (entry->dirty) write_back(*entry);
    dirty_counters_.clear();
    counter_undo_.clear();
}

void SnapshotTables::forget_counters() {
    counters_.clear();
    dirty_counters_.clear();
    counter_undo_.clear();
}

void SnapshotTables::mark_counters() { counter_undo_.clear(); }

void SnapshotTables::rollback_counters() {
    for (auto undo = counter_undo_.rbegin(); undo != counter_undo_.rend(); ++undo) {
        undo->entry->last_task = undo->last_task;
        undo->entry->last_application = undo->last_application;
        undo->entry->dirty = undo->dirty;
    }
    counter_undo_.clear();
}

void SnapshotTables::insert_import(const ImportRecord& record) {
    StatementUse use(statements_->insert_import);
    bind_key(*use, record.source);
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

void SnapshotTables::insert_resource(const ResourceRecord& record) {
    StatementUse use(statements_->insert_resource);
    use->bind_text(1, record.account);
    use->bind_text(2, record.cluster_id);
    use->bind_text(3, record.table_group_id);
    use->bind_text(4, record.table_name);
    use->run();
}

std::vector<std::string> SnapshotTables::accounts() {
    flush_counters();
    Statement statement(db_, accounts_sql);
    return read_all(statement, [](const Statement& row) { return row.column_text(0); });
}

std::vector<SnapshotRecord> SnapshotTables::snapshots_of(std::string_view account) {
    Statement statement(db_, snapshots_of_sql);
    statement.bind_text(1, account);
    return read_all(statement, read_snapshot);
}

std::vector<ImportRecord> SnapshotTables::imports_of(std::string_view account) {
    Statement statement(db_, imports_of_sql);
    statement.bind_text(1, account);
    return read_all(statement, read_import);
}

std::vector<CounterRecord> SnapshotTables::counters_of(std::string_view account) {
    flush_counters();
    Statement statement(db_, counters_of_sql);
    statement.bind_text(1, account);
    std::vector<CounterRecord> records;
    while (statement.step()) {
        const auto cluster = statement.column_text(1);
        if (const auto task = statement.column_int64(2)) records.push_back({statement.column_text(0), cluster, "task", task});
        if (const auto application = statement.column_int64(3))
            records.push_back({statement.column_text(0), cluster, "application", application});
    }
    return records;
}

std::vector<ResourceRecord> SnapshotTables::resources_of(std::string_view account) {
    Statement statement(db_, resources_of_sql);
    statement.bind_text(1, account);
    return read_all(statement, read_resource);
}

std::vector<ResourceRecord> SnapshotTables::all_resources() {
    Statement statement(db_, all_resources_sql);
    return read_all(statement, read_resource);
}

void SnapshotTables::set_counter(const CounterRecord& record) {
    flush_counters();
    Counters& entry = counters(record.account, record.cluster_id);
    (record.kind == "task" ? entry.last_task : entry.last_application) = record.last_value;
    write_back(entry);
}

void SnapshotTables::erase_account(std::string_view account) {
    flush_counters();
    forget_counters();
    for (const auto sql : erase_account_sql) {
        Statement statement(db_, sql);
        statement.bind_text(1, account);
        statement.run();
    }
}

void SnapshotTables::erase_everything() {
    forget_counters();
    db_.execute(erase_everything_sql);
}

}  // namespace tcaplus_mock::storage
