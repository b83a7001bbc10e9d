#include "storage/schema_migrations.hpp"

#include "storage/repository.hpp"

#include "tests/support/assertions.hpp"
#include "tests/support/snapshot_records.hpp"
#include "tests/support/temp_files.hpp"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <regex>
#include <string>
#include <vector>

namespace tcaplus_mock::testing {
namespace {

using namespace storage;


constexpr int sqlite_busy = 5;  // SQLITE_BUSY

bool table_exists(Database& db, std::string_view name) {
    Statement statement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    statement.bind_text(1, name);
    return statement.step();
}

std::vector<std::int64_t> applied_versions(Database& db) {
    Statement statement(db, "SELECT version FROM applied ORDER BY rowid");
    std::vector<std::int64_t> versions;
    while (statement.step()) {
        versions.push_back(statement.column_int64(0));
    }
    return versions;
}

// Three migrations that each record that they ran.
constexpr std::array recording_migrations{
    Migration{1, "one", "INSERT INTO applied VALUES (1)"},
    Migration{2, "two", "INSERT INTO applied VALUES (2)"},
    Migration{3, "three", "INSERT INTO applied VALUES (3)"},
};

TEST(SchemaMigrationsTest, ShippedListIsNumberedFromOne) {
    const auto migrations = schema_migrations();
    ASSERT_FALSE(migrations.empty());
    EXPECT_EQ(latest_schema_version(), static_cast<int>(migrations.size()));
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
        EXPECT_FALSE(migrations[i].summary.empty());
    }
}

TEST(SchemaMigrationsTest, EmptyDatabaseReachesTheLatestVersion) {
    Database db(":memory:");
    migrate(db);
    EXPECT_EQ(db.user_version(), latest_schema_version());
    EXPECT_TRUE(table_exists(db, "snapshots"));
    EXPECT_TRUE(table_exists(db, "cluster_counters"));
    EXPECT_FALSE(db.in_transaction());
}

TEST(SchemaMigrationsTest, EmptyFileReachesTheLatestVersionAndKeepsIt) {
    const TempDir dir;
    const std::string path = dir.file("fresh.db");
    {
        Database db(path);
        ASSERT_EQ(db.user_version(), 0);
        migrate(db);
    }
    Database reopened(path);
    EXPECT_EQ(reopened.user_version(), latest_schema_version());
    EXPECT_TRUE(table_exists(reopened, "snapshots"));
}

TEST(SchemaMigrationsTest, MigratingTwiceChangesNothing) {
    Database db(":memory:");
    migrate(db);
    EXPECT_NO_THROW(migrate(db));
    EXPECT_EQ(db.user_version(), latest_schema_version());
}

TEST(SchemaMigrationsTest, RunsOnlyThePendingMigrationsInOrder) {
    struct Case {
        int start_version;
        std::vector<std::int64_t> expected_applied;
    };
    const Case cases[] = {
        {0, {1, 2, 3}},
        {1, {2, 3}},
        {2, {3}},
        {3, {}},
    };
    for (const Case& test : cases) {
        SCOPED_TRACE("from version " + std::to_string(test.start_version));
        Database db(":memory:");
        db.execute("CREATE TABLE applied (version INTEGER)");
        db.set_user_version(test.start_version);
        migrate(db, recording_migrations);
        EXPECT_EQ(db.user_version(), 3);
        EXPECT_EQ(applied_versions(db), test.expected_applied);
    }
}

TEST(SchemaMigrationsTest, FailedMigrationLeavesTheLastCompleteVersion) {
    const Migration migrations[] = {
        {1, "good", "CREATE TABLE first (x)"},
        {2, "half broken", "CREATE TABLE second (x); NOT SQL AT ALL"},
    };
    Database db(":memory:");
    try {
        migrate(db, migrations);
        FAIL() << "a broken migration must throw";
    } catch (const StorageError& error) {
        EXPECT_TRUE(contains(error.what(), "schema migration 2 (half broken) failed"));
        EXPECT_TRUE(contains(error.what(), "syntax error"));
    }
    EXPECT_EQ(db.user_version(), 1);
    EXPECT_TRUE(table_exists(db, "first"));
    EXPECT_FALSE(table_exists(db, "second")) << "half a migration must not stay behind";
    EXPECT_FALSE(db.in_transaction());
}

TEST(SchemaMigrationsTest, RejectsVersionsThisBuildDoesNotKnow) {
    struct Case {
        int version;
        std::string expected;
    };
    const Case cases[] = {
        {latest_schema_version() + 1,
         "database schema version " + std::to_string(latest_schema_version() + 1) +
             " is newer than this build supports (" + std::to_string(latest_schema_version()) + ")"},
        {1000, "database schema version 1000 is newer"},
        {-1, "database schema version -1 is not one tcaplus-mock writes"},
    };
    for (const Case& test : cases) {
        SCOPED_TRACE(test.version);
        Database db(":memory:");
        db.set_user_version(test.version);
        try {
            migrate(db);
            FAIL() << "an unknown version must throw";
        } catch (const StorageError& error) {
            EXPECT_TRUE(contains(error.what(), test.expected));
        }
        EXPECT_EQ(db.user_version(), test.version);
        EXPECT_FALSE(table_exists(db, "snapshots"));
    }
}

TEST(SchemaMigrationsTest, RejectsAMisnumberedList) {
    const Migration migrations[] = {
        {1, "one", "CREATE TABLE a (x)"},
        {3, "three", "CREATE TABLE c (x)"},
    };
    Database db(":memory:");
    EXPECT_THROW(migrate(db, migrations), StorageError);
    EXPECT_EQ(db.user_version(), 0);
    EXPECT_FALSE(table_exists(db, "a"));
}

TEST(SchemaMigrationsTest, UpToDateFileStillNeedsTheWriteLock) {
    const TempDir dir;
    const std::string path = dir.file("locked.db");
    Database db(path);
    migrate(db);
    Database other(path);
    Transaction holding_the_lock(other);
    db.set_busy_timeout(std::chrono::milliseconds(0));
    try {
        migrate(db);
        FAIL() << "migrate must take the write lock even when there is nothing to do";
    } catch (const StorageError& error) {
        EXPECT_EQ(error.sqlite_code() & 0xff, sqlite_busy);
    }
}

// Lookups, listings and per-table counts of one account's cluster read only that part of the
// tree, so their cost does not grow with the snapshots of other accounts.
TEST(SchemaMigrationsTest, SnapshotQueriesSearchTheKeyInsteadOfScanning) {
    Database db(":memory:");
    migrate(db);
    const char* queries[] = {
        "SELECT * FROM snapshots WHERE account = ?1 AND cluster_id = ?2 AND table_group_id = ?3"
        " AND table_name = ?4 AND snapshot_name = ?5",
        "SELECT count(*) FROM snapshots WHERE account = ?1 AND cluster_id = ?2 AND table_group_id = ?3"
        " AND table_name = ?4",
        "SELECT * FROM snapshots WHERE account = ?1 AND cluster_id = ?2 ORDER BY account, cluster_id,"
        " table_group_id, table_name, snapshot_name",
    };
    for (const char* query : queries) {
        Statement plan(db, std::string("EXPLAIN QUERY PLAN ") + query);
        ASSERT_TRUE(plan.step());
        const std::string detail = plan.column_text(3);
        EXPECT_TRUE(contains(detail, "SEARCH snapshots USING PRIMARY KEY")) << query;
        EXPECT_FALSE(plan.step()) << "no temporary b-tree for sorting: " << query;
    }
}

// A database written by the first schema (before accounts) keeps every snapshot and counter.
TEST(SchemaMigrationsTest, AVersionOneDatabaseKeepsItsSnapshotsInTheSharedAccount) {
    Database db(":memory:");
    migrate(db, schema_migrations().first(1));
    db.execute(
        "INSERT INTO snapshots (cluster_id, table_group_id, table_name, snapshot_name, snapshot_time, dead_time,"
        " create_time, size, status, task_id, application_id) VALUES"
        " ('xx', '1', 'cl_generic', '666', 1600704000, 1600790400, 1764300000, 0, 0, 'xx-7', 'xx-7'),"
        " ('yy', '2', 't', 's', 1, 2, 3, 0, 0, 'yy-1', 'yy-1');"
        "INSERT INTO id_counters VALUES ('xx', 'task', 7), ('xx', 'application', 7), ('yy', 'task', 1);");
    migrate(db);
    EXPECT_EQ(db.user_version(), latest_schema_version());

    Statement rows(db,
                   "SELECT account, cluster_id, table_group_id, table_name, snapshot_name, snapshot_time, dead_time,"
                   " create_time, task_id, application_id, deleted_time IS NULL, in_use_until FROM snapshots"
                   " ORDER BY cluster_id");
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.column_text(0), "default");
    EXPECT_EQ(rows.column_text(1) + "/" + rows.column_text(2) + "/" + rows.column_text(3) + "/" + rows.column_text(4),
              "xx/1/cl_generic/666");
    EXPECT_EQ(rows.column_int64(5), 1600704000);
    EXPECT_EQ(rows.column_int64(6), 1600790400);
    EXPECT_EQ(rows.column_int64(7), 1764300000);
    EXPECT_EQ(rows.column_text(8), "xx-7");
    EXPECT_EQ(rows.column_text(9), "xx-7");
    EXPECT_EQ(rows.column_int64(10), 1);
    EXPECT_EQ(rows.column_int64(11), 0);
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.column_text(1), "yy");
    EXPECT_FALSE(rows.step());

    Statement counter(db, "SELECT last_task, last_application FROM cluster_counters WHERE account = 'default'"
                          " AND cluster_id = 'xx'");
    ASSERT_TRUE(counter.step());
    EXPECT_EQ(counter.column_int64(0), 7);
    EXPECT_EQ(counter.column_int64(1), 7);
}

// A database written by the last version before the resource actions (schema 3): its snapshots,
// imports and counters stay as they were; its declared resources (strict mode's imports into new
// tables, seeds) become stored clusters, table groups and tables, seen from every region; the counters
// go on where they stood, IDL FileIds from 1.
TEST(SchemaMigrationsTest, AVersionThreeDatabaseKeepsItsRowsAndStoresItsDeclaredResources) {
    Database db(":memory:");
    migrate(db, schema_migrations().first(3));
    db.execute(
        "INSERT INTO snapshots (account, cluster_id, table_group_id, table_name, snapshot_name, snapshot_time,"
        " dead_time, create_time, task_id, application_id) VALUES"
        " ('AKIDa', '5674209986', '1', 't', 's', 1600704000, 1600790400, 1764300000, '5674209986-3', '5674209986-2');"
        "INSERT INTO imports VALUES ('AKIDa', '5674209986', '5674209986-3', '5674209986-2', '1', 't', 's', 0, 0, '',"
        " '2', 'copy', 1764300000, 1764300060);"
        "INSERT INTO cluster_counters VALUES ('AKIDa', '5674209986', 3, 2);"
        "INSERT INTO resources VALUES ('AKIDa', '5674209986', '2', 'copy'), ('default', '42', '', '');");
    migrate(db);
    EXPECT_EQ(db.user_version(), latest_schema_version());

    Repository repository(db);
    const auto snapshots = repository.snapshots().of_account("AKIDa");
    ASSERT_EQ(snapshots.size(), 1u);
    EXPECT_EQ(snapshots[0].task_id, "5674209986-3");
    EXPECT_EQ(repository.imports().of_account("AKIDa").size(), 1u);

    const auto cluster = repository.clusters().find("AKIDa", "5674209986");
    ASSERT_TRUE(cluster.has_value());
    EXPECT_EQ(cluster->region, "");  // seen from every region
    EXPECT_EQ(cluster->idl_type, "MIX");
    ASSERT_TRUE(repository.table_groups().find("AKIDa", "5674209986", "2").has_value());
    const auto table = repository.tables().find("AKIDa", "5674209986", "2", "copy");
    ASSERT_TRUE(table.has_value());
    EXPECT_TRUE(std::regex_match(table->instance_id, std::regex("tcaplus-[0-9a-f]{8}"))) << table->instance_id;
    EXPECT_FALSE(table->recycled_time.has_value());
    ASSERT_TRUE(repository.clusters().find("default", "42").has_value());
    EXPECT_TRUE(repository.table_groups().of_cluster("default", "42").empty());

    EXPECT_EQ(repository.counters().reserve_task_numbers("AKIDa", "5674209986", 1), 4);
    EXPECT_EQ(repository.counters().reserve_file_numbers("AKIDa", "5674209986", 1), 1);
}

}  // namespace
}  // namespace tcaplus_mock::testing
