#include "storage/schema_migrations.hpp"

#include <array>
#include <string>

namespace tcaplus_mock::storage {

namespace {

// Counting snapshots per (cluster_id, table_group_id, table_name) needs no index of its own: the
// UNIQUE constraint's index starts with those three columns and covers the count.
constexpr std::string_view create_snapshots_and_counters = R"sql(
CREATE TABLE snapshots (
    id             INTEGER PRIMARY KEY,
    cluster_id     TEXT    NOT NULL,
    table_group_id TEXT    NOT NULL,
    table_name     TEXT    NOT NULL,
    snapshot_name  TEXT    NOT NULL,
    snapshot_time  INTEGER NOT NULL,
    dead_time      INTEGER NOT NULL,
    create_time    INTEGER NOT NULL,
    size           INTEGER NOT NULL,
    status         INTEGER NOT NULL,
    task_id        TEXT    NOT NULL,
    application_id TEXT    NOT NULL,
    UNIQUE (cluster_id, table_group_id, table_name, snapshot_name)
);
CREATE TABLE id_counters (
    cluster_id TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, kind)
) WITHOUT ROWID;
)sql";

// Every row gains its account; snapshots made before accounts existed belong to the shared
// account `default`. Status and size stop being stored: both follow from the times and the key.
// Snapshot rows are kept in key order (WITHOUT ROWID), so a lookup or a listing of one account's
// cluster reads only that cluster's part of the tree however many other snapshots are stored.
constexpr std::string_view add_accounts_lifecycle_and_imports = R"sql(
CREATE TABLE snapshots_v2 (
    account        TEXT    NOT NULL,
    cluster_id     TEXT    NOT NULL,
    table_group_id TEXT    NOT NULL,
    table_name     TEXT    NOT NULL,
    snapshot_name  TEXT    NOT NULL,
    snapshot_time  INTEGER NOT NULL,
    dead_time      INTEGER NOT NULL,
    create_time    INTEGER NOT NULL,
    task_id        TEXT    NOT NULL,
    application_id TEXT    NOT NULL,
    deleted_time   INTEGER,
    gone_time      INTEGER,
    in_use_until   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account, cluster_id, table_group_id, table_name, snapshot_name)
) WITHOUT ROWID;
INSERT INTO snapshots_v2 (account, cluster_id, table_group_id, table_name, snapshot_name, snapshot_time,
                          dead_time, create_time, task_id, application_id)
    SELECT 'default', cluster_id, table_group_id, table_name, snapshot_name, snapshot_time, dead_time,
           create_time, task_id, application_id FROM snapshots;
DROP TABLE snapshots;
ALTER TABLE snapshots_v2 RENAME TO snapshots;
CREATE TABLE id_counters_v2 (
    account    TEXT    NOT NULL,
    cluster_id TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (account, cluster_id, kind)
) WITHOUT ROWID;
INSERT INTO id_counters_v2 SELECT 'default', cluster_id, kind, last_value FROM id_counters;
DROP TABLE id_counters;
ALTER TABLE id_counters_v2 RENAME TO id_counters;
CREATE TABLE imports (
    account            TEXT    NOT NULL,
    cluster_id         TEXT    NOT NULL,
    task_id            TEXT    NOT NULL,
    application_id     TEXT    NOT NULL,
    table_group_id     TEXT    NOT NULL,
    table_name         TEXT    NOT NULL,
    snapshot_name      TEXT    NOT NULL,
    special_key        INTEGER NOT NULL,
    origin_table       INTEGER NOT NULL,
    key_file_name      TEXT    NOT NULL,
    new_table_group_id TEXT    NOT NULL,
    new_table_name     TEXT    NOT NULL,
    start_time         INTEGER NOT NULL,
    end_time           INTEGER NOT NULL,
    PRIMARY KEY (account, cluster_id, task_id)
) WITHOUT ROWID;
CREATE TABLE resources (
    account        TEXT NOT NULL,
    cluster_id     TEXT NOT NULL,
    table_group_id TEXT NOT NULL,
    table_name     TEXT NOT NULL,
    PRIMARY KEY (account, cluster_id, table_group_id, table_name)
) WITHOUT ROWID;
)sql";

// One row per cluster with both counters: a snapshot takes a number of each, so one write keeps
// both where two rows took two.
constexpr std::string_view merge_counters_per_cluster = R"sql(
CREATE TABLE cluster_counters (
    account          TEXT    NOT NULL,
    cluster_id       TEXT    NOT NULL,
    last_task        INTEGER NOT NULL DEFAULT 0,
    last_application INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account, cluster_id)
) WITHOUT ROWID;
INSERT INTO cluster_counters (account, cluster_id, last_task, last_application)
    SELECT account, cluster_id, max(CASE kind WHEN 'task' THEN last_value ELSE 0 END),
           max(CASE kind WHEN 'application' THEN last_value ELSE 0 END)
    FROM id_counters GROUP BY account, cluster_id;
DROP TABLE id_counters;
)sql";

// The resources of the TcaplusDB API: clusters, table groups, IDL files, tables, tasks, tags,
// applications (approval), backups and their expiry rules, and a third counter (IDL FileIds). The declared resources of earlier versions (strict mode's imports
// into new tables, seeds) become stored ones, seen from every region.
constexpr std::string_view add_resources_tasks_and_tags = R"sql(
ALTER TABLE cluster_counters ADD COLUMN last_file INTEGER NOT NULL DEFAULT 0;
CREATE TABLE clusters (
    account                  TEXT    NOT NULL,
    cluster_id               TEXT    NOT NULL,
    region                   TEXT    NOT NULL,
    name                     TEXT    NOT NULL,
    idl_type                 TEXT    NOT NULL,
    vpc_id                   TEXT    NOT NULL,
    subnet_id                TEXT    NOT NULL,
    password                 TEXT    NOT NULL,
    old_password             TEXT    NOT NULL,
    old_password_expire_time INTEGER NOT NULL,
    cluster_type             INTEGER NOT NULL,
    auth_type                INTEGER NOT NULL,
    ipv6_enable              INTEGER NOT NULL,
    server_list              TEXT    NOT NULL,
    proxy_list               TEXT    NOT NULL,
    created_time             INTEGER NOT NULL,
    ready_time               INTEGER NOT NULL,
    censorship               INTEGER NOT NULL,
    censor_uins              TEXT    NOT NULL,
    rest_proxy_on            INTEGER NOT NULL,
    rest_proxy_changed       INTEGER NOT NULL,
    kafka_info               TEXT    NOT NULL,
    PRIMARY KEY (account, cluster_id)
) WITHOUT ROWID;
CREATE TABLE table_groups (
    account        TEXT    NOT NULL,
    cluster_id     TEXT    NOT NULL,
    table_group_id TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    created_time   INTEGER NOT NULL,
    PRIMARY KEY (account, cluster_id, table_group_id)
) WITHOUT ROWID;
CREATE TABLE idl_files (
    account        TEXT    NOT NULL,
    cluster_id     TEXT    NOT NULL,
    file_id        INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    file_type      TEXT    NOT NULL,
    ext_type       TEXT    NOT NULL,
    size           INTEGER NOT NULL,
    content        TEXT    NOT NULL,
    table_group_id TEXT    NOT NULL,
    created_time   INTEGER NOT NULL,
    PRIMARY KEY (account, cluster_id, file_id)
) WITHOUT ROWID;
CREATE TABLE tables (
    account            TEXT    NOT NULL,
    cluster_id         TEXT    NOT NULL,
    table_group_id     TEXT    NOT NULL,
    table_name         TEXT    NOT NULL,
    instance_id        TEXT    NOT NULL,
    table_type         TEXT    NOT NULL,
    idl_type           TEXT    NOT NULL,
    file_id            INTEGER NOT NULL,
    list_element_num   INTEGER NOT NULL,
    sort_field_num     INTEGER NOT NULL,
    sort_rule          INTEGER NOT NULL,
    sharding_key_set   TEXT    NOT NULL,
    key_fields         TEXT    NOT NULL,
    value_fields       TEXT    NOT NULL,
    index_key_set      TEXT    NOT NULL,
    tdr_version        INTEGER NOT NULL,
    table_size         INTEGER NOT NULL,
    global_index       TEXT    NOT NULL,
    data_flow          TEXT    NOT NULL,
    reserved_volume    INTEGER NOT NULL,
    reserved_read_qps  INTEGER NOT NULL,
    reserved_write_qps INTEGER NOT NULL,
    memo               TEXT    NOT NULL,
    created_time       INTEGER NOT NULL,
    updated_time       INTEGER NOT NULL,
    recycled_time      INTEGER,
    PRIMARY KEY (account, cluster_id, table_group_id, table_name)
) WITHOUT ROWID;
CREATE INDEX tables_by_instance ON tables (instance_id);
CREATE TABLE tasks (
    account        TEXT    NOT NULL,
    cluster_id     TEXT    NOT NULL,
    number         INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    table_group_id TEXT    NOT NULL,
    table_name     TEXT    NOT NULL,
    instance_id    TEXT    NOT NULL,
    operator       TEXT    NOT NULL,
    content        TEXT    NOT NULL,
    start_time     INTEGER NOT NULL,
    end_time       INTEGER NOT NULL,
    PRIMARY KEY (account, cluster_id, number)
) WITHOUT ROWID;
CREATE TABLE tags (
    account   TEXT NOT NULL,
    kind      TEXT NOT NULL,
    resource  TEXT NOT NULL,
    tag_key   TEXT NOT NULL,
    tag_value TEXT NOT NULL,
    PRIMARY KEY (account, kind, resource, tag_key)
) WITHOUT ROWID;
CREATE TABLE applications (
    account        TEXT    NOT NULL,
    cluster_id     TEXT    NOT NULL,
    number         INTEGER NOT NULL,
    type           INTEGER NOT NULL,
    action         TEXT    NOT NULL,
    params         TEXT    NOT NULL,
    table_group_id TEXT    NOT NULL,
    table_name     TEXT    NOT NULL,
    instance_id    TEXT    NOT NULL,
    applicant      TEXT    NOT NULL,
    status         INTEGER NOT NULL,
    created_time   INTEGER NOT NULL,
    update_time    INTEGER NOT NULL,
    task_id        TEXT    NOT NULL,
    execute_user   TEXT    NOT NULL,
    PRIMARY KEY (account, cluster_id, number)
) WITHOUT ROWID;
CREATE TABLE backups (
    account        TEXT    NOT NULL,
    cluster_id     TEXT    NOT NULL,
    number         INTEGER NOT NULL,
    table_group_id TEXT    NOT NULL,
    table_name     TEXT    NOT NULL,
    file_tag       TEXT    NOT NULL,
    batch_time     INTEGER NOT NULL,
    ready_time     INTEGER NOT NULL,
    size           INTEGER NOT NULL,
    remark         TEXT    NOT NULL,
    PRIMARY KEY (account, cluster_id, number)
) WITHOUT ROWID;
CREATE TABLE backup_rules (
    account        TEXT    NOT NULL,
    cluster_id     TEXT    NOT NULL,
    table_group_id TEXT    NOT NULL,
    table_name     TEXT    NOT NULL,
    file_tag       INTEGER NOT NULL,
    expire_day     INTEGER NOT NULL,
    PRIMARY KEY (account, cluster_id, table_group_id, table_name, file_tag)
) WITHOUT ROWID;
INSERT INTO clusters
    SELECT DISTINCT account, cluster_id, '', cluster_id, 'MIX', '', '', '', '', 0, 1, 0, 0, '[]', '[]', 0, 0,
                    0, '[]', 0, 0, ''
    FROM resources;
INSERT INTO table_groups
    SELECT DISTINCT account, cluster_id, table_group_id, table_group_id, 0 FROM resources WHERE table_group_id <> '';
INSERT INTO tables
    SELECT account, cluster_id, table_group_id, table_name, 'tcaplus-' || lower(hex(randomblob(4))), 'GENERIC',
           'PROTO', 0, 0, 0, 0, '', '', '', '', 1, 0, '', '', 0, 0, 0, '', 0, 0, NULL
    FROM resources WHERE table_name <> '';
DROP TABLE resources;
)sql";

constexpr std::array migrations_of_this_build{
    Migration{1, "snapshots and per-cluster id counters", create_snapshots_and_counters},
    Migration{2, "accounts, snapshot lifecycle, imports and declared resources", add_accounts_lifecycle_and_imports},
    Migration{3, "both id counters of a cluster in one row", merge_counters_per_cluster},
    Migration{4, "clusters, table groups, IDL files, tables, tasks, tags, applications and backups", add_resources_tasks_and_tags},
};

void check_numbering(std::span<const Migration> migrations) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != static_cast<int>(i) + 1) {
            throw StorageError("schema migration at position " + std::to_string(i + 1) +
                               " claims version " + std::to_string(migrations[i].version));
        }
    }
}

void check_known(int current, int latest) {
    if (current > latest) {
        throw StorageError("database schema version " + std::to_string(current) +
                           " is newer than this build supports (" + std::to_string(latest) +
                           "); it was written by a newer tcaplus-mock");
    }
    if (current < 0) {
        throw StorageError("database schema version " + std::to_string(current) +
                           " is not one tcaplus-mock writes");
    }
}

// Runs the next pending migration, if any; false once the file is at `migrations`' latest.
// The version is read inside the transaction so two processes opening one file agree.
bool migrate_one_step(Database& db, std::span<const Migration> migrations) {
    Transaction transaction(db);
    const int latest = static_cast<int>(migrations.size());
    const int current = db.user_version();
    check_known(current, latest);
    if (current == latest) {
        transaction.commit();
        return false;
    }
    const Migration& next = migrations[static_cast<std::size_t>(current)];
    try {
        db.execute(next.sql);
    } catch (const StorageError& error) {
        throw StorageError("schema migration " + std::to_string(next.version) + " (" +
                               std::string(next.summary) + ") failed: " + error.what(),
                           error.sqlite_code());
    }
    db.set_user_version(next.version);
    transaction.commit();
    return true;
}

}  // namespace

std::span<const Migration> schema_migrations() {
    return migrations_of_this_build;
}

int latest_schema_version() {
    return static_cast<int>(migrations_of_this_build.size());
}

void migrate(Database& db) {
    migrate(db, schema_migrations());
}

void migrate(Database& db, std::span<const Migration> migrations) {
    check_numbering(migrations);
    while (migrate_one_step(db, migrations)) {
    }
}

}  // namespace tcaplus_mock::storage
