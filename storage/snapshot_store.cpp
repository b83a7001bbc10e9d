#include "storage/snapshot_store.hpp"

#include "storage/schema_migrations.hpp"

#include <array>
#include <atomic>
#include <thread>

namespace tcaplus_mock::storage {

namespace {

constexpr std::string_view memory_path = ":memory:";

// The columns read_record expects, in its order.
#define TCAPLUS_MOCK_RECORD_COLUMNS                                                       \
    "cluster_id, table_group_id, table_name, snapshot_name, snapshot_time, dead_time, " \
    "create_time, size, status, task_id, application_id"

constexpr std::string_view exists_sql =
    "SELECT 1 FROM snapshots"
    " WHERE cluster_id = ?1 AND table_group_id = ?2 AND table_name = ?3 AND snapshot_name = ?4";
constexpr std::string_view count_for_table_sql =
    "SELECT count(*) FROM snapshots"
    " WHERE cluster_id = ?1 AND table_group_id = ?2 AND table_name = ?3";
constexpr std::string_view next_id_sql =
    "INSERT INTO id_counters (cluster_id, kind, last_value) VALUES (?1, ?2, 1)"
    " ON CONFLICT (cluster_id, kind) DO UPDATE SET last_value = last_value + 1"
    " RETURNING last_value";
constexpr std::string_view insert_sql =
    "INSERT INTO snapshots (" TCAPLUS_MOCK_RECORD_COLUMNS ")"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
constexpr std::string_view find_sql =
    "SELECT " TCAPLUS_MOCK_RECORD_COLUMNS " FROM snapshots"
    " WHERE cluster_id = ?1 AND table_group_id = ?2 AND table_name = ?3 AND snapshot_name = ?4";
constexpr std::string_view list_sql =
    "SELECT " TCAPLUS_MOCK_RECORD_COLUMNS " FROM snapshots"
    " WHERE cluster_id = ?1 AND (?2 IS NULL OR table_group_id = ?2)"
    " AND (?3 IS NULL OR table_name = ?3) AND (?4 IS NULL OR snapshot_name = ?4)"
    " ORDER BY cluster_id, table_group_id, table_name, snapshot_name";
constexpr std::string_view count_sql = "SELECT count(*) FROM snapshots";

#undef TCAPLUS_MOCK_RECORD_COLUMNS

// Every statement the store runs, prepared once when it opens.
struct Statements {
    explicit Statements(Database& db)
        : exists(db, exists_sql),
          count_for_table(db, count_for_table_sql),
          next_id(db, next_id_sql),
          insert(db, insert_sql),
          find(db, find_sql),
          list(db, list_sql),
          count(db, count_sql) {}

    Statement exists;
    Statement count_for_table;
    Statement next_id;
    Statement insert;
    Statement find;
    Statement list;
    Statement count;
};

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
    statement.bind_text(1, key.cluster_id);
    statement.bind_text(2, key.table_group_id);
    statement.bind_text(3, key.table_name);
    statement.bind_text(4, key.snapshot_name);
}

void bind_optional(Statement& statement, int index, std::optional<std::string_view> value) {
    if (value) {
        statement.bind_text(index, *value);
    } else {
        statement.bind_null(index);
    }
}

SnapshotRecord read_record(const Statement& row) {
    SnapshotRecord record;
    record.key = {row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3)};
    record.snapshot_time = row.column_int64(4);
    record.dead_time = row.column_int64(5);
    record.create_time = row.column_int64(6);
    record.size = static_cast<std::uint64_t>(row.column_int64(7));
    record.status = static_cast<std::uint64_t>(row.column_int64(8));
    record.task_id = row.column_text(9);
    record.application_id = row.column_text(10);
    return record;
}

std::size_t read_count(StatementUse& use) {
    use->step();
    return static_cast<std::size_t>(use->column_int64(0));
}

void configure(Database& db, const StoreOptions& options) {
    db.set_busy_timeout(options.busy_timeout);
    if (options.path != memory_path) {
        const std::string mode = db.set_pragma("journal_mode", "WAL");
        if (mode != "wal") {
            throw StorageError("cannot switch to WAL journaling (SQLite kept `" + mode + "`)");
        }
    }
    db.set_pragma("synchronous", options.synchronous_full ? "FULL" : "NORMAL");
    db.set_pragma("foreign_keys", "ON");
}

Database open_database(const StoreOptions& options) {
    if (options.path.empty()) {
        throw StorageError("cannot open database ``: the storage path is empty");
    }
    Database db(options.path);
    try {
        configure(db, options);
        migrate(db);
    } catch (const StorageError& error) {
        throw StorageError("cannot open database `" + options.path + "`: " + error.what(),
                           error.sqlite_code());
    }
    return db;
}

std::string synchronous_name(std::string_view level) {
    constexpr std::array names{"off", "normal", "full", "extra"};
    const int index = level.empty() ? -1 : level.front() - '0';
    return level.size() == 1 && index >= 0 && index < 4 ? names[static_cast<std::size_t>(index)]
                                                        : std::string(level);
}

}  // namespace

// ---- State ----

struct SnapshotStore::State {
    explicit State(const StoreOptions& options) : db(open_database(options)), statements(db) {}

    // Locks the connection for the calling thread; refuses a thread that already holds it
    // through a WriteTransaction, which would otherwise deadlock.
    std::unique_lock<std::mutex> lock() {
        if (writer.load() == std::this_thread::get_id()) {
            throw StorageError(
                "the snapshot store was called by a thread holding its WriteTransaction; "
                "use the transaction instead");
        }
        return std::unique_lock(mutex);
    }

    Database db;  // declared before statements: they are finalized first
    Statements statements;
    std::mutex mutex;
    std::atomic<std::thread::id> writer{};  // the thread holding a WriteTransaction, if any
};

// ---- SnapshotStore ----

SnapshotStore::SnapshotStore(const StoreOptions& options)
    : state_(std::make_unique<State>(options)) {}

SnapshotStore::~SnapshotStore() = default;

SnapshotStore::WriteTransaction SnapshotStore::begin_write() {
    return WriteTransaction(*state_);
}

std::optional<SnapshotRecord> SnapshotStore::find(const SnapshotKey& key) const {
    const auto lock = state_->lock();
    StatementUse use(state_->statements.find);
    bind_key(*use, key);
    if (!use->step()) {
        return std::nullopt;
    }
    return read_record(*use);
}

std::vector<SnapshotRecord> SnapshotStore::list(std::string_view cluster_id,
                                                std::optional<std::string_view> table_group_id,
                                                std::optional<std::string_view> table_name,
                                                std::optional<std::string_view> snapshot_name) const {
    const auto lock = state_->lock();
    StatementUse use(state_->statements.list);
    use->bind_text(1, cluster_id);
    bind_optional(*use, 2, table_group_id);
    bind_optional(*use, 3, table_name);
    bind_optional(*use, 4, snapshot_name);
    std::vector<SnapshotRecord> records;
    while (use->step()) {
        records.push_back(read_record(*use));
    }
    return records;
}

std::size_t SnapshotStore::count() const {
    const auto lock = state_->lock();
    StatementUse use(state_->statements.count);
    return read_count(use);
}

StoreSettings SnapshotStore::settings() const {
    const auto lock = state_->lock();
    Database& db = state_->db;
    StoreSettings settings;
    settings.journal_mode = db.pragma("journal_mode");
    settings.synchronous = synchronous_name(db.pragma("synchronous"));
    settings.foreign_keys = db.pragma("foreign_keys") == "1";
    settings.busy_timeout = std::chrono::milliseconds(std::stoll(db.pragma("busy_timeout")));
    settings.schema_version = db.user_version();
    return settings;
}

// ---- WriteTransaction ----

SnapshotStore::WriteTransaction::WriteTransaction(State& state)
    : state_(&state), lock_(state.lock()), transaction_(state.db) {
    state.writer.store(std::this_thread::get_id());
}

SnapshotStore::WriteTransaction::~WriteTransaction() {
    if (lock_.owns_lock()) {
        state_->writer.store(std::thread::id());
    }
}

bool SnapshotStore::WriteTransaction::exists(const SnapshotKey& key) {
    require_open();
    StatementUse use(state_->statements.exists);
    bind_key(*use, key);
    return use->step();
}

std::size_t SnapshotStore::WriteTransaction::count_for_table(std::string_view cluster_id,
                                                            std::string_view table_group_id,
                                                            std::string_view table_name) {
    require_open();
    StatementUse use(state_->statements.count_for_table);
    use->bind_text(1, cluster_id);
    use->bind_text(2, table_group_id);
    use->bind_text(3, table_name);
    return read_count(use);
}

std::string SnapshotStore::WriteTransaction::next_task_id(std::string_view cluster_id) {
    return next_id(cluster_id, "task");
}

std::string SnapshotStore::WriteTransaction::next_application_id(std::string_view cluster_id) {
    return next_id(cluster_id, "application");
}

void SnapshotStore::WriteTransaction::insert(const SnapshotRecord& record) {
    require_open();
    StatementUse use(state_->statements.insert);
    bind_key(*use, record.key);
    use->bind_int64(5, record.snapshot_time);
    use->bind_int64(6, record.dead_time);
    use->bind_int64(7, record.create_time);
    use->bind_int64(8, static_cast<std::int64_t>(record.size));
    use->bind_int64(9, static_cast<std::int64_t>(record.status));
    use->bind_text(10, record.task_id);
    use->bind_text(11, record.application_id);
    use->run();
}

void SnapshotStore::WriteTransaction::commit() {
    require_open();
    transaction_.commit();
    state_->writer.store(std::thread::id());
    lock_.unlock();
}

void SnapshotStore::WriteTransaction::require_open() const {
    if (!lock_.owns_lock()) {
        throw StorageError("write transaction used after commit() or after being moved from");
    }
}

std::string SnapshotStore::WriteTransaction::next_id(std::string_view cluster_id,
                                                     std::string_view kind) {
    require_open();
    StatementUse use(state_->statements.next_id);
    use->bind_text(1, cluster_id);
    use->bind_text(2, kind);
    use->step();
    const std::int64_t value = use->column_int64(0);
    use->run();  // finishes the statement so its write is complete before the reset
    return std::string(cluster_id) + "-" + std::to_string(value);
}

}  // namespace tcaplus_mock::storage
