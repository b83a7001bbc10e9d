// The repository of one connection: every kind of record, read back as written, and whole accounts.

#include "storage/repository.hpp"

#include "storage/schema_migrations.hpp"
#include "tests/support/assertions.hpp"
#include "tests/support/snapshot_records.hpp"
#include "tests/support/temp_files.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tcaplus_mock::testing {
namespace {

using namespace storage;


constexpr int sqlite_constraint_primary_key = 1555;  // SQLITE_CONSTRAINT_PRIMARYKEY

Database migrated_memory_database() {
    Database db(":memory:");
    migrate(db);
    return db;
}

class RepositoryTest : public ::testing::Test {
protected:
    void insert(const std::vector<SnapshotRecord>& records) {
        Transaction transaction(db_);
        for (const auto& record : records) snapshots_.insert(record);
        transaction.commit();
    }

    Database db_ = migrated_memory_database();
    Repository repository_{db_};
    SnapshotRows& snapshots_ = repository_.snapshots();
    CounterRows& counters_ = repository_.counters();
};

TEST_F(RepositoryTest, InsertedRecordReadsBackWithEveryField) {
    SnapshotRecord record = make_record("acct", "c1", "g1", "t1", "s1");
    record.deleted_time = 1'700'000'500;
    record.gone_time = 1'700'000'600;
    record.in_use_until = 1'700'000'700;
    insert({record});
    EXPECT_EQ(snapshots_.find(record.key), record);
    EXPECT_EQ(snapshots_.count_all(), 1u);
}

TEST_F(RepositoryTest, FindOfAMissingSnapshotIsEmpty) {
    EXPECT_FALSE(snapshots_.find({"acct", "c", "g", "t", "s"}).has_value());
}

TEST_F(RepositoryTest, KeyIsUniqueOnlyInAllFiveParts) {
    insert({make_record("a", "c", "g", "t", "s")});
    EXPECT_NO_THROW(insert({make_record("b", "c", "g", "t", "s"), make_record("a", "c2", "g", "t", "s"),
                            make_record("a", "c", "g2", "t", "s"), make_record("a", "c", "g", "t2", "s"),
                            make_record("a", "c", "g", "t", "s2")}));
    Transaction transaction(db_);
    try {
        snapshots_.insert(make_record("a", "c", "g", "t", "s"));
        FAIL() << "a taken key must be refused";
    } catch (const StorageError& error) {
        EXPECT_EQ(error.sqlite_code(), sqlite_constraint_primary_key);
    }
}

TEST_F(RepositoryTest, ListSeesOneAccountsClusterFilteredAndInKeyOrder) {
    insert({make_record("a", "c", "2", "t", "s"), make_record("a", "c", "1", "u", "s"),
            make_record("a", "c", "1", "t", "z"), make_record("a", "c", "1", "t", "b"),
            make_record("b", "c", "1", "t", "other-account"), make_record("a", "d", "1", "t", "other-cluster")});
    EXPECT_EQ(names_of(snapshots_.list({"a", "c"})),
              (std::vector<std::string>{"1/t/b", "1/t/z", "1/u/s", "2/t/s"}));
    EXPECT_EQ(names_of(snapshots_.list({"a", "c", "1"})), (std::vector<std::string>{"1/t/b", "1/t/z", "1/u/s"}));
    EXPECT_EQ(names_of(snapshots_.list({"a", "c", std::nullopt, "t"})),
              (std::vector<std::string>{"1/t/b", "1/t/z", "2/t/s"}));
    EXPECT_EQ(names_of(snapshots_.list({"a", "c", std::nullopt, std::nullopt, "s"})),
              (std::vector<std::string>{"1/u/s", "2/t/s"}));
    EXPECT_TRUE(snapshots_.list({"z", "c"}).empty());
}

TEST_F(RepositoryTest, UpdatesChangeOnlyTheirRowAndSayWhetherOneExisted) {
    const auto record = make_record("a", "c", "g", "t", "s");
    const auto other = make_record("a", "c", "g", "t", "other");
    insert({record, other});
    Transaction transaction(db_);
    EXPECT_TRUE(snapshots_.update_dead_time(record.key, 42));
    EXPECT_TRUE(snapshots_.mark_deleted(record.key, 10, 20));
    EXPECT_TRUE(snapshots_.extend_in_use(record.key, 99));
    EXPECT_TRUE(snapshots_.extend_in_use(record.key, 50)) << "a shorter import leaves the longer one";
    const SnapshotKey missing{"a", "c", "g", "t", "missing"};
    EXPECT_FALSE(snapshots_.update_dead_time(missing, 1));
    EXPECT_FALSE(snapshots_.mark_deleted(missing, 1, 2));
    EXPECT_FALSE(snapshots_.erase(missing));
    transaction.commit();

    const auto changed = snapshots_.find(record.key);
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->dead_time, 42);
    EXPECT_EQ(changed->deleted_time, 10);
    EXPECT_EQ(changed->gone_time, 20);
    EXPECT_EQ(changed->in_use_until, 99);
    EXPECT_EQ(snapshots_.find(other.key), other);
}

TEST_F(RepositoryTest, GoneRowsStopCountingAndArePurged) {
    auto gone = make_record("a", "c", "g", "t", "gone");
    gone.deleted_time = 5;
    gone.gone_time = 10;
    auto deleting = make_record("a", "c", "g", "t", "deleting");
    deleting.deleted_time = 5;
    deleting.gone_time = 1000;
    insert({gone, deleting, make_record("a", "c", "g", "t", "kept")});
    EXPECT_EQ(snapshots_.count_for_table("a", "c", "g", "t", 9), 3u);
    EXPECT_EQ(snapshots_.count_for_table("a", "c", "g", "t", 10), 2u);
    Transaction transaction(db_);
    EXPECT_EQ(snapshots_.purge_gone("a", "c", 10), 1u);
    transaction.commit();
    EXPECT_EQ(names_of(snapshots_.list({"a", "c"})), (std::vector<std::string>{"g/t/deleting", "g/t/kept"}));
}

TEST_F(RepositoryTest, IdCountersRisePerAccountClusterAndKind) {
    Transaction transaction(db_);
    EXPECT_EQ(counters_.next_task_id("a", "c1"), "c1-1");
    EXPECT_EQ(counters_.next_task_id("a", "c1"), "c1-2");
    EXPECT_EQ(counters_.next_application_id("a", "c1"), "c1-1");
    EXPECT_EQ(counters_.next_task_id("a", "c2"), "c2-1");
    EXPECT_EQ(counters_.next_task_id("b", "c1"), "c1-1");
    counters_.set({"a", "c1", "task", 41});
    EXPECT_EQ(counters_.next_task_id("a", "c1"), "c1-42");
    transaction.commit();
    EXPECT_EQ(counters_.of_account("b"), (std::vector<CounterRecord>{{"b", "c1", "task", 1}}));
}

TEST_F(RepositoryTest, IdCountersAreGivenBackWithTheirSavepoint) {
    Transaction transaction(db_);
    SavepointStatements job(db_, "job");
    {
        Savepoint kept(job);
        EXPECT_EQ(counters_.next_task_id("a", "c"), "c-1");
        kept.release();
    }
    {
        Savepoint rolled_back(job);
        EXPECT_EQ(counters_.next_task_id("a", "c"), "c-2");
        EXPECT_EQ(counters_.next_application_id("a", "c"), "c-1");
    }
    EXPECT_EQ(counters_.next_task_id("a", "c"), "c-2") << "a rolled-back job's numbers are handed out again";
    transaction.commit();
    EXPECT_EQ(counters_.of_account("a"), (std::vector<CounterRecord>{{"a", "c", "task", 2}}));
}

TEST_F(RepositoryTest, IdCountersOfNamesThatRunTogetherStayApart) {
    Transaction transaction(db_);
    EXPECT_EQ(counters_.next_task_id("a", "b\x1f" "c"), "b\x1f" "c-1");
    EXPECT_EQ(counters_.next_task_id("a\x1f" "b", "c"), "c-1");
    EXPECT_EQ(counters_.next_task_id("ab", "c"), "c-1");
    transaction.commit();
    EXPECT_EQ(counters_.of_account("a\x1f" "b"), (std::vector<CounterRecord>{{"a\x1f" "b", "c", "task", 1}}));
    EXPECT_EQ(counters_.of_account("ab"), (std::vector<CounterRecord>{{"ab", "c", "task", 1}}));
}

TEST_F(RepositoryTest, AccountsAreListedAndErasedWhole) {
    insert({make_record("a", "c", "g", "t", "s"), make_record("b", "c", "g", "t", "s")});
    Transaction transaction(db_);
    counters_.next_task_id("c", "x");
    repository_.table_groups().put({"d", "x", "1", "one", 5});
    repository_.table_groups().put({"d", "x", "1", "one again", 5});
    ImportRecord import_record;
    import_record.source = {"e", "c", "g", "t", "s"};
    import_record.task_id = "c-1";
    repository_.imports().insert(import_record);
    EXPECT_EQ(repository_.accounts(), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
    EXPECT_EQ(repository_.imports().of_account("e"), (std::vector<ImportRecord>{import_record}));
    EXPECT_EQ(repository_.table_groups().of_account("d"),
              (std::vector<TableGroupRecord>{{"d", "x", "1", "one again", 5}})) << "put replaces";
    repository_.erase_account("a");
    repository_.erase_account("e");
    EXPECT_EQ(repository_.accounts(), (std::vector<std::string>{"b", "c", "d"}));
    repository_.erase_everything();
    EXPECT_TRUE(repository_.accounts().empty());
    transaction.commit();
}

// Names are bound as parameters, never pasted into SQL: quotes and SQL in a name are just bytes.
TEST_F(RepositoryTest, NamesFullOfQuotesAndSqlAreStoredAsTheyAre) {
    const std::vector<std::string> hostile = {
        "'; DROP TABLE snapshots; --", "\" OR 1=1 --", "x'); DELETE FROM snapshots WHERE ('1'='1",
        "%_\\", "名字'\"`", std::string("nul\0byte", 8)};
    std::vector<SnapshotRecord> records;
    for (const auto& name : hostile) records.push_back(make_record(name, name, name, name, name));
    insert(records);
    EXPECT_EQ(snapshots_.count_all(), hostile.size());
    for (const auto& record : records) {
        EXPECT_EQ(snapshots_.find(record.key), record);
        EXPECT_EQ(snapshots_.list({record.key.account, record.key.cluster_id}).size(), 1u);
    }
    EXPECT_EQ(repository_.accounts().size(), hostile.size());
}

}  // namespace
}  // namespace tcaplus_mock::testing
