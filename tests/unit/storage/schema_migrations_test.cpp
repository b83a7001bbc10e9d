#include "storage/schema_migrations.hpp"

#include "tests/unit/storage/storage_test_util.hpp"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <string>
#include <vector>

namespace tcaplus_mock::storage {
namespace {

using test_support::contains;

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
    EXPECT_TRUE(table_exists(db, "id_counters"));
    EXPECT_FALSE(db.in_transaction());
}

TEST(SchemaMigrationsTest, EmptyFileReachesTheLatestVersionAndKeepsIt) {
    const test_support::TempDir dir;
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
    const test_support::TempDir dir;
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

TEST(SchemaMigrationsTest, SnapshotKeyIsUniqueAndCountingPerTableUsesAnIndex) {
    Database db(":memory:");
    migrate(db);
    const std::string insert =
        "INSERT INTO snapshots (cluster_id, table_group_id, table_name, snapshot_name,"
        " snapshot_time, dead_time, create_time, size, status, task_id, application_id)"
        " VALUES ('c', 'g', 't', 's', 0, 0, 0, 0, 0, '', '')";
    db.execute(insert);
    EXPECT_THROW(db.execute(insert), StorageError);

    Statement plan(db,
                   "EXPLAIN QUERY PLAN SELECT count(*) FROM snapshots"
                   " WHERE cluster_id = ?1 AND table_group_id = ?2 AND table_name = ?3");
    ASSERT_TRUE(plan.step());
    const std::string detail = plan.column_text(3);
    EXPECT_TRUE(contains(detail, "USING COVERING INDEX"));
    EXPECT_TRUE(contains(detail, "cluster_id=? AND table_group_id=? AND table_name=?"));
}

}  // namespace
}  // namespace tcaplus_mock::storage
