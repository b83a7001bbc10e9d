#pragma once
// Snapshots: one row per snapshot of every account, and the statements that read and write them,
// prepared once on one connection. SQL is only ever run with bound parameters.
//
// Not thread safe: a SnapshotRows belongs to the thread that owns its connection (the store gives
// each of its threads one). Writes need the store writer's open transaction; reads run in it when
// there is one, else each in an implicit read transaction of its own.
// Failure: StorageError from SQLite (disk full, I/O error, a broken invariant). Expected outcomes,
// such as a snapshot that does not exist, are values.

#include "storage/sqlite_database.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

// Names one snapshot; unique within the store. Compared byte by byte.
struct SnapshotKey {
    std::string account;
    std::string cluster_id;
    std::string table_group_id;
    std::string table_name;
    std::string snapshot_name;

    bool operator==(const SnapshotKey&) const = default;
};

// Times are UNIX seconds of the emulator's clock.
struct SnapshotRecord {
    SnapshotKey key;
    long long snapshot_time = 0;
    long long dead_time = 0;
    long long create_time = 0;
    std::string task_id;
    std::string application_id;
    // Set by a delete: the snapshot shows as deleting until `gone_time`, then it no longer exists.
    std::optional<long long> deleted_time;
    std::optional<long long> gone_time;
    // The end of the latest import that reads this snapshot; 0 when none ever did.
    long long in_use_until = 0;

    bool operator==(const SnapshotRecord&) const = default;
};

// One account's cluster, narrowed by each filter that is set (DescribeSnapshots).
struct SnapshotQuery {
    std::string account;
    std::string cluster_id;
    std::optional<std::string> table_group_id = std::nullopt;  // nullopt = any
    std::optional<std::string> table_name = std::nullopt;      // nullopt = any
    std::optional<std::string> snapshot_name = std::nullopt;   // nullopt = any
};

// A cluster, table group or table that snapshots name, and when the first of them was created.
struct NamedResource {
    std::string cluster_id;
    std::string table_group_id;  // "" for a cluster
    std::string table_name;      // "" for a cluster or a table group
    std::int64_t first_create_time = 0;
};

class SnapshotRows {
public:
    // Prepares every statement on `db`, which must be migrated to the latest schema and outlive this.
    explicit SnapshotRows(Database& db);
    ~SnapshotRows();
    SnapshotRows(const SnapshotRows&) = delete;
    SnapshotRows& operator=(const SnapshotRows&) = delete;

    // The row of `key`, whatever its lifecycle state (a deleted row is returned until erased).
    std::optional<SnapshotRecord> find(const SnapshotKey& key);
    // Rows matching `query`, deleted ones included, ordered by table group, table and snapshot name
    // (byte order).
    std::vector<SnapshotRecord> list(const SnapshotQuery& query);
    // Rows of one table whose gone_time has not been reached by `now` (those still count).
    std::size_t count_for_table(std::string_view account, std::string_view cluster_id,
                                std::string_view table_group_id, std::string_view table_name, long long now);
    // Every row of every account.
    std::size_t count_all();
    // Every row of one account, in key order.
    std::vector<SnapshotRecord> of_account(std::string_view account);

    // The clusters the account's snapshots name; the table groups, and the tables, those of one of its
    // clusters name. Each once, by id (group, then table name).
    std::vector<NamedResource> named_clusters(std::string_view account);
    std::vector<NamedResource> named_table_groups(std::string_view account, std::string_view cluster_id);
    std::vector<NamedResource> named_tables(std::string_view account, std::string_view cluster_id);

    // Throws StorageError (extended code SQLITE_CONSTRAINT_PRIMARYKEY) when the key is taken.
    void insert(const SnapshotRecord& record);
    // Each returns whether a row was changed.
    bool update_dead_time(const SnapshotKey& key, long long dead_time);
    bool mark_deleted(const SnapshotKey& key, long long deleted_time, long long gone_time);
    bool extend_in_use(const SnapshotKey& key, long long until);
    bool erase(const SnapshotKey& key);
    // Erases the rows of one cluster whose gone_time is at or before `now`; returns how many.
    std::size_t purge_gone(std::string_view account, std::string_view cluster_id, long long now);
    // Erases every snapshot of one table (the table was deleted for good); returns how many.
    std::size_t erase_table(std::string_view account, std::string_view cluster_id, std::string_view table_group_id,
                            std::string_view table_name);

private:
    struct Statements;
    Database& db_;
    std::unique_ptr<Statements> statements_;
};

}  // namespace tcaplus_mock::storage
