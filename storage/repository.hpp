#pragma once
// Repository: everything one connection reads and writes, one member per kind of record, each with
// its statements prepared once. A store job (store.hpp) gets the Repository of the connection it
// runs on. Adding a kind of record = its own <kind>_rows.{hpp,cpp}, a member here, its table in a new
// schema migration, and its table in account_tables (repository.cpp).
//
// Not thread safe: one Repository belongs to the one thread that uses its connection.
// Failure: StorageError, as every kind's operations.

#include "storage/application_rows.hpp"
#include "storage/backup_rows.hpp"
#include "storage/cluster_rows.hpp"
#include "storage/counter_rows.hpp"
#include "storage/idl_file_rows.hpp"
#include "storage/import_rows.hpp"
#include "storage/snapshot_rows.hpp"
#include "storage/sqlite_database.hpp"
#include "storage/table_group_rows.hpp"
#include "storage/table_rows.hpp"
#include "storage/tag_rows.hpp"
#include "storage/task_rows.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::storage {

class Repository {
public:
    // `db` must be migrated to the latest schema and outlive the repository.
    explicit Repository(Database& db);

    Database& database() noexcept { return db_; }
    SnapshotRows& snapshots() noexcept { return snapshots_; }
    ImportRows& imports() noexcept { return imports_; }
    CounterRows& counters() noexcept { return counters_; }
    ClusterRows& clusters() noexcept { return clusters_; }
    TableGroupRows& table_groups() noexcept { return table_groups_; }
    IdlFileRows& idl_files() noexcept { return idl_files_; }
    TableRows& tables() noexcept { return tables_; }
    TaskRows& tasks() noexcept { return tasks_; }
    TagRows& tags() noexcept { return tags_; }
    ApplicationRows& applications() noexcept { return applications_; }
    BackupRows& backups() noexcept { return backups_; }

    // Whole accounts (reset, state export and import).
    // Every account that owns a row of any kind, sorted.
    std::vector<std::string> accounts();
    // Erases every row of `account`, of every kind; erase_everything() those of every account.
    void erase_account(std::string_view account);
    void erase_everything();

private:
    Database& db_;
    SnapshotRows snapshots_;
    ImportRows imports_;
    CounterRows counters_;
    ClusterRows clusters_;
    TableGroupRows table_groups_;
    IdlFileRows idl_files_;
    TableRows tables_;
    TaskRows tasks_;
    TagRows tags_;
    ApplicationRows applications_;
    BackupRows backups_;
};

}  // namespace tcaplus_mock::storage
