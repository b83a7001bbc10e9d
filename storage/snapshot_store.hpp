#pragma once
// SnapshotStore: the snapshots the emulator has created, and the per-cluster counters TaskId and
// ApplicationId numbers come from, kept in one SQLite file. Knows nothing of HTTP or JSON.
//
// Thread safety: every public method may be called from any number of threads at once. The store
// has one connection guarded by a mutex; a WriteTransaction holds that mutex for its whole life,
// so other callers wait for it. Consequences for callers:
//   - keep a WriteTransaction short and never hold it across a co_await or hand it to another
//     thread (the mutex must be released by the thread that took it);
//   - while a thread holds a WriteTransaction, it must use that transaction, not the store's
//     other methods: calling them throws StorageError instead of deadlocking.
//
// Failure: a broken or unusable database throws StorageError (see storage_error.hpp). Expected
// outcomes (a snapshot that does not exist) are values, never exceptions.

#include "storage/sqlite_database.hpp"
#include "storage/storage_error.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

struct StoreOptions {
    std::string path;  // a file path, or ":memory:" for a database that dies with the store
    bool synchronous_full = false;  // PRAGMA synchronous FULL: a commit survives power loss too
    std::chrono::milliseconds busy_timeout{5000};  // wait for another process's write lock
};

// Names one snapshot; unique within the store. Compared and ordered byte by byte.
struct SnapshotKey {
    std::string cluster_id;
    std::string table_group_id;
    std::string table_name;
    std::string snapshot_name;

    bool operator==(const SnapshotKey&) const = default;
};

struct SnapshotRecord {
    SnapshotKey key;
    long long snapshot_time = 0;  // unix seconds
    long long dead_time = 0;      // unix seconds
    long long create_time = 0;    // unix seconds
    std::uint64_t size = 0;       // kept bit for bit: every value reads back as it was written
    std::uint64_t status = 0;
    std::string task_id;
    std::string application_id;

    bool operator==(const SnapshotRecord&) const = default;
};

// What the connection runs with, read back from SQLite: for the start-up log and for tests.
struct StoreSettings {
    std::string journal_mode;  // "wal" for a file, "memory" for ":memory:"
    std::string synchronous;   // "normal" or "full"
    bool foreign_keys = false;
    std::chrono::milliseconds busy_timeout{0};
    int schema_version = 0;
};

class SnapshotStore {
    struct State;

public:
    // Opens (creating if missing) the database at options.path, switches a file to WAL journaling,
    // applies the busy timeout, synchronous mode and foreign keys, and migrates the schema to the
    // latest version. The open writes to the file, so a path that cannot be written fails here.
    // Throws StorageError whose what() names the path and the reason, e.g.
    // "cannot open database `/nope/x.db`: unable to open database file".
    explicit SnapshotStore(const StoreOptions& options);
    ~SnapshotStore();

    // Neither copyable nor movable: share one store by reference or smart pointer.
    SnapshotStore(const SnapshotStore&) = delete;
    SnapshotStore& operator=(const SnapshotStore&) = delete;

    // One write: holds the store's mutex and one BEGIN IMMEDIATE transaction from creation to
    // commit() or destruction, so what it reads stays true until it commits. Must not outlive
    // the store. Move-only; a moved-from or committed transaction may only be destroyed (other
    // calls throw StorageError).
    class WriteTransaction {
    public:
        WriteTransaction(WriteTransaction&&) noexcept = default;
        WriteTransaction& operator=(WriteTransaction&&) = delete;
        ~WriteTransaction();  // rolls back unless committed; never throws

        bool exists(const SnapshotKey& key);
        std::size_t count_for_table(std::string_view cluster_id, std::string_view table_group_id,
                                    std::string_view table_name);

        // "<cluster_id>-<n>", n = 1, 2, 3... per cluster and per kind (task ids and application
        // ids count separately). The counters live in the file, so numbers keep rising across
        // restarts. A number handed out by a transaction that rolls back is handed out again:
        // publish ids only after commit().
        std::string next_task_id(std::string_view cluster_id);
        std::string next_application_id(std::string_view cluster_id);

        // Throws StorageError if a snapshot with the same key exists (extended code
        // SQLITE_CONSTRAINT_UNIQUE); the transaction stays usable.
        void insert(const SnapshotRecord& record);

        // Makes every change durable (per StoreOptions::synchronous_full) when it returns, then
        // releases the mutex. On failure the transaction stays open and is rolled back on
        // destruction.
        void commit();

    private:
        friend class SnapshotStore;
        explicit WriteTransaction(State& state);
        void require_open() const;
        std::string next_id(std::string_view cluster_id, std::string_view kind);

        State* state_;
        std::unique_lock<std::mutex> lock_;  // declared before transaction_: released after it
        Transaction transaction_;
    };

    // Waits for the mutex (and for another process's write lock, up to the busy timeout).
    WriteTransaction begin_write();

    std::optional<SnapshotRecord> find(const SnapshotKey& key) const;

    // Snapshots of `cluster_id`, narrowed by each filter that is set, ordered by cluster, table
    // group, table and snapshot name.
    std::vector<SnapshotRecord> list(std::string_view cluster_id,
                                     std::optional<std::string_view> table_group_id = {},
                                     std::optional<std::string_view> table_name = {},
                                     std::optional<std::string_view> snapshot_name = {}) const;

    // Every snapshot in the store.
    std::size_t count() const;

    StoreSettings settings() const;

private:
    std::unique_ptr<State> state_;
};

}  // namespace tcaplus_mock::storage
