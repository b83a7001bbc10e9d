// The table group, tag and task actions (server/actions/table_groups/, tags/, tasks/), and how
// snapshots and resources make one world (resources.mode auto and strict).
#include "tests/support/resource_fixture.hpp"

namespace tcaplus_mock::testing {
namespace {

class GroupTagTaskTest : public ResourceFixture {
protected:
    GroupTagTaskTest() { cluster_ = create_cluster(); }

    json::object groups(const json::object& extra = {}) {
        json::object params{{"ClusterId", cluster_}};
        for (const auto& [key, value] : extra) params[key] = value;
        return ok("DescribeTableGroups", params);
    }

    json::object tasks(const json::object& extra = {}) {
        json::object params{{"ClusterIds", json::array{cluster_.c_str()}}};
        for (const auto& [key, value] : extra) params[key] = value;
        return ok("DescribeTasks", params);
    }

    std::string cluster_;
};

TEST_F(GroupTagTaskTest, GroupIdsAreChosenOrTheNextFreeNumber) {
    EXPECT_EQ(ok("CreateTableGroup", {{"ClusterId", cluster_}, {"TableGroupName", "a"}}).at("TableGroupId"), "1");
    EXPECT_EQ(ok("CreateTableGroup", {{"ClusterId", cluster_}, {"TableGroupName", "b"}, {"TableGroupId", "10101"}})
                  .at("TableGroupId"),
              "10101");
    EXPECT_EQ(ok("CreateTableGroup", {{"ClusterId", cluster_}, {"TableGroupName", "c"}}).at("TableGroupId"), "10102");
    const struct {
        json::object params;
        const char* code;
    } cases[] = {
        {{{"TableGroupName", "d"}, {"TableGroupId", "1"}}, "ResourceUnavailable.DuplicateTableGroupInfo"},
        {{{"TableGroupName", "a"}}, "ResourceUnavailable.DuplicateTableGroupName"},
        {{{"TableGroupName", ""}}, "InvalidParameterValue.InvalidTableGroupName"},
        {{{"TableGroupName", std::string(33, 'g')}}, "InvalidParameterValue.InvalidTableGroupName"},
        {{{"TableGroupName", "e"}, {"TableGroupId", "x1"}}, "InvalidParameterValue"},
    };
    for (const auto& c : cases) {
        auto params = c.params;
        params["ClusterId"] = cluster_;
        EXPECT_EQ(error_of("CreateTableGroup", params), c.code) << json::serialize(params);
    }
    EXPECT_EQ(error_of("CreateTableGroup", {{"ClusterId", "404"}, {"TableGroupName", "z"}}), "ResourceNotFound");
}

TEST_F(GroupTagTaskTest, GroupsAreListedInNumericOrderFilteredAndPaged) {
    for (const char* id : {"10", "2", "1"}) create_table_group(cluster_, id, std::string("g") + id);
    const auto all = groups();
    ASSERT_EQ(number(all.at("TotalCount")), 3);
    EXPECT_EQ(all.at("TableGroups").at(0).at("TableGroupId"), "1");
    EXPECT_EQ(all.at("TableGroups").at(2).at("TableGroupId"), "10");
    const auto& first = all.at("TableGroups").at(0).as_object();
    EXPECT_EQ(first.at("TableGroupName"), "g1");
    EXPECT_EQ(first.at("TableCount"), 0);
    EXPECT_EQ(first.at("TotalSize"), 0);
    EXPECT_EQ(first.at("CreatedTime"), "2026-11-28 12:00:00");
    // Terraform filters on GroupName.
    const auto by_alias = groups({{"Filters", json::array{json::object{{"Name", "GroupName"}, {"Value", "g2"}}}}});
    ASSERT_EQ(number(by_alias.at("TotalCount")), 1);
    EXPECT_EQ(by_alias.at("TableGroups").at(0).at("TableGroupId"), "2");
    EXPECT_EQ(number(groups({{"TableGroupIds", json::array{"1", "10", "77"}}}).at("TotalCount")), 2);
    EXPECT_EQ(groups({{"Offset", 1}, {"Limit", 1}}).at("TableGroups").at(0).at("TableGroupId"), "2");
}

TEST_F(GroupTagTaskTest, RenameAndDeleteGroups) {
    create_table_group(cluster_, "1", "a");
    create_table_group(cluster_, "2", "b");
    EXPECT_EQ(error_of("ModifyTableGroupName", {{"ClusterId", cluster_}, {"TableGroupId", "1"}, {"TableGroupName", "b"}}),
              "ResourceUnavailable.DuplicateTableGroupName");
    ok("ModifyTableGroupName", {{"ClusterId", cluster_}, {"TableGroupId", "1"}, {"TableGroupName", "renamed"}});
    EXPECT_EQ(groups({{"TableGroupIds", json::array{"1"}}}).at("TableGroups").at(0).at("TableGroupName"), "renamed");
    const auto task = ok("DeleteTableGroup", {{"ClusterId", cluster_}, {"TableGroupId", "1"}}).at("TaskId");
    EXPECT_EQ(number(groups().at("TotalCount")), 1);
    EXPECT_EQ(error_of("DeleteTableGroup", {{"ClusterId", cluster_}, {"TableGroupId", "1"}}), "ResourceNotFound");
    EXPECT_EQ(tasks({{"TaskIds", json::array{task}}}).at("TaskInfos").at(0).at("TaskType"), "DeleteTableGroup");
}

TEST_F(GroupTagTaskTest, ClusterAndGroupTagsAreSetReplacedAndRemoved) {
    ok("CreateTableGroup", {{"ClusterId", cluster_}, {"TableGroupName", "g"}, {"TableGroupId", "1"},
                            {"ResourceTags", json::array{json::object{{"TagKey", "a"}, {"TagValue", "1"}}}}});
    ok("ModifyClusterTags", {{"ClusterId", cluster_},
                             {"ReplaceTags", json::array{json::object{{"TagKey", "k"}, {"TagValue", "v"}},
                                                         json::object{{"TagKey", "drop"}, {"TagValue", "x"}}}}});
    const auto task = ok("ModifyClusterTags", {{"ClusterId", cluster_},
                                               {"ReplaceTags", json::array{json::object{{"TagKey", "k"}, {"TagValue", "w"}}}},
                                               {"DeleteTags", json::array{json::object{{"TagKey", "drop"}}}}})
                          .at("TaskId");
    EXPECT_EQ(tasks({{"TaskIds", json::array{task}}}).at("TaskInfos").at(0).at("Progress"), 100);
    const auto cluster_tags = ok("DescribeClusterTags", {{"ClusterIds", json::array{cluster_.c_str(), "404"}}});
    EXPECT_EQ(number(cluster_tags.at("TotalCount")), 2);
    const auto& row = cluster_tags.at("Rows").at(0).as_object();
    ASSERT_EQ(row.at("Tags").as_array().size(), 1u);
    EXPECT_EQ(row.at("Tags").at(0).at("TagValue"), "w");
    EXPECT_TRUE(row.at("Error").is_null());
    EXPECT_EQ(cluster_tags.at("Rows").at(1).at("Error").at("Code"), "ResourceNotFound");

    const auto group_task = ok("ModifyTableGroupTags", {{"ClusterId", cluster_}, {"TableGroupId", "1"},
                                                        {"ReplaceTags", json::array{json::object{{"TagKey", "b"}, {"TagValue", "2"}}}}})
                                .at("TaskId");
    // Terraform waits for this task in DescribeTasks.
    EXPECT_EQ(number(tasks({{"TaskIds", json::array{group_task}}}).at("TotalCount")), 1);
    const auto group_tags = ok("DescribeTableGroupTags", {{"ClusterId", cluster_}, {"TableGroupIds", json::array{"1"}}});
    EXPECT_EQ(group_tags.at("Rows").at(0).at("Tags").as_array().size(), 2u);
    EXPECT_EQ(error_of("ModifyTableGroupTags", {{"ClusterId", cluster_}, {"TableGroupId", "9"}}), "ResourceNotFound");
}

TEST_F(GroupTagTaskTest, TasksRunOverTheirDurationNewestFirst) {
    config_.tasks.duration = std::chrono::seconds(100);
    rebuild();  // a new emulator, a new database
    cluster_ = create_cluster();
    create_table_group(cluster_, "1");
    const auto first = std::string(ok("DeleteTableGroup", {{"ClusterId", cluster_}, {"TableGroupId", "1"}}).at("TaskId").as_string());
    clock().advance(std::chrono::seconds(30));
    create_table_group(cluster_, "1");
    const auto second = std::string(ok("DeleteTableGroup", {{"ClusterId", cluster_}, {"TableGroupId", "1"}}).at("TaskId").as_string());
    const auto listed = tasks();
    ASSERT_EQ(number(listed.at("TotalCount")), 2);
    const auto& newest = listed.at("TaskInfos").at(0).as_object();
    EXPECT_EQ(newest.at("TaskId"), second.c_str());
    EXPECT_EQ(newest.at("Progress"), 0);
    EXPECT_EQ(newest.at("TransId"), "0");
    EXPECT_EQ(listed.at("TaskInfos").at(1).at("Progress"), 30);
    EXPECT_EQ(newest.at("Operator"), "default");
    EXPECT_NE(std::string(newest.at("Content").as_string()).find("of Cluster(" + cluster_ + ") TableGroup(1)"),
              std::string::npos);
    clock().advance(std::chrono::seconds(100));
    EXPECT_EQ(tasks({{"TaskIds", json::array{first.c_str()}}}).at("TaskInfos").at(0).at("Progress"), 100);
    // Filters and paging.
    const auto by_type = tasks({{"Filters", json::array{json::object{{"Name", "TaskType"}, {"Value", "DeleteTableGroup"}}}}});
    EXPECT_EQ(number(by_type.at("TotalCount")), 2);
    const auto by_time = tasks({{"Filters", json::array{json::object{{"Name", "Time"}, {"Value", "2026-11-28 12:00:10"}}}}});
    ASSERT_EQ(number(by_time.at("TotalCount")), 1);
    EXPECT_EQ(by_time.at("TaskInfos").at(0).at("TaskId"), second.c_str());
    const auto page = tasks({{"Offset", 1}, {"Limit", 1}});
    EXPECT_EQ(page.at("TaskInfos").at(0).at("TaskId"), first.c_str());
    EXPECT_EQ(number(tasks({{"TaskIds", json::array{"404-1"}}}).at("TotalCount")), 0);
}

TEST_F(GroupTagTaskTest, ASnapshotsTaskIdIsATask) {
    const auto created = ok("CreateSnapshots", {{"ClusterId", cluster_},
                                                {"SelectedTables", json::array{json::object{
                                                                       {"TableGroupId", "1"}, {"TableName", "t"},
                                                                       {"SnapshotName", "s"}, {"SnapshotTime", "2026-11-28 11:00:00"},
                                                                       {"SnapshotDeadTime", "2026-12-28 11:00:00"}}}}});
    const auto task_id = created.at("TableResults").at(0).at("TaskId");
    const auto found = ok("DescribeTasks", {{"ClusterIds", json::array{cluster_.c_str()}}, {"TaskIds", json::array{task_id}}});
    ASSERT_EQ(number(found.at("TotalCount")), 1);
    EXPECT_EQ(found.at("TaskInfos").at(0).at("TaskType"), "CreateSnapshots");
    EXPECT_EQ(found.at("TaskInfos").at(0).at("Progress"), 100);
}

TEST_F(GroupTagTaskTest, InAutoModeWhatSnapshotsNameIsListed) {
    ok("CreateSnapshots", {{"ClusterId", "5674209986"},
                           {"SelectedTables", json::array{json::object{{"TableGroupId", "101"}, {"TableName", "tb_example"},
                                                                       {"SnapshotName", "s"},
                                                                       {"SnapshotTime", "2026-11-28 11:00:00"},
                                                                       {"SnapshotDeadTime", "2026-12-28 11:00:00"}}}}});
    const auto clusters = ok("DescribeClusters", {{"ClusterIds", json::array{"5674209986"}}});
    EXPECT_EQ(number(clusters.at("TotalCount")), 1);
    const auto named_groups = ok("DescribeTableGroups", {{"ClusterId", "5674209986"}});
    EXPECT_EQ(named_groups.at("TableGroups").at(0).at("TableGroupId"), "101");
    const auto tables = ok("DescribeTables", {{"ClusterId", "5674209986"}});
    ASSERT_EQ(number(tables.at("TotalCount")), 1);
    EXPECT_EQ(tables.at("TableInfos").at(0).at("TableName"), "tb_example");
    // Its instance id is stable: the same on every read.
    EXPECT_EQ(ok("DescribeTables", {{"ClusterId", "5674209986"}}).at("TableInfos").at(0).at("TableInstanceId"),
              tables.at("TableInfos").at(0).at("TableInstanceId"));
}

TEST_F(GroupTagTaskTest, TasksOfAClusterOfAnotherRegionAreNotShown) {
    create_table_group(cluster_, "1");
    const auto task = ok("DeleteTableGroup", {{"ClusterId", cluster_}, {"TableGroupId", "1"}}).at("TaskId");
    EXPECT_EQ(number(ok("DescribeTasks", {{"TaskIds", json::array{task}}}).at("TotalCount")), 1);
    EXPECT_EQ(number(ok("DescribeTasks", {{"TaskIds", json::array{task}}}, "ap-shanghai").at("TotalCount")), 0);
    EXPECT_EQ(number(ok("DescribeTasks", {{"ClusterIds", json::array{cluster_.c_str()}}}, "ap-shanghai").at("TotalCount")), 0);
    EXPECT_EQ(number(ok("DescribeTasks", {}, "ap-shanghai").at("TotalCount")), 0);
}

class DeclaredResourcesTest : public ResourceFixture {
protected:
    DeclaredResourcesTest() : ResourceFixture(declaring()) {}
    static Config declaring() {
        auto config = unsigned_config();
        config.resources.clusters = {{"18685341856", {{"1", {"cl_generic"}}, {"2", {}}}}};
        return config;
    }
};

TEST_F(DeclaredResourcesTest, WhatTheConfigurationDeclaresCannotBeDeleted) {
    const json::array table{json::object{{"TableGroupId", "1"}, {"TableName", "cl_generic"}}};
    const auto deleted = ok("DeleteTables", {{"ClusterId", "18685341856"}, {"SelectedTables", table}});
    EXPECT_EQ(deleted.at("TableResults").at(0).at("Error").at("Code"), "FailedOperation");
    EXPECT_EQ(number(ok("DescribeTables", {{"ClusterId", "18685341856"}}).at("TotalCount")), 1);
    EXPECT_EQ(error_of("DeleteTableGroup", {{"ClusterId", "18685341856"}, {"TableGroupId", "2"}}), "FailedOperation");
    EXPECT_EQ(error_of("DeleteCluster", {{"ClusterId", "18685341856"}}), "ResourceInUse");
    // What the API adds beside them may go.
    create_table_group("18685341856", "3");
    EXPECT_EQ(error_of("DeleteTableGroup", {{"ClusterId", "18685341856"}, {"TableGroupId", "3"}}), "");
}

class StrictModeTest : public ResourceFixture {
protected:
    StrictModeTest() : ResourceFixture(strict()) {}
    static Config strict() {
        auto config = unsigned_config();
        config.resources.mode = ResourcesMode::strict;
        return config;
    }
};

TEST_F(StrictModeTest, SnapshotsNeedTablesThatExist) {
    const auto snapshot = [&](const std::string& cluster) {
        return request("CreateSnapshots",
                       {{"ClusterId", cluster},
                        {"SelectedTables", json::array{json::object{{"TableGroupId", "1"}, {"TableName", "tb_example"},
                                                                    {"SnapshotName", "s"},
                                                                    {"SnapshotTime", "2026-11-28 11:00:00"},
                                                                    {"SnapshotDeadTime", "2026-12-28 11:00:00"}}}}});
    };
    EXPECT_EQ(snapshot("5674209986").at("Error").at("Code"), "ResourceNotFound");
    const auto cluster = create_cluster();
    create_table_group(cluster, "1");
    const auto missing = snapshot(cluster);
    EXPECT_EQ(missing.at("TableResults").at(0).at("Error").at("Code"), "ResourceNotFound") << json::serialize(missing);
    create_table(cluster, upload_idl(cluster, proto_table_idl()), "1");
    const auto made = snapshot(cluster);
    EXPECT_EQ(made.at("TableResults").at(0).at("Error").at("Code"), "") << json::serialize(made);
}

}  // namespace
}  // namespace tcaplus_mock::testing
