// DescribeSnapshots, ModifySnapshots, DeleteSnapshots and ImportSnapshots through the request
// handler, with the lifecycle driven by the fixture's manual clock (2026-11-28 12:00:00 UTC+8).

#include "tests/support/emulator_fixture.hpp"
#include "tests/support/output_model.hpp"

#include <filesystem>

namespace tcaplus_mock::testing {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

constexpr const char* tomorrow = "2026-11-29 12:00:00";

json::object item(std::string name, std::string table = "cl_generic", std::string group = "1") {
    return {{"TableGroupId", group}, {"TableName", table}, {"SnapshotName", name}};
}

json::object snapshot(std::string name, std::string dead = tomorrow, std::string table = "cl_generic",
                      std::string group = "1", std::string time = "2026-11-28 11:00:00") {
    auto info = item(std::move(name), std::move(table), std::move(group));
    info["SnapshotTime"] = time;
    info["SnapshotDeadTime"] = dead;
    return info;
}

json::object with_dead_time(json::object info, std::string dead) {
    info["SnapshotDeadTime"] = dead;
    return info;
}

json::object selected(std::initializer_list<json::object> items, std::string cluster = "xx") {
    json::array list;
    for (const auto& i : items) list.push_back(i);
    return {{"ClusterId", cluster}, {"SelectedTables", std::move(list)}};
}

json::object import_params(json::object source, const char* special_key = "FALSE", const char* origin = "TRUE") {
    return {{"ClusterId", "xx"}, {"Snapshots", std::move(source)}, {"ImportSpecialKey", special_key},
            {"ImportOriginTable", origin}};
}

class SnapshotWorkflowTest : public EmulatorFixture {
protected:
    explicit SnapshotWorkflowTest(Config config = unsigned_config()) : EmulatorFixture(std::move(config)) {}

    // Sends `params` as `action`; every success is checked against the action's output model.
    Reply call(const std::string& action, const json::object& params) {
        auto request = json_request(json::serialize(params), action);
        if (!secret_id_.empty()) sign_tc3(request, secret_id_, secret_key_, unix_seconds(clock().now()));
        auto reply = send(std::move(request));
        if (reply.error_code().empty()) {
            const auto problems = output_model_problems(action, reply.response);
            EXPECT_TRUE(problems.empty()) << action << ": " << problems.front();
        }
        return reply;
    }

    Reply create(std::initializer_list<json::object> items) { return call("CreateSnapshots", selected(items)); }
    Reply describe(json::object params = {{"ClusterId", "xx"}}) { return call("DescribeSnapshots", params); }

    std::vector<std::string> described_names(json::object params = {{"ClusterId", "xx"}}) {
        std::vector<std::string> names;
        const auto reply = describe(std::move(params));
        for (const auto& result : reply.response.at("TableResults").as_array()) {
            const auto& r = result.as_object();
            names.push_back(std::string(r.at("TableGroupId").as_string()) + "/" +
                            std::string(r.at("TableName").as_string()) + "/" +
                            std::string(r.at("SnapshotName").as_string()));
        }
        return names;
    }

    // SnapshotStatus of the one snapshot `name` that Describe lists; -1 when it lists none.
    long long status_of(const std::string& name) {
        json::object params{{"ClusterId", "xx"}, {"SnapshotName", name}};
        const auto reply = describe(params);
        const auto& results = reply.response.at("TableResults").as_array();
        if (results.empty()) return -1;
        EXPECT_EQ(results.size(), 1u);
        return results[0].at("SnapshotStatus").to_number<long long>();
    }

    void sign_as(std::string secret_id, std::string secret_key) {
        secret_id_ = std::move(secret_id);
        secret_key_ = std::move(secret_key);
    }

    std::string secret_id_, secret_key_;
};

// ---- DescribeSnapshots ----

TEST_F(SnapshotWorkflowTest, DescribeOfAClusterWithoutSnapshotsIsEmpty) {
    const auto reply = describe();
    ASSERT_EQ(reply.error_code(), "");
    EXPECT_EQ(reply.response.at("TotalCount").to_number<std::uint64_t>(), 0u);
    EXPECT_TRUE(reply.response.at("TableResults").as_array().empty());
}

TEST_F(SnapshotWorkflowTest, ACreatedSnapshotReadsBackNormalWithItsSize) {
    const auto created = create({snapshot("666")});
    ASSERT_EQ(created.item_code(0), "");
    EXPECT_EQ(created.item(0).at("SnapshotStatus"), 0);
    EXPECT_EQ(created.item(0).at("SnapshotSize"), 0);

    const auto reply = describe();
    ASSERT_EQ(reply.response.at("TotalCount").to_number<int>(), 1);
    const auto& read = reply.item(0);
    EXPECT_EQ(read.at("SnapshotStatus"), 1);
    const auto size = read.at("SnapshotSize").to_number<std::uint64_t>();
    EXPECT_GE(size, 1024u * 1024u);
    EXPECT_LE(size, 1024u * 1024u * 1024u);
    for (const char* field : {"TableGroupId", "TableName", "SnapshotName", "SnapshotTime", "SnapshotDeadTime",
                              "SnapshotCreateTime", "TaskId", "ApplicationId"})
        EXPECT_EQ(read.at(field), created.item(0).at(field)) << field;
    EXPECT_EQ(read.at("Error").at("Code"), "");
    EXPECT_EQ(describe().item(0).at("SnapshotSize"), read.at("SnapshotSize")) << "the size is deterministic";
}

TEST_F(SnapshotWorkflowTest, DescribeFiltersAndOrdersByGroupTableAndName) {
    ASSERT_EQ(create({snapshot("b", tomorrow, "t1", "2"), snapshot("z", tomorrow, "t1", "1"),
                      snapshot("a", tomorrow, "t2", "1"), snapshot("a", tomorrow, "t1", "1")})
                  .error_code(),
              "");
    ASSERT_EQ(call("CreateSnapshots", selected({snapshot("other-cluster")}, "yy")).error_code(), "");

    EXPECT_EQ(described_names(), (std::vector<std::string>{"1/t1/a", "1/t1/z", "1/t2/a", "2/t1/b"}));
    EXPECT_EQ(described_names({{"ClusterId", "xx"}, {"TableGroupId", "1"}}),
              (std::vector<std::string>{"1/t1/a", "1/t1/z", "1/t2/a"}));
    EXPECT_EQ(described_names({{"ClusterId", "xx"}, {"TableName", "t1"}}),
              (std::vector<std::string>{"1/t1/a", "1/t1/z", "2/t1/b"}));
    EXPECT_EQ(described_names({{"ClusterId", "xx"}, {"SnapshotName", "a"}}),
              (std::vector<std::string>{"1/t1/a", "1/t2/a"}));
    json::array tables{json::object{{"TableGroupId", "2"}, {"TableName", "t1"}},
                       json::object{{"TableGroupId", "1"}, {"TableName", "t2"}, {"TableIdlType", "PROTO"}}};
    EXPECT_EQ(described_names({{"ClusterId", "xx"}, {"SelectedTables", tables}}),
              (std::vector<std::string>{"1/t2/a", "2/t1/b"}));
    EXPECT_EQ(described_names({{"ClusterId", "xx"}, {"SelectedTables", tables}, {"SnapshotName", "b"}}),
              (std::vector<std::string>{"2/t1/b"}));
    EXPECT_EQ(described_names({{"ClusterId", "xx"}, {"SelectedTables", json::array()}}).size(), 4u);
    EXPECT_EQ(describe().response.at("TotalCount"), 4);
}

TEST_F(SnapshotWorkflowTest, DescribeValidatesLikeEveryAction) {
    EXPECT_EQ(call("DescribeSnapshots", {{"TableName", "t"}}).error_code(), "MissingParameter");
    EXPECT_EQ(call("DescribeSnapshots", {{"ClusterId", "xx"}, {"Limit", 1}}).error_code(), "UnknownParameter");
    EXPECT_EQ(call("DescribeSnapshots", {{"ClusterId", 7}}).error_code(), "InvalidParameter");
    const auto missing = call("DescribeSnapshots", {{"ClusterId", "xx"}, {"SelectedTables", json::array{json::object{{"TableName", "t"}}}}});
    EXPECT_EQ(missing.error_code(), "MissingParameter");
    EXPECT_NE(missing.error_message().find("`SelectedTables.0.TableGroupId`"), std::string::npos);
}

// ---- the lifecycle on the clock ----

TEST_F(SnapshotWorkflowTest, ANewSnapshotIsCreatingUntilReadyAfterHasPassed) {
    config_.snapshots.ready_after = seconds(30);
    rebuild();
    ASSERT_EQ(create({snapshot("s")}).item_code(0), "");
    EXPECT_EQ(status_of("s"), 0);
    EXPECT_EQ(describe().item(0).at("SnapshotSize"), 0);
    clock().advance(seconds(29));
    EXPECT_EQ(status_of("s"), 0);
    clock().advance(seconds(1));
    EXPECT_EQ(status_of("s"), 1);
    EXPECT_NE(describe().item(0).at("SnapshotSize"), 0);
}

TEST_F(SnapshotWorkflowTest, ASnapshotExpiresWhenItsDeadTimeIsReached) {
    ASSERT_EQ(create({snapshot("s", "2026-11-28 12:00:10")}).item_code(0), "");
    clock().advance(seconds(9));
    EXPECT_EQ(status_of("s"), 1);
    clock().advance(seconds(1));
    EXPECT_EQ(status_of("s"), 3);
    clock().advance(hours(24 * 365));
    EXPECT_EQ(status_of("s"), 3) << "an expired snapshot stays listed";
}

// ---- ModifySnapshots ----

TEST_F(SnapshotWorkflowTest, ModifyChangesTheExpiryOnly) {
    const auto created = create({snapshot("s", "2026-11-28 12:00:10")});
    clock().advance(seconds(20));
    ASSERT_EQ(status_of("s"), 3);

    const auto modified = call("ModifySnapshots", selected({with_dead_time(item("s"), "2026-12-31 00:00:00")}));
    ASSERT_EQ(modified.error_code(), "");
    EXPECT_EQ(modified.response.at("TotalCount"), 1);
    EXPECT_EQ(modified.item_code(0), "");
    EXPECT_EQ(modified.item(0).at("SnapshotDeadTime"), "2026-12-31 00:00:00");
    EXPECT_EQ(modified.item(0).at("SnapshotStatus"), 1) << "a later expiry makes an expired snapshot normal";

    const auto read = describe().item(0);
    EXPECT_EQ(read.at("SnapshotDeadTime"), "2026-12-31 00:00:00");
    for (const char* field : {"SnapshotTime", "SnapshotCreateTime", "TaskId", "ApplicationId"})
        EXPECT_EQ(read.at(field), created.item(0).at(field)) << field;
}

TEST_F(SnapshotWorkflowTest, ModifyFailsPerItem) {
    ASSERT_EQ(create({snapshot("s"), snapshot("t")}).error_code(), "");
    const auto reply = call("ModifySnapshots",
                            selected({item("s"), with_dead_time(item("missing"), tomorrow),
                                      with_dead_time(item("t"), "2026-11-28 10:00:00"),
                                      with_dead_time(item("t"), "2027-01-01 00:00:00")}));
    ASSERT_EQ(reply.error_code(), "");
    EXPECT_EQ(reply.response.at("TotalCount"), 4);
    EXPECT_EQ(reply.item_code(0), "MissingParameter");
    EXPECT_NE(std::string(reply.item(0).at("Error").at("Message").as_string()).find("`SelectedTables.0.SnapshotDeadTime`"),
              std::string::npos);
    EXPECT_EQ(reply.item_code(1), "ResourceNotFound");
    EXPECT_EQ(reply.item_code(2), "InvalidParameterValue");
    EXPECT_NE(std::string(reply.item(2).at("Error").at("Message").as_string()).find("`SelectedTables.2.SnapshotDeadTime`"),
              std::string::npos);
    EXPECT_EQ(reply.item_code(3), "");
    EXPECT_FALSE(reply.item(1).contains("TaskId")) << "a failed item carries its identity and Error only";
    EXPECT_EQ(reply.item(1).at("SnapshotName"), "missing");
    EXPECT_EQ(describe({{"ClusterId", "xx"}, {"SnapshotName", "t"}}).item(0).at("SnapshotDeadTime"), "2027-01-01 00:00:00");
}

// ---- DeleteSnapshots ----

TEST_F(SnapshotWorkflowTest, DeleteRemovesTheSnapshotAndFreesItsName) {
    const auto first = create({snapshot("s"), snapshot("kept")});
    const auto reply = call("DeleteSnapshots", selected({with_dead_time(item("s"), tomorrow)}));
    ASSERT_EQ(reply.error_code(), "");
    EXPECT_EQ(reply.item_code(0), "");
    EXPECT_EQ(reply.item(0).at("SnapshotStatus"), 2);
    EXPECT_EQ(reply.item(0).at("TaskId"), first.item(0).at("TaskId"));
    EXPECT_EQ(described_names(), (std::vector<std::string>{"1/cl_generic/kept"}));
    EXPECT_EQ(create({snapshot("s")}).item_code(0), "") << "a deleted name can be used again";
    EXPECT_EQ(create({snapshot("s")}).item_code(0), "FailedOperation");
}

TEST_F(SnapshotWorkflowTest, ADeletedSnapshotShowsDeletingForDeleteAfterThenIsGone) {
    config_.snapshots.delete_after = seconds(60);
    rebuild();
    ASSERT_EQ(create({snapshot("s")}).item_code(0), "");
    ASSERT_EQ(call("DeleteSnapshots", selected({item("s")})).item_code(0), "");
    EXPECT_EQ(status_of("s"), 2);
    EXPECT_EQ(create({snapshot("s")}).item_code(0), "FailedOperation") << "still being deleted";
    EXPECT_EQ(call("DeleteSnapshots", selected({item("s")})).item_code(0), "ResourceNotFound");
    EXPECT_EQ(call("ModifySnapshots", selected({with_dead_time(item("s"), tomorrow)})).item_code(0), "ResourceNotFound");
    clock().advance(seconds(59));
    EXPECT_EQ(status_of("s"), 2);
    clock().advance(seconds(1));
    EXPECT_EQ(status_of("s"), -1);
    EXPECT_EQ(create({snapshot("s")}).item_code(0), "");
}

TEST_F(SnapshotWorkflowTest, DeleteFailsPerItem) {
    ASSERT_EQ(create({snapshot("s")}).error_code(), "");
    const auto reply = call("DeleteSnapshots", selected({item("missing"), item("s"), item("s")}));
    EXPECT_EQ(reply.item_code(0), "ResourceNotFound");
    EXPECT_EQ(reply.item_code(1), "");
    EXPECT_EQ(reply.item_code(2), "ResourceNotFound") << "already deleted by the item before";
    EXPECT_EQ(stored_count(), 0u);
}

// ---- ImportSnapshots ----

TEST_F(SnapshotWorkflowTest, ImportAnswersTaskAndApplicationIdsFromTheClustersCounters) {
    ASSERT_EQ(create({snapshot("s")}).item(0).at("TaskId"), "xx-1");
    const auto reply = call("ImportSnapshots", import_params(snapshot("s")));
    ASSERT_EQ(reply.error_code(), "");
    EXPECT_EQ(reply.response.at("TaskId"), "xx-2");
    EXPECT_EQ(reply.response.at("ApplicationId"), "xx-2");
    const auto to_new_table = import_params(snapshot("s"), "TRUE", "FALSE");
    auto params = to_new_table;
    params["KeyFile"] = json::object{{"FileName", "keys"}, {"FileExtType", "txt"}, {"FileContent", "k1"}};
    params["NewTableGroupId"] = "2";
    params["NewTableName"] = "restored";
    EXPECT_EQ(call("ImportSnapshots", params).response.at("TaskId"), "xx-3");
    EXPECT_EQ(status_of("s"), 1) << "imports finish at once by default";
}

TEST_F(SnapshotWorkflowTest, ImportRefusesBadFlagsAndMissingCompanions) {
    ASSERT_EQ(create({snapshot("s")}).error_code(), "");
    struct Case {
        json::object params;
        const char* code;
        const char* named;
    };
    auto without_key_file = import_params(snapshot("s"), "TRUE", "TRUE");
    auto without_group = import_params(snapshot("s"), "FALSE", "FALSE");
    without_group["NewTableName"] = "n";
    auto without_name = import_params(snapshot("s"), "FALSE", "FALSE");
    without_name["NewTableGroupId"] = "2";
    auto as_list = import_params(snapshot("s"));
    as_list["Snapshots"] = json::array{snapshot("s")};
    const Case cases[] = {
        {import_params(snapshot("s"), "spkey"), "InvalidParameterValue", "`ImportSpecialKey`"},
        {import_params(snapshot("s"), "true"), "InvalidParameterValue", "`ImportSpecialKey`"},
        {import_params(snapshot("s"), "FALSE", "origintable"), "InvalidParameterValue", "`ImportOriginTable`"},
        {without_key_file, "MissingParameter", "`KeyFile`"},
        {without_group, "MissingParameter", "`NewTableGroupId`"},
        {without_name, "MissingParameter", "`NewTableName`"},
        {import_params(snapshot("missing")), "ResourceNotFound", "`missing`"},
        {as_list, "InvalidParameter", "`Snapshots`"},
    };
    for (const auto& c : cases) {
        const auto reply = call("ImportSnapshots", c.params);
        EXPECT_EQ(reply.error_code(), c.code) << json::serialize(c.params);
        if (!reply.error_code().empty()) {
            EXPECT_NE(reply.error_message().find(c.named), std::string::npos) << reply.error_message();
        }
    }
}

TEST_F(SnapshotWorkflowTest, ARunningImportKeepsItsSnapshotInUseAndUndeletable) {
    config_.snapshots.import_duration = seconds(120);
    rebuild();
    ASSERT_EQ(create({snapshot("s")}).error_code(), "");
    ASSERT_EQ(call("ImportSnapshots", import_params(snapshot("s"))).error_code(), "");
    EXPECT_EQ(status_of("s"), 4);
    const auto refused = call("DeleteSnapshots", selected({item("s")}));
    EXPECT_EQ(refused.item_code(0), "ResourceInUse");
    clock().advance(seconds(120));
    EXPECT_EQ(status_of("s"), 1);
    EXPECT_EQ(call("DeleteSnapshots", selected({item("s")})).item_code(0), "");
}

TEST_F(SnapshotWorkflowTest, ASnapshotStillCreatingOrExpiredCannotBeImported) {
    config_.snapshots.ready_after = seconds(10);
    rebuild();
    ASSERT_EQ(create({snapshot("s", "2026-11-28 12:01:00")}).error_code(), "");
    EXPECT_EQ(call("ImportSnapshots", import_params(snapshot("s"))).error_code(), "ResourceUnavailable");
    clock().advance(seconds(10));
    EXPECT_EQ(call("ImportSnapshots", import_params(snapshot("s"))).error_code(), "");
    clock().advance(seconds(60));
    EXPECT_EQ(call("ImportSnapshots", import_params(snapshot("s"))).error_code(), "ResourceUnavailable");
}

// ---- strict resources ----

Config strict_config() {
    Config config = unsigned_config();
    config.resources.mode = ResourcesMode::strict;
    config.resources.clusters = {{"xx", {{"1", {"cl_generic"}}, {"2", {}}}}};
    return config;
}

class StrictWorkflowTest : public SnapshotWorkflowTest {
protected:
    StrictWorkflowTest() : SnapshotWorkflowTest(strict_config()) {}
};

TEST_F(StrictWorkflowTest, UnknownClustersAreRefusedByEveryAction) {
    for (const char* action : {"DescribeSnapshots", "ModifySnapshots", "DeleteSnapshots"}) {
        auto params = selected({with_dead_time(item("s"), tomorrow)}, "nope");
        if (std::string(action) == "DescribeSnapshots") params = {{"ClusterId", "nope"}};
        EXPECT_EQ(call(action, params).error_code(), "ResourceNotFound") << action;
    }
    auto import = import_params(snapshot("s"));
    import["ClusterId"] = "nope";
    EXPECT_EQ(call("ImportSnapshots", import).error_code(), "ResourceNotFound");
}

TEST_F(StrictWorkflowTest, TheNewTableOfAnImportExistsAfterwards) {
    ASSERT_EQ(create({snapshot("s")}).item_code(0), "");
    EXPECT_EQ(create({snapshot("s", tomorrow, "restored", "2")}).item_code(0), "ResourceNotFound");

    auto params = import_params(snapshot("s"), "FALSE", "FALSE");
    params["NewTableGroupId"] = "2";
    params["NewTableName"] = "restored";
    ASSERT_EQ(call("ImportSnapshots", params).error_code(), "");
    EXPECT_EQ(create({snapshot("s", tomorrow, "restored", "2")}).item_code(0), "");
    EXPECT_EQ(call("ImportSnapshots", params).error_code(), "FailedOperation") << "the new table exists now";

    params["NewTableGroupId"] = "9";
    EXPECT_EQ(call("ImportSnapshots", params).error_code(), "ResourceNotFound") << "no table group 9";
}

TEST_F(StrictWorkflowTest, AnImportedTableSurvivesARestart) {
    char folder[] = "/tmp/tcaplus-mock-strict-XXXXXX";
    ASSERT_NE(mkdtemp(folder), nullptr);
    config_.storage.path = std::string(folder) + "/snapshots.db";
    rebuild();
    ASSERT_EQ(create({snapshot("s")}).item_code(0), "");
    auto params = import_params(snapshot("s"), "FALSE", "FALSE");
    params["NewTableGroupId"] = "2";
    params["NewTableName"] = "restored";
    ASSERT_EQ(call("ImportSnapshots", params).error_code(), "");
    rebuild();  // a new store and handler over the same file
    EXPECT_EQ(create({snapshot("s", tomorrow, "restored", "2")}).item_code(0), "");
    emulator_.reset();
    std::filesystem::remove_all(folder);
}

// ---- accounts ----

Config two_accounts_config() {
    Config config = unsigned_config();
    config.auth.mode = AuthMode::any;
    config.auth.credentials = {{"AKIDalice", "alice-key", "", "alice"}, {"AKIDbob", "bob-key", "", ""}};
    return config;
}

class AccountsTest : public SnapshotWorkflowTest {
protected:
    AccountsTest() : SnapshotWorkflowTest(two_accounts_config()) {}
};

TEST_F(AccountsTest, TwoSecretIdsNeverSeeEachOthersSnapshots) {
    sign_as("AKIDalice", "alice-key");
    ASSERT_EQ(create({snapshot("s")}).item(0).at("TaskId"), "xx-1");
    ASSERT_EQ(create({snapshot("only-alice")}).item_code(0), "");

    sign_as("AKIDbob", "bob-key");
    EXPECT_EQ(describe().response.at("TotalCount"), 0);
    const auto same_name = create({snapshot("s")});
    EXPECT_EQ(same_name.item_code(0), "") << "the same ClusterId in another account is another cluster";
    EXPECT_EQ(same_name.item(0).at("TaskId"), "xx-1") << "counters are per account";
    EXPECT_EQ(call("DeleteSnapshots", selected({item("only-alice")})).item_code(0), "ResourceNotFound");
    EXPECT_EQ(call("ImportSnapshots", import_params(snapshot("only-alice"))).error_code(), "ResourceNotFound");

    sign_as("AKIDalice", "alice-key");
    EXPECT_EQ(described_names(), (std::vector<std::string>{"1/cl_generic/only-alice", "1/cl_generic/s"}));
    sign_as("AKIDunknown", "any-key");  // `any` mode: an unlisted SecretId is its own account
    EXPECT_EQ(describe().response.at("TotalCount"), 0);

    std::vector<std::string> accounts;
    store().read_now([&](storage::Repository& repository) { accounts = repository.accounts(); });
    EXPECT_EQ(accounts, (std::vector<std::string>{"AKIDbob", "alice"})) << "alice's sub_account names her account";
}

}  // namespace
}  // namespace tcaplus_mock::testing
