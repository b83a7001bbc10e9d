#pragma once
// SnapshotTables: every statement the store runs, prepared once on one connection, and the
// operations built from them. SQL is only ever run with bound parameters.
//
// Not thread safe: one SnapshotTables belongs to the one thread that uses its connection. The
// write operations need an open transaction (the store's writer provides it); the reads run in
// one if there is one, else each in its own implicit read transaction.
//
// Failure: StorageError from SQLite (disk full, I/O error, a broken invariant). Expected
// outcomes, such as a snapshot that does not exist, are values.

#include "storage/snapshot_records.hpp"
#include "storage/sqlite_database.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tcaplus_mock::storage {

// What DescribeSnapshots asks for: one account's cluster, narrowed by each filter that is set.
struct SnapshotQuery {
    std::string account;
    std::string cluster_id;
    std::optional<std::string> table_group_id = std::nullopt;  // nullopt = any
    std::optional<std::string> table_name = std::nullopt;  // nullopt = any
    std::optional<std::string> snapshot_name = std::nullopt;  // nullopt = any
};

class SnapshotTables {
public:
    // Prepares every statement on `db`, which must be migrated to the latest schema and outlive
    // this object.
    explicit SnapshotTables(Database& db);
    ~SnapshotTables();
    SnapshotTables(const SnapshotTables&) = delete;
    SnapshotTables& operator=(const SnapshotTables&) = delete;

    Database& database() noexcept { return db_; }

    // --- snapshots ---
    // The row of `key`, whatever its lifecycle state (a deleted row is still returned until
    // erased); nullopt when there is none.
    std::optional<SnapshotRecord> find(const SnapshotKey& key);
    // Rows matching `query`, deleted ones included, ordered by table group, table and snapshot
    // name (byte order).
    std::vector<SnapshotRecord> list(const SnapshotQuery& query);
    // Rows of one table whose gone_time has not been reached by `now` (those still count).
    std::size_t count_for_table(std::string_view account, std::string_view cluster_id,
                                std::string_view table_group_id, std::string_view table_name, long long now);
    // Every row of every account.
    std::size_t count_all();

    // Throws StorageError (extended code SQLITE_CONSTRAINT_PRIMARYKEY) when the key is taken.
    void insert(const SnapshotRecord& record);
    // Each returns whether a row was changed.
    bool update_dead_time(const SnapshotKey& key, long long dead_time);
    bool mark_deleted(const SnapshotKey& key, long long deleted_time, long long gone_time);
    bool extend_in_use(const SnapshotKey& key, long long until);
    bool erase(const SnapshotKey& key);
    // Erases the rows of one cluster whose gone_time is at or before `now`; returns how many.
    std::size_t purge_gone(std::string_view account, std::string_view cluster_id, long long now);

    // --- counters: "<cluster_id>-<n>", n = 1, 2, 3... per account, cluster and kind ---
    // The numbers are counted in memory (read from the file on first use) and written back by
    // flush_counters(), which must run before the transaction commits; the store's writer does
    // that, and forgets the counts when a transaction fails or another connection wrote the file.
    std::string next_task_id(std::string_view account, std::string_view cluster_id);
    std::string next_application_id(std::string_view account, std::string_view cluster_id);
    void flush_counters();
    void forget_counters();
    // What the counters handed out since mark_counters() is taken back by rollback_counters()
    // (a job whose savepoint was rolled back).
    void mark_counters();
    void rollback_counters();

    // --- imports and resources ---
    void insert_import(const ImportRecord& record);
    // Adds the resource; a resource already declared is left as it is.
    void insert_resource(const ResourceRecord& record);

    // --- whole accounts (reset, state export and import) ---
    // Every account that owns a row of any kind, sorted.
    std::vector<std::string> accounts();
    std::vector<SnapshotRecord> snapshots_of(std::string_view account);
    std::vector<ImportRecord> imports_of(std::string_view account);
    std::vector<CounterRecord> counters_of(std::string_view account);
    std::vector<ResourceRecord> resources_of(std::string_view account);
    std::vector<ResourceRecord> all_resources();
    void set_counter(const CounterRecord& record);
    // Erases every row of `account` (all tables); erase_everything() of every account.
    void erase_account(std::string_view account);
    void erase_everything();

private:
    struct Statements;
    // The two counters of one cluster, as the writer counts them.
    struct Counters {
        std::string account;
        std::string cluster_id;
        std::int64_t last_task = 0;
        std::int64_t last_application = 0;
        bool stored = false;  // a row exists in the file
        bool dirty = false;   // counted past what the file holds
    };
    struct CounterUndo {
        Counters* entry;  // map nodes stay put; the undo log is cleared whenever the map is
        std::int64_t last_task;
        std::int64_t last_application;
        bool dirty;
    };
    Counters& counters(std::string_view account, std::string_view cluster_id);
    std::string next_id(std::string_view account, std::string_view cluster_id, bool task);
    void write_back(Counters& entry);

    Database& db_;
    std::unique_ptr<Statements> statements_;
    std::unordered_map<std::string, Counters> counters_;  // by <length>:account cluster
    std::vector<Counters*> dirty_counters_;               // to write back
    std::vector<CounterUndo> counter_undo_;               // states before, since the mark
    std::string counter_key_;                            // reused, so a lookup allocates nothing
};

}  // namespace tcaplus_mock::storage
