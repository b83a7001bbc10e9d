#include "storage/sqlite_database.hpp"

#include "tests/support/assertions.hpp"
#include "tests/support/snapshot_records.hpp"
#include "tests/support/temp_files.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace tcaplus_mock::testing {
namespace {

using namespace storage;


constexpr int sqlite_constraint_unique = 2067;  // SQLITE_CONSTRAINT_UNIQUE
constexpr int sqlite_constraint_foreign_key = 787;  // SQLITE_CONSTRAINT_FOREIGNKEY

class DatabaseTest : public ::testing::Test {
protected:
    DatabaseTest() { db_.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE)"); }

    std::int64_t item_count() {
        Statement statement(db_, "SELECT count(*) FROM items");
        EXPECT_TRUE(statement.step());
        return statement.column_int64(0);
    }

    Database db_{":memory:"};
};

TEST_F(DatabaseTest, BindsAndReadsTextIntegerAndNull) {
    db_.execute("CREATE TABLE samples (t TEXT, i INTEGER, n TEXT)");
    Statement insert(db_, "INSERT INTO samples VALUES (?1, ?2, ?3)");
    const std::string text_with_nul("a\0b", 3);
    insert.bind_text(1, text_with_nul);
    insert.bind_int64(2, std::numeric_limits<std::int64_t>::min());
    insert.bind_null(3);
    insert.run();

    Statement select(db_, "SELECT t, i, n FROM samples");
    ASSERT_TRUE(select.step());
    EXPECT_EQ(select.column_text(0), text_with_nul);
    EXPECT_EQ(select.column_int64(1), std::numeric_limits<std::int64_t>::min());
    EXPECT_FALSE(select.column_is_null(0));
    EXPECT_TRUE(select.column_is_null(2));
    EXPECT_EQ(select.column_text(2), "");
    EXPECT_FALSE(select.step());
}

TEST_F(DatabaseTest, ResetAllowsReuseWithNewBindings) {
    Statement insert(db_, "INSERT INTO items (name) VALUES (?1)");
    for (const char* name : {"a", "b", "c"}) {
        insert.bind_text(1, name);
        insert.run();
        insert.reset();
    }
    EXPECT_EQ(item_count(), 3);

    Statement select(db_, "SELECT ?1");
    select.bind_text(1, "x");
    ASSERT_TRUE(select.step());
    select.reset();
    ASSERT_TRUE(select.step());
    EXPECT_TRUE(select.column_is_null(0)) << "reset() must clear bindings";
}

TEST_F(DatabaseTest, BindingAMissingParameterThrows) {
    Statement statement(db_, "SELECT ?1");
    EXPECT_THROW(statement.bind_int64(2, 1), StorageError);
}

TEST_F(DatabaseTest, PrepareErrorCarriesSqliteMessageAndSql) {
    try {
        Statement statement(db_, "SELEKT 1");
        FAIL() << "a syntax error must throw";
    } catch (const StorageError& error) {
        EXPECT_TRUE(contains(error.what(), "syntax error"));
        EXPECT_TRUE(contains(error.what(), "SELEKT 1"));
    }
    EXPECT_THROW(db_.execute("NOT SQL"), StorageError);
}

TEST_F(DatabaseTest, ConstraintViolationCarriesExtendedCode) {
    db_.execute("INSERT INTO items (name) VALUES ('a')");
    Statement insert(db_, "INSERT INTO items (name) VALUES ('a')");
    try {
        insert.run();
        FAIL() << "a duplicate must throw";
    } catch (const StorageError& error) {
        EXPECT_TRUE(contains(error.what(), "UNIQUE constraint failed: items.name"));
        EXPECT_EQ(error.sqlite_code(), sqlite_constraint_unique);
    }
}

TEST_F(DatabaseTest, UserVersionRoundTrips) {
    EXPECT_EQ(db_.user_version(), 0);
    db_.set_user_version(42);
    EXPECT_EQ(db_.user_version(), 42);
}

TEST_F(DatabaseTest, PragmaReadsAndSets) {
    EXPECT_EQ(db_.set_pragma("journal_mode", "MEMORY"), "memory");
    db_.set_pragma("synchronous", "FULL");
    EXPECT_EQ(db_.pragma("synchronous"), "2");
    db_.set_busy_timeout(std::chrono::milliseconds(1234));
    EXPECT_EQ(db_.pragma("busy_timeout"), "1234");
}

TEST_F(DatabaseTest, TransactionRollsBackWhenDestroyedUncommitted) {
    {
        Transaction transaction(db_);
        db_.execute("INSERT INTO items (name) VALUES ('a')");
        EXPECT_TRUE(db_.in_transaction());
        EXPECT_EQ(item_count(), 1);
    }
    EXPECT_FALSE(db_.in_transaction());
    EXPECT_EQ(item_count(), 0);
}

TEST_F(DatabaseTest, TransactionCommitKeepsChanges) {
    {
        Transaction transaction(db_);
        db_.execute("INSERT INTO items (name) VALUES ('a')");
        transaction.commit();
        EXPECT_TRUE(transaction.committed());
        EXPECT_FALSE(db_.in_transaction());
        EXPECT_THROW(transaction.commit(), StorageError);
    }
    EXPECT_EQ(item_count(), 1);
}

TEST_F(DatabaseTest, MovedTransactionIsRolledBackOnceByItsNewOwner) {
    {
        Transaction first(db_);
        db_.execute("INSERT INTO items (name) VALUES ('a')");
        Transaction second(std::move(first));
        EXPECT_TRUE(db_.in_transaction());
        EXPECT_THROW(first.commit(), StorageError);  // NOLINT(bugprone-use-after-move)
    }
    EXPECT_FALSE(db_.in_transaction());
    EXPECT_EQ(item_count(), 0);
}

TEST_F(DatabaseTest, FailedCommitLeavesTheRollbackToTheDestructor) {
    db_.set_pragma("foreign_keys", "ON");
    db_.execute(
        "CREATE TABLE parents (id INTEGER PRIMARY KEY);"
        "CREATE TABLE children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)");
    {
        Transaction transaction(db_);
        db_.execute("INSERT INTO items (name) VALUES ('a'); INSERT INTO children VALUES (7)");
        try {
            transaction.commit();
            FAIL() << "a deferred foreign key violation must fail the commit";
        } catch (const StorageError& error) {
            EXPECT_EQ(error.sqlite_code(), sqlite_constraint_foreign_key);
        }
        EXPECT_FALSE(transaction.committed());
        EXPECT_TRUE(db_.in_transaction());
    }
    EXPECT_FALSE(db_.in_transaction());
    EXPECT_EQ(item_count(), 0);
}

TEST_F(DatabaseTest, NestedTransactionThrows) {
    Transaction transaction(db_);
    EXPECT_THROW(Transaction nested(db_), StorageError);
    EXPECT_TRUE(db_.in_transaction());
}

TEST(DatabaseOpenTest, MovedDatabaseKeepsItsConnection) {
    Database first(":memory:");
    first.execute("CREATE TABLE t (x)");
    Database second(std::move(first));
    EXPECT_NO_THROW(second.execute("INSERT INTO t VALUES (1)"));
    EXPECT_EQ(second.path(), ":memory:");
}

TEST(DatabaseOpenTest, FailureNamesThePathAndTheReason) {
    const TempDir dir;
    const std::string cases[] = {
        dir.file("missing/x.db"),  // a directory that does not exist
        dir.path().string(),       // a directory, not a file
    };
    for (const std::string& path : cases) {
        SCOPED_TRACE(path);
        try {
            Database db(path);
            FAIL() << "opening must fail";
        } catch (const StorageError& error) {
            EXPECT_TRUE(contains(error.what(), "cannot open database `" + path + "`: "));
            EXPECT_TRUE(contains(error.what(), "unable to open database file"));
        }
    }
}

TEST(DatabaseOpenTest, CreatesAMissingFile) {
    const TempDir dir;
    const std::string path = dir.file("new.db");
    {
        Database db(path);
        db.execute("CREATE TABLE t (x)");
    }
    EXPECT_TRUE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace tcaplus_mock::testing
