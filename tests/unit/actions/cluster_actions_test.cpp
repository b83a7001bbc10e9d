// The cluster actions (server/actions/clusters/): what a cluster is when created, how it is listed,
// changed and deleted, and the errors of each rule.
#include "tests/support/resource_fixture.hpp"

#include <regex>

namespace tcaplus_mock::testing {
namespace {

class ClusterActionsTest : public ResourceFixture {
protected:
    json::object create_params(const std::string& name = "c1") {
        return {{"IdlType", "PROTO"}, {"ClusterName", name}, {"VpcId", "vpc-1"}, {"SubnetId", "subnet-1"},
                {"Password", "Passw0rd"}};
    }

    json::object describe(const std::string& id, const std::string& region = "ap-guangzhou") {
        return ok("DescribeClusters", {{"ClusterIds", json::array{id.c_str()}}}, region);
    }

    json::object info(const std::string& id) { return describe(id).at("Clusters").at(0).as_object(); }
};

TEST_F(ClusterActionsTest, ANewClusterIsListedAtOnceWithEveryField) {
    const auto id = create_cluster("demo");
    EXPECT_TRUE(std::regex_match(id, std::regex("[1-9][0-9]{9}"))) << id;
    const auto listed = describe(id);
    EXPECT_EQ(number(listed.at("TotalCount")), 1);
    const auto& cluster = listed.at("Clusters").at(0).as_object();
    EXPECT_EQ(cluster.at("ClusterId"), id.c_str());
    EXPECT_EQ(cluster.at("ClusterName"), "demo");
    EXPECT_EQ(cluster.at("IdlType"), "PROTO");
    EXPECT_EQ(cluster.at("Region"), "ap-guangzhou");
    EXPECT_EQ(cluster.at("ClusterStatus"), 0);
    EXPECT_EQ(cluster.at("PasswordStatus"), "modifiable");
    EXPECT_EQ(cluster.at("OldPasswordExpireTime"), "");
    EXPECT_EQ(cluster.at("CreatedTime"), "2026-11-28 12:00:00");
    EXPECT_EQ(cluster.at("NetworkType"), "vpc-normal");
    EXPECT_EQ(cluster.at("VpcId"), "vpc-1");
    EXPECT_TRUE(std::regex_match(std::string(cluster.at("ApiAccessIp").as_string()),
                                 std::regex("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+")));
    EXPECT_EQ(cluster.at("ApiAccessPort"), 9999);
    // The same cluster answers the same access point each time.
    EXPECT_EQ(info(id).at("ApiAccessIp"), cluster.at("ApiAccessIp"));
}

TEST_F(ClusterActionsTest, EveryAllowedKindIsKept) {
    auto params = create_params();
    params["ClusterType"] = 2;
    params["AuthType"] = 1;
    params["Ipv6Enable"] = 1;
    const auto id = std::string(ok("CreateCluster", params).at("ClusterId").as_string());
    const auto cluster = info(id);
    EXPECT_EQ(cluster.at("ClusterType"), 2);
    EXPECT_NE(cluster.at("ApiAccessIpv6"), "");
    EXPECT_EQ(number(ok("DescribeClusters", {{"Ipv6Enable", 1}}).at("TotalCount")), 1);
}

TEST_F(ClusterActionsTest, IdlTypeIsKeptInCapitals) {
    auto params = create_params();
    params["IdlType"] = "mix";
    const auto id = std::string(ok("CreateCluster", params).at("ClusterId").as_string());
    EXPECT_EQ(info(id).at("IdlType"), "MIX");
}

struct RuleCase {
    const char* what;
    const char* parameter;
    json::value value;
    const char* code;
};

TEST_F(ClusterActionsTest, CreateClusterChecksEachRule) {
    const RuleCase cases[] = {
        {"unknown IDL type", "IdlType", "JSON", "InvalidParameterValue.UnsupportIdlType"},
        {"empty name", "ClusterName", "", "InvalidParameterValue.InvalidClusterName"},
        {"33 characters", "ClusterName", std::string(33, 'n').c_str(), "InvalidParameterValue.InvalidClusterName"},
        {"no digit", "Password", "Password", "InvalidParameterValue"},
        {"no upper case", "Password", "passw0rd", "InvalidParameterValue"},
        {"no lower case", "Password", "PASSW0RD", "InvalidParameterValue"},
        {"a symbol", "Password", "Passw0rd!", "InvalidParameterValue"},
        {"65 characters", "Password", ("Aa1" + std::string(62, 'x')).c_str(), "InvalidParameterValue"},
        {"cluster type 3", "ClusterType", 3, "InvalidParameterValue"},
        {"auth type 2", "AuthType", 2, "InvalidParameterValue"},
        {"ipv6 2", "Ipv6Enable", 2, "InvalidParameterValue"},
    };
    for (const auto& c : cases) {
        auto params = create_params();
        params[c.parameter] = c.value;
        EXPECT_EQ(error_of("CreateCluster", params), c.code) << c.what;
    }
    // 32 characters, counted as characters: 32 Chinese characters are a valid name.
    std::string chinese;
    for (int i = 0; i < 32; ++i) chinese += "\xe5\x90\x8d";
    EXPECT_EQ(error_of("CreateCluster", create_params(chinese)), "");
    EXPECT_EQ(number(ok("DescribeClusters", {}).at("TotalCount")), 1);
}

TEST_F(ClusterActionsTest, ANameIsUniqueInTheAccountsRegion) {
    create_cluster("same");
    EXPECT_EQ(error_of("CreateCluster", create_params("same")), "ResourceUnavailable.DuplicateClusterName");
    EXPECT_EQ(error_of("CreateCluster", create_params("same"), "ap-shanghai"), "");
}

TEST_F(ClusterActionsTest, AClusterIsSeenOnlyFromItsRegion) {
    const auto id = create_cluster("gz");
    EXPECT_EQ(number(describe(id, "ap-shanghai").at("TotalCount")), 0);
    EXPECT_EQ(error_of("ModifyClusterName", {{"ClusterId", id}, {"ClusterName", "x"}}, "ap-shanghai"),
              "FailedOperation.RegionMismatch");
    EXPECT_EQ(number(ok("DescribeClusters", {}, "ap-shanghai").at("TotalCount")), 0);
}

TEST_F(ClusterActionsTest, StatusIsChangingUntilReadyAfterHasPassed) {
    config_.clusters.ready_after = std::chrono::seconds(60);
    rebuild();
    const auto id = create_cluster();
    EXPECT_EQ(info(id).at("ClusterStatus"), 4);
    clock().advance(std::chrono::seconds(59));
    EXPECT_EQ(info(id).at("ClusterStatus"), 4);
    clock().advance(std::chrono::seconds(1));
    EXPECT_EQ(info(id).at("ClusterStatus"), 0);
    ok("ModifyClusterMachine", {{"ClusterId", id},
                                {"ServerList", json::array{json::object{{"MachineType", "T1"}, {"MachineNum", 2}}}},
                                {"ProxyList", json::array{json::object{{"MachineType", "T2"}, {"MachineNum", 1}}}},
                                {"ClusterType", 2}});
    const auto changed = info(id);
    EXPECT_EQ(changed.at("ClusterStatus"), 4);
    EXPECT_EQ(changed.at("ClusterType"), 2);
    EXPECT_EQ(changed.at("ServerList").as_array().size(), 2u);
    EXPECT_EQ(changed.at("ProxyList").at(0).at("MachineType"), "T2");
}

TEST_F(ClusterActionsTest, UnknownOrDeletedIdsAreAnEmptyListNeverAnError) {
    const auto listed = describe("1234567890");
    EXPECT_EQ(number(listed.at("TotalCount")), 0);
    EXPECT_TRUE(listed.at("Clusters").as_array().empty());
    const auto id = create_cluster();
    ok("DeleteCluster", {{"ClusterId", id}});
    EXPECT_TRUE(describe(id).at("Clusters").as_array().empty());
}

TEST_F(ClusterActionsTest, ListsAreFilteredByValueOrValuesAndPaged) {
    std::vector<std::string> ids;
    for (const char* name : {"a", "b", "c", "d"}) ids.push_back(create_cluster(name));
    std::sort(ids.begin(), ids.end());
    const auto by_value = ok("DescribeClusters", {{"Filters", json::array{json::object{{"Name", "ClusterName"}, {"Value", "b"}}}}});
    ASSERT_EQ(number(by_value.at("TotalCount")), 1);
    EXPECT_EQ(by_value.at("Clusters").at(0).at("ClusterName"), "b");
    const auto by_values = ok("DescribeClusters", {{"Filters", json::array{json::object{
                                                                  {"Name", "ClusterName"}, {"Values", json::array{"a", "c"}}}}}});
    EXPECT_EQ(number(by_values.at("TotalCount")), 2);
    const auto page = ok("DescribeClusters", {{"Offset", 1}, {"Limit", 2}});
    EXPECT_EQ(number(page.at("TotalCount")), 4);
    ASSERT_EQ(page.at("Clusters").as_array().size(), 2u);
    EXPECT_EQ(page.at("Clusters").at(0).at("ClusterId"), ids[1].c_str());
    EXPECT_EQ(page.at("Clusters").at(1).at("ClusterId"), ids[2].c_str());
    EXPECT_EQ(error_of("DescribeClusters", {{"Filters", json::array{json::object{{"Name", "Color"}, {"Value", "x"}}}}}),
              "InvalidParameterValue");
}

TEST_F(ClusterActionsTest, DeleteClusterWaitsForItsTableGroups) {
    const auto id = create_cluster();
    create_table_group(id, "1");
    EXPECT_EQ(error_of("DeleteCluster", {{"ClusterId", id}}), "ResourceInUse");
    ok("DeleteTableGroup", {{"ClusterId", id}, {"TableGroupId", "1"}});
    const auto task = std::string(ok("DeleteCluster", {{"ClusterId", id}}).at("TaskId").as_string());
    EXPECT_TRUE(std::regex_match(task, std::regex(id + "-[0-9]+"))) << task;
    EXPECT_EQ(error_of("DeleteCluster", {{"ClusterId", id}}), "ResourceNotFound");
    // Its task stays findable.
    const auto tasks = ok("DescribeTasks", {{"ClusterIds", json::array{id.c_str()}}, {"TaskIds", json::array{task.c_str()}}});
    ASSERT_EQ(number(tasks.at("TotalCount")), 1);
    EXPECT_EQ(tasks.at("TaskInfos").at(0).at("TaskType"), "DeleteCluster");
}

TEST_F(ClusterActionsTest, ModifyClusterNameFollowsTheNameRules) {
    const auto id = create_cluster("one");
    create_cluster("two");
    EXPECT_EQ(error_of("ModifyClusterName", {{"ClusterId", id}, {"ClusterName", "two"}}),
              "ResourceUnavailable.DuplicateClusterName");
    EXPECT_EQ(error_of("ModifyClusterName", {{"ClusterId", id}, {"ClusterName", ""}}),
              "InvalidParameterValue.InvalidClusterName");
    ok("ModifyClusterName", {{"ClusterId", id}, {"ClusterName", "renamed"}});
    EXPECT_EQ(info(id).at("ClusterName"), "renamed");
    EXPECT_EQ(error_of("ModifyClusterName", {{"ClusterId", "999"}, {"ClusterName", "x"}}), "ResourceNotFound");
}

TEST_F(ClusterActionsTest, PasswordChangesFollowTheModes) {
    const auto id = create_cluster();
    const auto change = [&](const char* mode, const char* old_password, const char* new_password, const char* expires) {
        return error_of("ModifyClusterPassword", {{"ClusterId", id}, {"Mode", mode}, {"OldPassword", old_password},
                                                  {"NewPassword", new_password}, {"OldPasswordExpireTime", expires}});
    };
    EXPECT_EQ(change("1", "Wrong1pass", "NewPassw0rd", "2026-11-28 13:00:00"), "FailedOperation.PasswordFailure");
    EXPECT_EQ(change("1", "Passw0rd", "weak", "2026-11-28 13:00:00"), "InvalidParameterValue");
    EXPECT_EQ(change("1", "Passw0rd", "NewPassw0rd", "2026-11-28 11:00:00"), "InvalidParameterValue.InvalidTimeValue");
    EXPECT_EQ(change("3", "Passw0rd", "NewPassw0rd", "2026-11-28 13:00:00"), "InvalidParameterValue");
    EXPECT_EQ(change("2", "Passw0rd", "", "2026-11-28 13:00:00"), "FailedOperation.OldPasswordHasExpired");

    EXPECT_EQ(change("1", "Passw0rd", "NewPassw0rd", "2026-11-28 13:00:00"), "");
    auto cluster = info(id);
    EXPECT_EQ(cluster.at("Password"), "NewPassw0rd");
    EXPECT_EQ(cluster.at("PasswordStatus"), "unmodifiable");
    EXPECT_EQ(cluster.at("OldPasswordExpireTime"), "2026-11-28 13:00:00");
    EXPECT_EQ(change("1", "NewPassw0rd", "Third3pass", "2026-11-28 14:00:00"), "FailedOperation.OldPasswordInUse");
    // Mode 2 moves the old password's expiry while it is in use.
    EXPECT_EQ(change("2", "Passw0rd", "", "2026-11-28 12:30:00"), "");
    EXPECT_EQ(info(id).at("OldPasswordExpireTime"), "2026-11-28 12:30:00");
    clock().advance(std::chrono::minutes(31));
    cluster = info(id);
    EXPECT_EQ(cluster.at("PasswordStatus"), "modifiable");
    EXPECT_EQ(cluster.at("OldPasswordExpireTime"), "");
    EXPECT_EQ(change("2", "Passw0rd", "", "2026-11-28 14:00:00"), "FailedOperation.OldPasswordHasExpired");
    EXPECT_EQ(change("1", "NewPassw0rd", "Third3pass", "2026-11-28 14:00:00"), "");
}

TEST_F(ClusterActionsTest, TheFixedAnswersHaveTheirDocumentedShape) {
    const auto machines = ok("DescribeMachine", {});
    EXPECT_EQ(machines.at("PoolList").as_array().size(), 2u);
    const auto ipv6 = ok("DescribeMachine", {{"Ipv6Enable", 1}});
    ASSERT_EQ(ipv6.at("PoolList").as_array().size(), 1u);
    EXPECT_EQ(ipv6.at("PoolList").at(0).at("Ipv6Enable"), 1);
    const auto regions = ok("DescribeRegions", {});
    EXPECT_EQ(number(regions.at("TotalCount")), static_cast<std::int64_t>(regions.at("RegionInfos").as_array().size()));
    bool guangzhou = false;
    for (const auto& region : regions.at("RegionInfos").as_array())
        if (region.at("RegionName") == "ap-guangzhou") guangzhou = region.at("RegionAbbr") == "gz";
    EXPECT_TRUE(guangzhou);
    EXPECT_EQ(ok("DescribeUinInWhitelist", {}).at("Result"), "TRUE");
}

}  // namespace
}  // namespace tcaplus_mock::testing
