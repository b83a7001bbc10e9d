// The approval, backup, REST proxy, index, data flow and merge actions (server/actions/approvals/,
// backups/, clusters/rest_proxy.cpp, tables/table_index.cpp, table_data_flow.cpp, merge_tables_data.cpp).
#include "tests/support/resource_fixture.hpp"

namespace tcaplus_mock::testing {
namespace {

json::object selected(const char* group, const char* name) { return {{"TableGroupId", group}, {"TableName", name}}; }

class RemainingActionsTest : public ResourceFixture {
protected:
    RemainingActionsTest() { make_world(); }

    // A cluster with table group 1 holding table tb_example of a stored file.
    void make_world() {
        cluster_ = create_cluster();
        create_table_group(cluster_, "1");
        file_ = upload_idl(cluster_, proto_table_idl());
        instance_ = std::string(create_table(cluster_, file_, "1").at("TableInstanceId").as_string());
    }

    json::object cluster_info() {
        return ok("DescribeClusters", {{"ClusterIds", json::array{cluster_.c_str()}}}).at("Clusters").at(0).as_object();
    }

    json::object table_info() {
        return ok("DescribeTables", {{"ClusterId", cluster_}}).at("TableInfos").at(0).as_object();
    }

    json::object applications(const json::object& extra = {}) {
        json::object params{{"ClusterId", cluster_}};
        for (const auto& [key, value] : extra) params[key] = value;
        return ok("DescribeApplications", params);
    }

    json::object decide(const json::value& application_id, std::int64_t type, std::int64_t status) {
        return ok("UpdateApply", {{"ApplyStatus", json::array{json::object{{"ApplicationId", application_id},
                                                                           {"ApplicationStatus", status},
                                                                           {"ApplicationType", type},
                                                                           {"ClusterId", cluster_}}}}});
    }

    std::string cluster_;
    json::object file_;
    std::string instance_;
};

TEST_F(RemainingActionsTest, UnderApprovalAMutatingActionFilesAnApplication) {
    const auto censored = ok("ModifyCensorship", {{"ClusterId", cluster_}, {"Censorship", 1}, {"Uins", json::array{"100001"}}});
    EXPECT_EQ(censored.at("Censorship"), 1);
    EXPECT_EQ(censored.at("Uins").at(0), "100001");
    EXPECT_EQ(cluster_info().at("DbaUins").at(0), "100001");

    const auto created = ok("CreateTables", {{"ClusterId", cluster_}, {"IdlFiles", file_ref(file_)},
                                             {"SelectedTables", json::array{selected("1", "tb_other")}}});
    // (tb_other is not in the file: the application is filed anyway, and fails when approved)
    const auto& result = created.at("TableResults").at(0).as_object();
    EXPECT_TRUE(result.at("TaskId").is_null());
    const auto application = result.at("ApplicationId");
    EXPECT_EQ(std::string(application.as_string()).rfind(cluster_ + "-", 0), 0u);
    EXPECT_EQ(number(ok("DescribeTables", {{"ClusterId", cluster_}}).at("TotalCount")), 1);  // nothing created yet

    const auto listed = applications({{"CensorStatus", 0}});
    ASSERT_EQ(number(listed.at("TotalCount")), 1);
    const auto& entry = listed.at("Applications").at(0).as_object();
    EXPECT_EQ(entry.at("ApplicationId"), application);
    EXPECT_EQ(entry.at("ApplicationType"), 0);
    EXPECT_EQ(entry.at("TaskId"), "0");
    EXPECT_EQ(entry.at("CanCensor"), true);

    // A clear of the existing table, approved: its task starts.
    const auto cleared = ok("ClearTables", {{"ClusterId", cluster_}, {"SelectedTables", json::array{selected("1", "tb_example")}}});
    const auto clear_application = cleared.at("TableResults").at(0).at("ApplicationId");
    const auto approved = decide(clear_application, 2, 1);
    EXPECT_EQ(number(approved.at("TotalCount")), 1);
    const auto& applied = approved.at("ApplyResults").at(0).as_object();
    EXPECT_TRUE(applied.at("Error").is_null()) << json::serialize(applied);
    const auto task = applied.at("TaskId");
    const auto tasks = ok("DescribeTasks", {{"ClusterIds", json::array{cluster_.c_str()}}, {"TaskIds", json::array{task}}});
    ASSERT_EQ(number(tasks.at("TotalCount")), 1);
    EXPECT_EQ(tasks.at("TaskInfos").at(0).at("TaskType"), "ClearTables");
    EXPECT_EQ(applications({{"ApplyType", 2}}).at("Applications").at(0).at("TaskId"), task);

    // Processed once, never again.
    const auto again = decide(clear_application, 2, 2);
    EXPECT_EQ(number(again.at("TotalCount")), 0);
    EXPECT_EQ(again.at("ApplyResults").at(0).at("Error").at("Code"), "OperationDenied");
    EXPECT_EQ(again.at("ApplyResults").at(0).at("Error").at("Message"), "Application has been processed.");

    // The create is rejected; a withdrawn one stays withdrawn.
    EXPECT_TRUE(decide(application, 0, 2).at("ApplyResults").at(0).at("Error").is_null());
    EXPECT_EQ(applications({{"CensorStatus", 2}}).at("Applications").at(0).at("ApplicationId"), application);
    const auto quota = ok("ModifyTableQuotas", {{"ClusterId", cluster_}, {"TableQuotas", json::array{selected("1", "tb_example")}}});
    const auto quota_application = quota.at("TableResults").at(0).at("ApplicationId");
    EXPECT_EQ(decide(quota_application, 3, -1).at("ApplyResults").at(0).at("Error").at("Code"), "InvalidParameterValue");
    EXPECT_TRUE(decide(quota_application, 5, -1).at("ApplyResults").at(0).at("Error").is_null());
    EXPECT_EQ(applications({{"CensorStatus", -1}}).at("TotalCount"), 1);
    EXPECT_EQ(decide(json::value(cluster_ + "-999"), 5, 1).at("ApplyResults").at(0).at("Error").at("Code"),
              "ResourceNotFound");

    // Approval off: actions run at once again.
    ok("ModifyCensorship", {{"ClusterId", cluster_}, {"Censorship", 0}});
    EXPECT_FALSE(ok("ClearTables", {{"ClusterId", cluster_}, {"SelectedTables", json::array{selected("1", "tb_example")}}})
                     .at("TableResults").at(0).at("TaskId").is_null());
}

TEST_F(RemainingActionsTest, AnApprovedActionThatFailsAnswersItsError) {
    ok("ModifyCensorship", {{"ClusterId", cluster_}, {"Censorship", 1}});
    const auto created = ok("CreateTables", {{"ClusterId", cluster_}, {"IdlFiles", file_ref(file_)},
                                             {"SelectedTables", json::array{selected("1", "tb_example")}}});
    const auto applied = decide(created.at("TableResults").at(0).at("ApplicationId"), 0, 1).at("ApplyResults").at(0);
    EXPECT_EQ(applied.at("Error").at("Code"), "FailedOperation");  // the table is there already
}

TEST_F(RemainingActionsTest, BackupsAreListedAtThreeLevelsAndExpire) {
    config_.tasks.duration = std::chrono::seconds(10);
    rebuild();
    make_world();
    create_table_group(cluster_, "2");
    create_table(cluster_, file_, "2");
    const auto backup = ok("CreateBackup", {{"ClusterId", cluster_}, {"Remark", "before change"},
                                            {"SelectedTables", json::array{selected("1", "tb_example"), selected("2", "tb_example")}}});
    EXPECT_EQ(backup.at("TaskIds").as_array().size(), 2u);
    EXPECT_TRUE(backup.at("ApplicationIds").as_array().empty());
    const auto records = [&](const char* group, const char* table) {
        return ok("DescribeBackupRecords", {{"ClusterId", cluster_}, {"TableGroupId", group}, {"TableName", table}});
    };
    EXPECT_EQ(number(records("-1", "-1").at("TotalCount")), 0);  // their tasks are running
    clock().advance(std::chrono::seconds(10));
    EXPECT_EQ(number(records("-1", "-1").at("TotalCount")), 2);
    EXPECT_EQ(number(records("2", "-1").at("TotalCount")), 1);
    const auto one = records("1", "tb_example");
    ASSERT_EQ(number(one.at("TotalCount")), 1);
    const auto record = one.at("BackupRecords").at(0).as_object();
    EXPECT_EQ(record.at("FileTag"), "OSDATA");
    EXPECT_EQ(record.at("ZoneId"), 1);
    EXPECT_EQ(record.at("BackupExpireTime"), "2026-12-05 12:00:00");  // 7 days

    // A table rule of 1 day: that record expires a day after its batch, the other lives on.
    ok("SetBackupExpireRule", {{"ClusterId", cluster_}, {"BackupExpireRules", json::array{json::object{
                                   {"TableGroupId", "1"}, {"TableName", "tb_example"}, {"FileTag", 0},
                                   {"ExpireDay", 1}, {"OperType", 0}}}}});
    EXPECT_EQ(table_info().at("TxhBackupExpireDay"), 1);
    clock().advance(std::chrono::hours(24));
    EXPECT_EQ(number(records("-1", "-1").at("TotalCount")), 1);
    // The cluster's and the logs' rules show in ClusterInfo.
    ok("SetBackupExpireRule", {{"ClusterId", cluster_}, {"BackupExpireRules", json::array{
                                   json::object{{"TableGroupId", "-1"}, {"TableName", "-1"}, {"FileTag", 0}, {"ExpireDay", 30}, {"OperType", 2}},
                                   json::object{{"TableGroupId", "-1"}, {"TableName", "-1"}, {"FileTag", 1}, {"ExpireDay", 3}, {"OperType", 0}}}}});
    EXPECT_EQ(cluster_info().at("TxhBackupExpireDay"), 30);
    EXPECT_EQ(cluster_info().at("UlogBackupExpireDay"), 3);
    EXPECT_EQ(error_of("SetBackupExpireRule", {{"ClusterId", cluster_}, {"BackupExpireRules", json::array{json::object{
                                                   {"TableGroupId", "1"}, {"TableName", "-1"}, {"FileTag", 1},
                                                   {"ExpireDay", 3}, {"OperType", 0}}}}}),
              "InvalidParameterValue");
    EXPECT_EQ(error_of("SetBackupExpireRule", {{"ClusterId", cluster_}, {"BackupExpireRules", json::array{json::object{
                                                   {"TableGroupId", "-1"}, {"TableName", "-1"}, {"FileTag", 0},
                                                   {"ExpireDay", 999}, {"OperType", 0}}}}}),
              "InvalidParameterValue");

    // The listed record, passed back, is deleted.
    const auto left = records("-1", "-1").at("BackupRecords").at(0).as_object();
    EXPECT_FALSE(ok("DeleteBackupRecords", {{"ClusterId", cluster_}, {"BackupRecords", json::array{left}}}).at("TaskId").is_null());
    EXPECT_EQ(number(records("-1", "-1").at("TotalCount")), 0);
    EXPECT_EQ(error_of("DeleteBackupRecords", {{"ClusterId", cluster_}, {"BackupRecords", json::array{left}}}), "ResourceNotFound");
    auto automatic = left;
    automatic["FileTag"] = "TCAPLUS_FULL";
    EXPECT_EQ(error_of("DeleteBackupRecords", {{"ClusterId", cluster_}, {"BackupRecords", json::array{automatic}}}),
              "InvalidParameterValue");
    EXPECT_EQ(error_of("CreateBackup", {{"ClusterId", cluster_}, {"SelectedTables", json::array{selected("9", "x")}}}),
              "ResourceNotFound");
}

TEST_F(RemainingActionsTest, TheRestProxyMovesThroughItsStatuses) {
    config_.tasks.duration = std::chrono::seconds(10);
    rebuild();
    make_world();
    EXPECT_EQ(cluster_info().at("RestProxyStatus"), 0);
    EXPECT_EQ(error_of("DisableRestProxy", {{"ClusterId", cluster_}}), "FailedOperation");
    const auto enabled = ok("EnableRestProxy", {{"ClusterId", cluster_}});
    EXPECT_EQ(enabled.at("RestProxyStatus"), 1);
    EXPECT_EQ(cluster_info().at("RestProxyStatus"), 1);
    EXPECT_EQ(error_of("EnableRestProxy", {{"ClusterId", cluster_}}), "FailedOperation");
    clock().advance(std::chrono::seconds(10));
    EXPECT_EQ(cluster_info().at("RestProxyStatus"), 2);
    EXPECT_EQ(ok("DisableRestProxy", {{"ClusterId", cluster_}}).at("RestProxyStatus"), 3);
    EXPECT_EQ(cluster_info().at("RestProxyStatus"), 3);
    clock().advance(std::chrono::seconds(10));
    EXPECT_EQ(cluster_info().at("RestProxyStatus"), 0);
}

TEST_F(RemainingActionsTest, IndexesAndDataFlowsNameFieldsOfTheTable) {
    const auto with_fields = [](std::initializer_list<const char*> names) {
        auto item = selected("1", "tb_example");
        json::array fields;
        for (const char* name : names) fields.push_back(json::object{{"FieldName", name}, {"IsPrimaryKey", "No"}});
        item["SelectedFields"] = fields;
        return item;
    };
    auto index = with_fields({"uin", "gamesvrid"});
    index["ShardNum"] = 4;
    EXPECT_TRUE(ok("SetTableIndex", {{"ClusterId", cluster_}, {"SelectedTables", json::array{index}}})
                    .at("TableResults").at(0).at("Error").is_null());
    const auto table = table_info();
    EXPECT_EQ(table.at("ShardNum"), 4);
    EXPECT_NE(std::string(table.at("IndexStruct").as_string()).find("\"GlobalIndex\""), std::string::npos);
    EXPECT_EQ(ok("SetTableIndex", {{"ClusterId", cluster_}, {"SelectedTables", json::array{with_fields({"nothing"})}}})
                  .at("TableResults").at(0).at("Error").at("Code"),
              "InvalidParameterValue");
    const json::array plain{selected("1", "tb_example")};
    EXPECT_TRUE(ok("DeleteTableIndex", {{"ClusterId", cluster_}, {"SelectedTables", plain}}).at("TableResults").at(0).at("Error").is_null());
    EXPECT_EQ(table_info().at("ShardNum"), 0);
    EXPECT_EQ(ok("DeleteTableIndex", {{"ClusterId", cluster_}, {"SelectedTables", plain}}).at("TableResults").at(0).at("Error").at("Code"),
              "FailedOperation");

    auto flow = with_fields({"uin", "logintime"});
    flow["KafkaInfo"] = json::object{{"Address", "10.0.0.1:9092"}, {"Topic", "changes"}};
    EXPECT_TRUE(ok("SetTableDataFlow", {{"ClusterId", cluster_}, {"SelectedTables", json::array{flow}}})
                    .at("TableResults").at(0).at("Error").is_null());
    EXPECT_EQ(cluster_info().at("DataFlowStatus"), 1);
    EXPECT_EQ(cluster_info().at("KafkaInfo").at("Topic"), "changes");
    EXPECT_EQ(ok("SetTableDataFlow", {{"ClusterId", cluster_}, {"SelectedTables", json::array{with_fields({"uin"})}}})
                  .at("TableResults").at(0).at("Error").at("Code"),
              "MissingParameter");
    EXPECT_TRUE(ok("DeleteTableDataFlow", {{"ClusterId", cluster_}, {"SelectedTables", plain}}).at("TableResults").at(0).at("Error").is_null());
    EXPECT_EQ(cluster_info().at("DataFlowStatus"), 0);
}

TEST_F(RemainingActionsTest, MergeComparesSchemasThenMerges) {
    create_table_group(cluster_, "2");
    create_table(cluster_, file_, "2");
    const auto other = upload_idl(cluster_, proto_table_idl("tb_other").replace(proto_table_idl("tb_other").find("logintime"), 9, "lastlogin"));
    create_table(cluster_, other, "2", "tb_other");
    const auto merge = [&](const char* dst_table, bool only_compare) {
        return ok("MergeTablesData", {{"IsOnlyCompare", only_compare},
                                      {"SelectedTables", json::array{json::object{
                                                             {"CheckIndex", true},
                                                             {"MergeTables", json::object{{"SrcTableClusterId", cluster_},
                                                                                          {"SrcTableGroupId", "1"},
                                                                                          {"SrcTableName", "tb_example"},
                                                                                          {"DstTableClusterId", cluster_},
                                                                                          {"DstTableGroupId", "2"},
                                                                                          {"DstTableName", dst_table}}}}}}})
            .at("Results").at(0).as_object();
    };
    const auto compared = merge("tb_example", true);
    EXPECT_TRUE(compared.at("Error").is_null());
    EXPECT_TRUE(compared.at("TaskId").is_null());
    EXPECT_EQ(compared.at("Table").at("SrcTableInstanceId"), instance_.c_str());
    EXPECT_EQ(merge("tb_other", true).at("Error").at("Code"), "FailedOperation");
    const auto merged = merge("tb_example", false);
    EXPECT_FALSE(merged.at("TaskId").is_null());
    ok("ModifyCensorship", {{"ClusterId", cluster_}, {"Censorship", 1}});
    const auto filed = merge("tb_example", false);
    EXPECT_TRUE(filed.at("TaskId").is_null());
    EXPECT_EQ(applications({{"ApplyType", 7}}).at("Applications").at(0).at("ApplicationId"), filed.at("ApplicationId"));
}

TEST_F(RemainingActionsTest, AnImportUnderApprovalWaitsForItsApproval) {
    ok("CreateSnapshots", {{"ClusterId", cluster_},
                           {"SelectedTables", json::array{json::object{{"TableGroupId", "1"}, {"TableName", "tb_example"},
                                                                       {"SnapshotName", "s"},
                                                                       {"SnapshotTime", "2026-11-28 11:00:00"},
                                                                       {"SnapshotDeadTime", "2026-12-28 11:00:00"}}}}});
    ok("ModifyCensorship", {{"ClusterId", cluster_}, {"Censorship", 1}});
    const auto imported = ok("ImportSnapshots", {{"ClusterId", cluster_},
                                                 {"Snapshots", json::object{{"TableGroupId", "1"}, {"TableName", "tb_example"},
                                                                            {"SnapshotName", "s"},
                                                                            {"SnapshotTime", "2026-11-28 11:00:00"},
                                                                            {"SnapshotDeadTime", "2026-12-28 11:00:00"}}},
                                                 {"ImportSpecialKey", "FALSE"},
                                                 {"ImportOriginTable", "TRUE"}});
    EXPECT_TRUE(imported.at("TaskId").is_null());
    const auto applied = decide(imported.at("ApplicationId"), 8, 1).at("ApplyResults").at(0);
    EXPECT_TRUE(applied.at("Error").is_null()) << json::serialize(applied);
    EXPECT_FALSE(applied.at("TaskId").is_null());
}

}  // namespace
}  // namespace tcaplus_mock::testing
