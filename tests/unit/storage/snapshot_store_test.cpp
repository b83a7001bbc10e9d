#include "storage/snapshot_store.hpp"

#include "storage/schema_migrations.hpp"
#include "tests/unit/storage/storage_test_util.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace tcaplus_mock::storage {
namespace {

using test_support::contains;
using test_support::TempDir;

constexpr int sqlite_constraint_unique = 2067;  // SQLITE_CONSTRAINT_UNIQUE
constexpr int sqlite_busy = 5;                  // SQLITE_BUSY

SnapshotRecord make_record(std::string cluster, std::string group, std::string table,
                           std::string name) {
    SnapshotRecord record;
    record.key = {std::move(cluster), std::move(group), std::move(table), std::move(name)};
    record.snapshot_time = 1'700'000'000;
    record.dead_time = 1'700'086'400;
    record.create_time = 1'700'000'100;
    record.size = 4096;
    record.status = 1;
    record.task_id = record.key.cluster_id + "-1";
    record.application_id = record.key.cluster_id + "-1";
    return record;
}

void insert_committed(SnapshotStore& store, const std::vector<SnapshotRecord>& records) {
    auto write = store.begin_write();
    for (const SnapshotRecord& record : records) {
        write.insert(record);
    }
    write.commit();
}

std::vector<std::string> names_of(const std::vector<SnapshotRecord>& records) {
    std::vector<std::string> names;
    for (const SnapshotRecord& record : records) {
        names.push_back(record.key.table_group_id + "/" + record.key.table_name + "/" +
                        record.key.snapshot_name);
    }
    return names;
}

class SnapshotStoreTest : public ::testing::Test {
protected:
    SnapshotStore store_{StoreOptions{":memory:"}};
};

TEST_F(SnapshotStoreTest, InsertedRecordReadsBackWithEveryField) {
    SnapshotRecord record = make_record("c1", "g1", "t1", "s1");
    record.snapshot_time = -5;
    record.size = std::numeric_limits<std::uint64_t>::max();
    record.status = (std::uint64_t{1} << 63) + 7;
    record.task_id = "c1-17";
    record.application_id = "c1-23";
    insert_committed(store_, {record});

    EXPECT_EQ(store_.find(record.key), record);
    EXPECT_EQ(store_.count(), 1u);
}

TEST_F(SnapshotStoreTest, FindOfAMissingSnapshotIsEmpty) {
    insert_committed(store_, {make_record("c1", "g1", "t1", "s1")});
    EXPECT_EQ(store_.find({"c1", "g1", "t1", "s2"}), std::nullopt);
    EXPECT_EQ(store_.find({"c2", "g1", "t1", "s1"}), std::nullopt);
}

TEST_F(SnapshotStoreTest, UncommittedWriteIsRolledBackWhenDestroyed) {
    const SnapshotRecord record = make_record("c1", "g1", "t1", "s1");
    {
        auto write = store_.begin_write();
        EXPECT_EQ(write.next_task_id("c1"), "c1-1");
        write.insert(record);
        EXPECT_TRUE(write.exists(record.key));
        EXPECT_EQ(write.count_for_table("c1", "g1", "t1"), 1u);
    }
    EXPECT_EQ(store_.find(record.key), std::nullopt);
    EXPECT_EQ(store_.count(), 0u);
    auto write = store_.begin_write();
    EXPECT_EQ(write.next_task_id("c1"), "c1-1") << "the counter rolls back with its transaction";
}

TEST_F(SnapshotStoreTest, CommitMakesTheWriteVisible) {
    const SnapshotRecord record = make_record("c1", "g1", "t1", "s1");
    auto write = store_.begin_write();
    EXPECT_FALSE(write.exists(record.key));
    write.insert(record);
    write.commit();
    EXPECT_EQ(store_.find(record.key), record);  // the lock is free again after commit()
    auto next = store_.begin_write();
    EXPECT_TRUE(next.exists(record.key));
}

TEST_F(SnapshotStoreTest, DuplicateKeyIsRejectedAndTheTransactionStaysUsable) {
    const SnapshotRecord record = make_record("c1", "g1", "t1", "s1");
    insert_committed(store_, {record});

    auto write = store_.begin_write();
    try {
        write.insert(record);
        FAIL() << "a duplicate key must throw";
    } catch (const StorageError& error) {
        EXPECT_EQ(error.sqlite_code(), sqlite_constraint_unique);
        EXPECT_TRUE(contains(error.what(), "UNIQUE constraint failed"));
    }
    write.insert(make_record("c1", "g1", "t1", "s2"));
    EXPECT_THROW(write.insert(make_record("c1", "g1", "t1", "s2")), StorageError);
    write.commit();
    EXPECT_EQ(store_.count(), 2u);
}

TEST_F(SnapshotStoreTest, KeyIsUniqueOnlyInAllFourParts) {
    insert_committed(store_, {make_record("c", "g", "t", "s")});
    const SnapshotRecord neighbours[] = {
        make_record("c2", "g", "t", "s"),
        make_record("c", "g2", "t", "s"),
        make_record("c", "g", "t2", "s"),
        make_record("c", "g", "t", "s2"),
        make_record("C", "g", "t", "s"),  // compared byte by byte, so case matters
    };
    for (const SnapshotRecord& record : neighbours) {
        SCOPED_TRACE(names_of({record}).front());
        EXPECT_NO_THROW(insert_committed(store_, {record}));
    }
    EXPECT_EQ(store_.count(), 6u);
}

TEST_F(SnapshotStoreTest, CountForTableCountsOnlyThatTable) {
    insert_committed(store_, {make_record("c1", "g1", "t1", "a"), make_record("c1", "g1", "t1", "b"),
                              make_record("c1", "g1", "t2", "a"), make_record("c1", "g2", "t1", "a"),
                              make_record("c2", "g1", "t1", "a")});
    struct Case {
        const char* cluster;
        const char* group;
        const char* table;
        std::size_t expected;
    };
    const Case cases[] = {
        {"c1", "g1", "t1", 2}, {"c1", "g1", "t2", 1}, {"c1", "g2", "t1", 1},
        {"c2", "g1", "t1", 1}, {"c3", "g1", "t1", 0}, {"c1", "g1", "t3", 0},
    };
    auto write = store_.begin_write();
    for (const Case& test : cases) {
        SCOPED_TRACE(std::string(test.cluster) + "/" + test.group + "/" + test.table);
        EXPECT_EQ(write.count_for_table(test.cluster, test.group, test.table), test.expected);
    }
}

TEST_F(SnapshotStoreTest, ListFiltersAndOrders) {
    // Inserted out of order on purpose.
    insert_committed(store_, {make_record("c1", "g2", "t1", "b"), make_record("c1", "g1", "t2", "a"),
                              make_record("c1", "g1", "t1", "b"), make_record("c1", "g1", "t1", "a"),
                              make_record("c2", "g1", "t1", "a")});
    struct Case {
        std::string label;
        std::optional<std::string_view> group, table, name;
        std::vector<std::string> expected;
    };
    const Case cases[] = {
        {"cluster only", {}, {}, {}, {"g1/t1/a", "g1/t1/b", "g1/t2/a", "g2/t1/b"}},
        {"group", "g1", {}, {}, {"g1/t1/a", "g1/t1/b", "g1/t2/a"}},
        {"table across groups", {}, "t1", {}, {"g1/t1/a", "g1/t1/b", "g2/t1/b"}},
        {"name across tables", {}, {}, "a", {"g1/t1/a", "g1/t2/a"}},
        {"every filter", "g1", "t1", "b", {"g1/t1/b"}},
        {"no match", "g9", {}, {}, {}},
        {"empty string is a filter", "", {}, {}, {}},
    };
    for (const Case& test : cases) {
        SCOPED_TRACE(test.label);
        EXPECT_EQ(names_of(store_.list("c1", test.group, test.table, test.name)), test.expected);
    }
    EXPECT_EQ(names_of(store_.list("c2")), std::vector<std::string>{"g1/t1/a"});
    EXPECT_TRUE(store_.list("c3").empty());
}

TEST_F(SnapshotStoreTest, IdCountersRisePerClusterAndKindIndependently) {
    {
        auto write = store_.begin_write();
        EXPECT_EQ(write.next_task_id("a"), "a-1");
        EXPECT_EQ(write.next_task_id("a"), "a-2");
        EXPECT_EQ(write.next_task_id("b"), "b-1");
        EXPECT_EQ(write.next_application_id("a"), "a-1");
        write.commit();
    }
    auto write = store_.begin_write();
    EXPECT_EQ(write.next_task_id("a"), "a-3");
    EXPECT_EQ(write.next_application_id("a"), "a-2");
    EXPECT_EQ(write.next_application_id("b"), "b-1");
    EXPECT_EQ(write.next_task_id("b"), "b-2");
}

TEST_F(SnapshotStoreTest, CommittedOrMovedFromTransactionRefusesUse) {
    auto write = store_.begin_write();
    auto moved = std::move(write);
    EXPECT_THROW(write.next_task_id("c"), StorageError);  // NOLINT(bugprone-use-after-move)
    moved.insert(make_record("c", "g", "t", "s"));
    moved.commit();
    EXPECT_THROW(moved.insert(make_record("c", "g", "t", "s2")), StorageError);
    EXPECT_THROW(moved.commit(), StorageError);
    EXPECT_EQ(store_.count(), 1u);
}

TEST_F(SnapshotStoreTest, ThreadHoldingAWriteRefusesReentryInsteadOfDeadlocking) {
    auto write = store_.begin_write();
    EXPECT_THROW(store_.count(), StorageError);
    EXPECT_THROW(store_.find({"c", "g", "t", "s"}), StorageError);
    EXPECT_THROW(store_.begin_write(), StorageError);
    write.commit();
    EXPECT_NO_THROW(store_.count());
}

TEST_F(SnapshotStoreTest, ConcurrentWritersAndReadersStayConsistent) {
    constexpr int writers = 4;
    constexpr int writes_each = 25;
    std::atomic<bool> writing{true};
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([this, w] {
            for (int i = 0; i < writes_each; ++i) {
                auto write = store_.begin_write();
                SnapshotRecord record = make_record("c", "g", "t", std::to_string(w * 1000 + i));
                record.task_id = write.next_task_id("c");
                write.insert(record);
                write.commit();
            }
        });
    }
    std::thread reader([this, &writing] {
        while (writing.load()) {
            const std::size_t before = store_.count();
            EXPECT_GE(store_.list("c").size(), before);
        }
    });
    for (std::thread& thread : threads) {
        thread.join();
    }
    writing.store(false);
    reader.join();

    const auto records = store_.list("c");
    ASSERT_EQ(records.size(), static_cast<std::size_t>(writers * writes_each));
    std::set<std::string> task_ids;
    for (const SnapshotRecord& record : records) {
        task_ids.insert(record.task_id);
    }
    EXPECT_EQ(task_ids.size(), records.size()) << "task ids must never repeat";
    for (int n = 1; n <= writers * writes_each; ++n) {
        EXPECT_EQ(task_ids.count("c-" + std::to_string(n)), 1u) << n;
    }
}

TEST_F(SnapshotStoreTest, MemoryStoreSettings) {
    const StoreSettings settings = store_.settings();
    EXPECT_EQ(settings.journal_mode, "memory");
    EXPECT_EQ(settings.synchronous, "normal");
    EXPECT_TRUE(settings.foreign_keys);
    EXPECT_EQ(settings.busy_timeout, std::chrono::milliseconds(5000));
    EXPECT_EQ(settings.schema_version, latest_schema_version());
}

TEST_F(SnapshotStoreTest, EachMemoryStoreIsPrivate) {
    insert_committed(store_, {make_record("c", "g", "t", "s")});
    SnapshotStore other(StoreOptions{":memory:"});
    EXPECT_EQ(other.count(), 0u);
}

// ---- stores on a real file ----

class FileSnapshotStoreTest : public ::testing::Test {
protected:
    StoreOptions options(std::string name = "snapshots.db") const {
        return StoreOptions{dir_.file(name)};
    }

    TempDir dir_;
};

TEST_F(FileSnapshotStoreTest, DataAndCountersSurviveCloseAndReopen) {
    const SnapshotRecord record = make_record("c1", "g1", "t1", "s1");
    {
        SnapshotStore store(options());
        auto write = store.begin_write();
        EXPECT_EQ(write.next_task_id("c1"), "c1-1");
        EXPECT_EQ(write.next_application_id("c1"), "c1-1");
        write.insert(record);
        write.commit();
    }
    SnapshotStore reopened(options());
    EXPECT_EQ(reopened.find(record.key), record);
    EXPECT_EQ(reopened.count(), 1u);
    auto write = reopened.begin_write();
    EXPECT_EQ(write.next_task_id("c1"), "c1-2");
    EXPECT_EQ(write.next_application_id("c1"), "c1-2");
}

TEST_F(FileSnapshotStoreTest, NewFileIsMigratedToTheLatestVersion) {
    { SnapshotStore store(options()); }
    Database raw(options().path);
    EXPECT_EQ(raw.user_version(), latest_schema_version());
}

TEST_F(FileSnapshotStoreTest, FileUsesWriteAheadLogging) {
    SnapshotStore store(options());
    EXPECT_EQ(store.settings().journal_mode, "wal");
    insert_committed(store, {make_record("c", "g", "t", "s")});
    EXPECT_TRUE(std::filesystem::exists(options().path + "-wal"));
    Database raw(options().path);
    EXPECT_EQ(raw.pragma("journal_mode"), "wal") << "WAL is recorded in the file itself";
}

TEST_F(FileSnapshotStoreTest, SynchronousAndBusyTimeoutFollowTheOptions) {
    struct Case {
        bool synchronous_full;
        std::chrono::milliseconds busy_timeout;
        std::string expected_synchronous;
    };
    const Case cases[] = {
        {false, std::chrono::milliseconds(5000), "normal"},
        {true, std::chrono::milliseconds(250), "full"},
    };
    for (const Case& test : cases) {
        SCOPED_TRACE(test.expected_synchronous);
        StoreOptions store_options = options();
        store_options.synchronous_full = test.synchronous_full;
        store_options.busy_timeout = test.busy_timeout;
        SnapshotStore store(store_options);
        const StoreSettings settings = store.settings();
        EXPECT_EQ(settings.synchronous, test.expected_synchronous);
        EXPECT_EQ(settings.busy_timeout, test.busy_timeout);
        EXPECT_TRUE(settings.foreign_keys);
    }
}

TEST_F(FileSnapshotStoreTest, UnopenablePathFailsNamingThePathAndReason) {
    std::ofstream(dir_.file("garbage.db")) << "this is not an SQLite database, not even close";
    struct Case {
        std::string path;
        std::string reason;
    };
    const Case cases[] = {
        {dir_.file("missing/snapshots.db"), "unable to open database file"},
        {dir_.path().string(), "unable to open database file"},
        {dir_.file("garbage.db"), "file is not a database"},
        {"", "the storage path is empty"},
    };
    for (const Case& test : cases) {
        SCOPED_TRACE(test.path);
        try {
            SnapshotStore store(StoreOptions{test.path});
            FAIL() << "opening must fail";
        } catch (const StorageError& error) {
            EXPECT_TRUE(contains(error.what(), "cannot open database `" + test.path + "`: "));
            EXPECT_TRUE(contains(error.what(), test.reason));
        }
    }
}

TEST_F(FileSnapshotStoreTest, ReadOnlyDirectoryOrFileFailsAtOpen) {
    if (geteuid() == 0) {
        GTEST_SKIP() << "root writes through file permissions";
    }
    const std::string locked_dir = dir_.file("locked");
    std::filesystem::create_directory(locked_dir);
    const std::string read_only_file = dir_.file("read-only.db");
    { SnapshotStore store(StoreOptions{read_only_file}); }
    ASSERT_EQ(chmod(locked_dir.c_str(), 0500), 0);
    ASSERT_EQ(chmod(read_only_file.c_str(), 0400), 0);
    for (const std::string& path : {locked_dir + "/snapshots.db", read_only_file}) {
        SCOPED_TRACE(path);
        try {
            SnapshotStore store(StoreOptions{path});
            FAIL() << "opening must fail";
        } catch (const StorageError& error) {
            EXPECT_TRUE(contains(error.what(), "cannot open database `" + path + "`: "));
        }
    }
    chmod(locked_dir.c_str(), 0700);
}

TEST_F(FileSnapshotStoreTest, NewerSchemaIsRejectedNamingThePath) {
    {
        Database raw(options().path);
        raw.set_user_version(latest_schema_version() + 1);
    }
    try {
        SnapshotStore store(options());
        FAIL() << "a schema from a newer build must be refused";
    } catch (const StorageError& error) {
        EXPECT_TRUE(contains(error.what(), "cannot open database `" + options().path + "`: "));
        EXPECT_TRUE(contains(error.what(), "is newer than this build supports"));
    }
}

TEST_F(FileSnapshotStoreTest, WriteWaitsForAnotherConnectionThenGivesUp) {
    StoreOptions store_options = options();
    store_options.busy_timeout = std::chrono::milliseconds(50);
    SnapshotStore store(store_options);
    Database other(store_options.path);
    {
        Transaction holding_the_lock(other);
        try {
            auto write = store.begin_write();
            FAIL() << "the write lock is taken";
        } catch (const StorageError& error) {
            EXPECT_EQ(error.sqlite_code() & 0xff, sqlite_busy);
        }
        EXPECT_EQ(store.count(), 0u) << "readers are not blocked by a writer under WAL";
    }
    EXPECT_NO_THROW(insert_committed(store, {make_record("c", "g", "t", "s")}));
}

}  // namespace
}  // namespace tcaplus_mock::storage
