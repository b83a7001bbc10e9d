#include "storage/store.hpp"

#include "storage/schema_migrations.hpp"
#include "tests/support/assertions.hpp"
#include "tests/support/snapshot_records.hpp"
#include "tests/support/temp_files.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace tcaplus_mock::testing {
namespace {

using namespace storage;


constexpr int sqlite_busy = 5;  // SQLITE_BUSY

void insert_now(Store& store, const SnapshotRecord& record) {
    store.write_now([&record](Repository& repository) { repository.snapshots().insert(record); });
}

std::size_t count_now(Store& store) {
    std::size_t count = 0;
    store.read_now([&count](Repository& repository) { count = repository.snapshots().count_all(); });
    return count;
}

// Holds the writer thread inside a job until release(), so that the jobs queued meanwhile are
// run together in the next transaction.
class WriterGate {
public:
    explicit WriterGate(Store& store) {
        store.write([this](Repository&) { opened_.get_future().wait(); }, [](std::exception_ptr) {});
    }
    void release() { opened_.set_value(); }

private:
    std::promise<void> opened_;
};

struct Outcome {
    std::promise<std::exception_ptr> promise;
    std::future<std::exception_ptr> future = promise.get_future();
    JobDone done() {
        return [this](std::exception_ptr failure) { promise.set_value(failure); };
    }
};

class StoreTest : public ::testing::Test {
protected:
    Store store_{StoreOptions{":memory:"}};
};

TEST_F(StoreTest, WrittenRecordsAreReadBack) {
    const auto record = make_record("a", "c", "g", "t", "s");
    insert_now(store_, record);
    std::optional<SnapshotRecord> found;
    store_.read_now([&](Repository& repository) { found = repository.snapshots().find(record.key); });
    EXPECT_EQ(found, record);
}

TEST_F(StoreTest, AFailingJobIsRolledBackAloneWhileTheRestOfItsBatchCommits) {
    WriterGate gate(store_);
    Outcome first, failing, last;
    store_.write([](Repository& repository) { repository.snapshots().insert(make_record("a", "c", "g", "t", "first")); },
                 first.done());
    store_.write(
        [](Repository& repository) {
            repository.snapshots().insert(make_record("a", "c", "g", "t", "rolled-back"));
            throw std::runtime_error("the job changed its mind");
        },
        failing.done());
    store_.write([](Repository& repository) { repository.snapshots().insert(make_record("a", "c", "g", "t", "last")); },
                 last.done());
    gate.release();

    EXPECT_EQ(first.future.get(), nullptr);
    const auto failure = failing.future.get();
    ASSERT_NE(failure, nullptr);
    EXPECT_THROW(std::rethrow_exception(failure), std::runtime_error);
    EXPECT_EQ(last.future.get(), nullptr);
    std::vector<SnapshotRecord> rows;
    store_.read_now([&](Repository& repository) { rows = repository.snapshots().list({"a", "c"}); });
    EXPECT_EQ(names_of(rows), (std::vector<std::string>{"g/t/first", "g/t/last"}));
}

TEST_F(StoreTest, BlockingCallsRethrowTheJobsFailure) {
    EXPECT_THROW(store_.write_now([](Repository&) { throw StorageError("disk on fire"); }), StorageError);
    EXPECT_THROW(store_.read_now([](Repository&) { throw std::logic_error("no"); }), std::logic_error);
    const auto health = store_.health();
    EXPECT_TRUE(health.last_write_failed);
    EXPECT_EQ(health.failed_writes, 1u);
    EXPECT_EQ(health.last_failure, "disk on fire");
    insert_now(store_, make_record("a", "c", "g", "t", "s"));
    EXPECT_FALSE(store_.health().last_write_failed);
}

TEST_F(StoreTest, AFailedJobGivesBackTheIdsItTook) {
    WriterGate gate(store_);
    Outcome failing, next;
    std::string taken, given;
    store_.write(
        [&](Repository& repository) {
            taken = repository.counters().next_task_id("a", "c");
            throw std::runtime_error("changed its mind");
        },
        failing.done());
    store_.write([&](Repository& repository) { given = repository.counters().next_task_id("a", "c"); }, next.done());
    gate.release();
    ASSERT_NE(failing.future.get(), nullptr);
    ASSERT_EQ(next.future.get(), nullptr);
    EXPECT_EQ(taken, "c-1");
    EXPECT_EQ(given, "c-1") << "the failed job's number is handed out again";
    std::vector<CounterRecord> counters;
    store_.read_now([&](Repository& repository) { counters = repository.counters().of_account("a"); });
    EXPECT_EQ(counters, (std::vector<CounterRecord>{{"a", "c", "task", 1}})) << "committed with the batch";
}

TEST_F(StoreTest, ConcurrentWritersGetEveryTaskIdOnce) {
    constexpr int writers = 4;
    constexpr int writes_each = 50;
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([this, w] {
            for (int i = 0; i < writes_each; ++i) {
                store_.write_now([&](Repository& repository) {
                    auto record = make_record("a", "c", "g", "t", std::to_string(w * 1000 + i));
                    record.task_id = repository.counters().next_task_id("a", "c");
                    repository.snapshots().insert(record);
                });
            }
        });
    }
    for (auto& thread : threads) thread.join();
    std::vector<SnapshotRecord> rows;
    store_.read_now([&](Repository& repository) { rows = repository.snapshots().list({"a", "c"}); });
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(writers * writes_each));
    std::set<std::string> task_ids;
    for (const auto& row : rows) task_ids.insert(row.task_id);
    for (int n = 1; n <= writers * writes_each; ++n) EXPECT_EQ(task_ids.count("c-" + std::to_string(n)), 1u) << n;
}

TEST_F(StoreTest, ClosingRunsEveryQueuedJob) {
    std::atomic<int> finished{0};
    {
        Store store(StoreOptions{":memory:"});
        for (int i = 0; i < 100; ++i)
            store.write([i](Repository& repository) { repository.snapshots().insert(make_record("a", "c", "g", "t", std::to_string(i))); },
                        [&finished](std::exception_ptr failure) { finished += failure ? 1000 : 1; });
    }
    EXPECT_EQ(finished.load(), 100);
}

TEST_F(StoreTest, MemoryStoreSettings) {
    const StoreSettings settings = store_.settings();
    EXPECT_EQ(settings.journal_mode, "memory");
    EXPECT_EQ(settings.synchronous, "normal");
    EXPECT_TRUE(settings.foreign_keys);
    EXPECT_EQ(settings.busy_timeout, std::chrono::milliseconds(5000));
    EXPECT_EQ(settings.schema_version, latest_schema_version());
}

TEST_F(StoreTest, EachMemoryStoreIsPrivate) {
    insert_now(store_, make_record("a", "c", "g", "t", "s"));
    Store other(StoreOptions{":memory:"});
    EXPECT_EQ(count_now(other), 0u);
}

// ---- stores on a real file ----

class FileStoreTest : public ::testing::Test {
protected:
    StoreOptions options(std::string name = "snapshots.db") const { return StoreOptions{dir_.file(name)}; }

    // Opening must fail with one line that names the file and says `reason`.
    void expect_refused(const StoreOptions& store_options, const std::string& reason) {
        SCOPED_TRACE(store_options.path);
        try {
            Store store(store_options);
            ADD_FAILURE() << "opening must fail";
        } catch (const StorageError& error) {
            const std::string message = error.what();
            EXPECT_TRUE(contains(message, "cannot open database `" + store_options.path + "`: "));
            EXPECT_TRUE(contains(message, reason));
            EXPECT_EQ(message.find('\n'), std::string::npos) << message;
        }
    }

    TempDir dir_;
};

TEST_F(FileStoreTest, DataAndCountersSurviveCloseAndReopen) {
    const auto record = make_record("a", "c1", "g1", "t1", "s1");
    {
        Store store(options());
        store.write_now([&](Repository& repository) {
            EXPECT_EQ(repository.counters().next_task_id("a", "c1"), "c1-1");
            repository.snapshots().insert(record);
        });
    }
    Store reopened(options());
    reopened.write_now([&](Repository& repository) {
        EXPECT_EQ(repository.snapshots().find(record.key), record);
        EXPECT_EQ(repository.counters().next_task_id("a", "c1"), "c1-2");
    });
}

// Each completion holds a token and is slow to return: drain() waits for every one to have returned
// and been destroyed, on the writer and on the readers alike.
TEST_F(FileStoreTest, DrainWaitsForEveryCompletionToBeOver) {
    Store store(options());
    auto token = std::make_shared<int>(0);
    std::atomic<int> returned{0};
    const auto slow_done = [&returned, token](std::exception_ptr) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        ++returned;
    };
    for (int i = 0; i < 3; ++i) {
        store.write([](Repository&) {}, slow_done);
        store.read([](Repository&) {}, slow_done);
    }
    store.drain();
    EXPECT_EQ(returned.load(), 6);
    EXPECT_EQ(token.use_count(), 2) << "the completions are destroyed (the token is held here and by slow_done)";
    store.drain();  // with nothing in flight, at once
}

TEST_F(FileStoreTest, ACompletedWriteIsCommittedForEveryOtherConnection) {
    Store store(options());
    Database other(options().path);
    for (int i = 0; i < 20; ++i) {
        const auto record = make_record("a", "c", "g", "t", std::to_string(i));
        Outcome outcome;
        store.write([&](Repository& repository) { repository.snapshots().insert(record); },
                    [&](std::exception_ptr failure) {
                        // Still on the writer thread: the transaction must already be committed.
                        Repository repository(other);
                        EXPECT_TRUE(repository.snapshots().find(record.key).has_value());
                        outcome.promise.set_value(failure);
                    });
        EXPECT_EQ(outcome.future.get(), nullptr);
    }
}

// A number another connection committed is respected: ids are counted in the file.
TEST_F(FileStoreTest, CountersWrittenByAnotherConnectionAreSeen) {
    Store store(options());
    std::string id;
    store.write_now([&](Repository& repository) { id = repository.counters().next_task_id("a", "c"); });
    EXPECT_EQ(id, "c-1");
    {
        Database other(options().path);
        other.execute("UPDATE cluster_counters SET last_task = 100 WHERE account = 'a' AND cluster_id = 'c'");
    }
    store.write_now([&](Repository& repository) { id = repository.counters().next_task_id("a", "c"); });
    EXPECT_EQ(id, "c-101");
}

TEST_F(FileStoreTest, FileUsesWriteAheadLogging) {
    Store store(options());
    EXPECT_EQ(store.settings().journal_mode, "wal");
    insert_now(store, make_record("a", "c", "g", "t", "s"));
    EXPECT_TRUE(std::filesystem::exists(options().path + "-wal"));
    Database raw(options().path);
    EXPECT_EQ(raw.pragma("journal_mode"), "wal") << "WAL is recorded in the file itself";
}

TEST_F(FileStoreTest, CheckpointsKeepTheWriteAheadLogSmall) {
    Store store(options());
    EXPECT_EQ(store.settings().checkpoint_pages, 250);
    // A thousand commits write several thousand log frames: with SQLite's default of 1000 pages
    // the log file would pass 4 MB before its first checkpoint.
    for (int i = 0; i < 1000; ++i) insert_now(store, make_record("a", "c", "g", "t", "s" + std::to_string(i)));
    const auto wal_bytes = std::filesystem::file_size(options().path + "-wal");
    EXPECT_LT(wal_bytes, 2u * 1024u * 1024u) << "the log restarts after each checkpoint of about 250 pages";
}

TEST_F(FileStoreTest, SynchronousAndBusyTimeoutFollowTheOptions) {
    for (const bool full : {false, true}) {
        StoreOptions store_options = options();
        store_options.synchronous_full = full;
        store_options.busy_timeout = std::chrono::milliseconds(full ? 250 : 5000);
        Store store(store_options);
        const StoreSettings settings = store.settings();
        EXPECT_EQ(settings.synchronous, full ? "full" : "normal");
        EXPECT_EQ(settings.busy_timeout, store_options.busy_timeout);
    }
}

TEST_F(FileStoreTest, UnusablePlacesAreRefusedNamingTheFolder) {
    std::ofstream(dir_.file("plain-file")) << "x";
    expect_refused(StoreOptions{dir_.file("missing/snapshots.db")},
                   "the folder `" + dir_.file("missing") + "` does not exist");
    expect_refused(StoreOptions{dir_.file("plain-file/snapshots.db")}, "is not a folder");
    expect_refused(StoreOptions{dir_.path().string()}, "it is a folder, not a file");
    expect_refused(StoreOptions{""}, "the storage path is empty");
}

TEST_F(FileStoreTest, AFileThatIsNotADatabaseIsRefused) {
    std::ofstream(dir_.file("garbage.db")) << "this is not an SQLite database, not even close";
    expect_refused(options("garbage.db"), "file is not a database");
}

TEST_F(FileStoreTest, ADamagedDatabaseIsRefusedAtStartUp) {
    {
        Store store(options());
        store.write_now([](Repository& repository) {
            for (int i = 0; i < 2000; ++i) repository.snapshots().insert(make_record("a", "c", "g", "t", std::string(100, 'x') + std::to_string(i)));
        });
    }
    {
        Database raw(options().path);
        raw.set_pragma("wal_checkpoint", "TRUNCATE");
    }
    // A valid header, then garbage over a page in the middle of the snapshots tree.
    std::fstream file(options().path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(4096 * 5);
    const std::string garbage(4096, '\x5a');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    file.close();
    expect_refused(options(), "it is damaged (PRAGMA quick_check:");
}

TEST_F(FileStoreTest, AnotherProgramsDatabaseIsRefusedInOneLine) {
    {
        Database raw(options().path);
        raw.execute("CREATE TABLE customers (id INTEGER); CREATE TABLE orders (id INTEGER);");
    }
    expect_refused(options(), "it holds tables tcaplus-mock did not make (`customers`, `orders`)");
    {
        Database raw(options("versioned.db").path);
        raw.execute("CREATE TABLE customers (id INTEGER)");
        raw.set_user_version(1);
    }
    expect_refused(options("versioned.db"), "has no `snapshots` table");
}

TEST_F(FileStoreTest, ReadOnlyFolderIsRefusedNamingIt) {
    if (geteuid() == 0) GTEST_SKIP() << "root writes through file permissions";
    const std::string locked_dir = dir_.file("locked");
    std::filesystem::create_directory(locked_dir);
    ASSERT_EQ(chmod(locked_dir.c_str(), 0500), 0);
    expect_refused(StoreOptions{locked_dir + "/snapshots.db"}, "the folder `" + locked_dir + "` is not writable");
    chmod(locked_dir.c_str(), 0700);
}

TEST_F(FileStoreTest, NewerSchemaIsRejectedNamingThePath) {
    { Store store(options()); }
    {
        Database raw(options().path);
        raw.set_user_version(latest_schema_version() + 1);
    }
    expect_refused(options(), "is newer than this build supports");
}

// Another process holding the write lock stalls writes (up to the busy timeout) but not reads.
TEST_F(FileStoreTest, ALockedDatabaseFailsWritesAfterTheBusyTimeoutAndKeepsReading) {
    StoreOptions store_options = options();
    store_options.busy_timeout = std::chrono::milliseconds(1500);
    Store store(store_options);
    insert_now(store, make_record("a", "c", "g", "t", "before"));
    Database other(store_options.path);
    {
        Transaction holding_the_lock(other);
        Outcome write;
        store.write([](Repository& repository) { repository.snapshots().insert(make_record("a", "c", "g", "t", "during")); }, write.done());
        EXPECT_EQ(count_now(store), 1u) << "a read must not wait for the writer";
        EXPECT_EQ(write.future.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
            << "the write is still waiting for the lock when the read is answered";
        const auto failure = write.future.get();
        ASSERT_NE(failure, nullptr);
        try {
            std::rethrow_exception(failure);
        } catch (const StorageError& error) {
            EXPECT_EQ(error.sqlite_code() & 0xff, sqlite_busy);
        }
        EXPECT_TRUE(store.health().last_write_failed);
    }
    EXPECT_NO_THROW(insert_now(store, make_record("a", "c", "g", "t", "after")));
    EXPECT_FALSE(store.health().last_write_failed);
    EXPECT_EQ(count_now(store), 2u);
}

}  // namespace
}  // namespace tcaplus_mock::testing
