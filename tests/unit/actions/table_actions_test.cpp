// The table actions (server/actions/tables/): tables created from stored files, listed, changed,
// deleted through the recycle bin and recovered, each change a task.
#include "tests/support/resource_fixture.hpp"
#include "tests/unit/idl/idl_examples.hpp"

#include <regex>

namespace tcaplus_mock::testing {
namespace {

namespace examples = idl::examples;

json::object selected(const char* group, const char* name) { return {{"TableGroupId", group}, {"TableName", name}}; }

class TableActionsTest : public ResourceFixture {
protected:
    TableActionsTest() {
        cluster_ = create_cluster();
        create_table_group(cluster_, "1", "first");
        create_table_group(cluster_, "2", "second");
        file_ = upload_idl(cluster_, std::string(examples::verify_example_proto), "tb_example");
    }

    json::object tables_of(const json::object& extra = {}, const char* action = "DescribeTables") {
        json::object params{{"ClusterId", cluster_}};
        for (const auto& [key, value] : extra) params[key] = value;
        return ok(action, params);
    }

    json::object change(const char* action, const char* list, std::initializer_list<json::object> items) {
        return ok(action, {{"ClusterId", cluster_}, {list, json::array(items.begin(), items.end())}});
    }

    std::string cluster_;
    json::object file_;
};

TEST_F(TableActionsTest, CreatedTablesAreListedWithTheirSchemaAndFile) {
    const auto created = create_table(cluster_, file_, "1");
    const std::string id(created.at("TableInstanceId").as_string());
    EXPECT_TRUE(std::regex_match(id, std::regex("tcaplus-[0-9a-z]{8}"))) << id;
    EXPECT_TRUE(std::regex_match(std::string(created.at("TaskId").as_string()), std::regex(cluster_ + "-[0-9]+")));
    EXPECT_EQ(created.at("TableType"), "GENERIC");
    EXPECT_EQ(created.at("TableIdlType"), "PROTO");
    const auto listed = tables_of();
    ASSERT_EQ(number(listed.at("TotalCount")), 1);
    const auto& table = listed.at("TableInfos").at(0).as_object();
    EXPECT_EQ(table.at("TableInstanceId"), id.c_str());
    EXPECT_EQ(table.at("ClusterId"), cluster_.c_str());
    EXPECT_EQ(table.at("TableGroupName"), "first");
    EXPECT_EQ(table.at("Status"), "RUNNING");
    EXPECT_EQ(table.at("ListElementNum"), 1);
    EXPECT_TRUE(table.at("Error").is_null());
    EXPECT_NE(std::string(table.at("KeyStruct").as_string()).find("\"uin\""), std::string::npos);
    EXPECT_EQ(table.at("IdlFiles").at(0).at("FileId"), file_.at("FileId"));
    EXPECT_EQ(table.at("CreatedTime"), "2026-11-28 12:00:00");
    // The group counts it.
    const auto group = ok("DescribeTableGroups", {{"ClusterId", cluster_}, {"TableGroupIds", json::array{"1"}}});
    EXPECT_EQ(group.at("TableGroups").at(0).at("TableCount"), 1);
}

TEST_F(TableActionsTest, EachItemFailsAloneWithItsReason) {
    create_table(cluster_, file_, "1");
    auto wrong_type = selected("2", "tb_example");
    wrong_type["TableType"] = "LIST";
    const auto answer = ok("CreateTables", {{"ClusterId", cluster_},
                                            {"IdlFiles", file_ref(file_)},
                                            {"SelectedTables", json::array{selected("1", "tb_example"), selected("9", "tb_example"),
                                                                           selected("2", "nowhere"), wrong_type,
                                                                           selected("2", "tb_example")}}});
    EXPECT_EQ(number(answer.at("TotalCount")), 5);
    const auto& results = answer.at("TableResults").as_array();
    EXPECT_EQ(results.at(0).at("Error").at("Code"), "FailedOperation");  // already there
    EXPECT_EQ(results.at(1).at("Error").at("Code"), "ResourceNotFound");  // no group 9
    EXPECT_EQ(results.at(2).at("Error").at("Code"), "InvalidParameterValue");  // not in the file
    EXPECT_EQ(results.at(3).at("Error").at("Code"), "InvalidParameterValue");  // GENERIC, not LIST
    EXPECT_TRUE(results.at(4).at("Error").is_null());
    EXPECT_TRUE(results.at(0).at("TaskId").is_null());
    EXPECT_EQ(number(tables_of().at("TotalCount")), 2);
}

TEST_F(TableActionsTest, ListsFilterByValueOrValuesAndPage) {
    for (const char* group : {"1", "2"}) create_table(cluster_, file_, group);
    const auto second = upload_idl(cluster_, examples::terraform_proto.data(), "idle");
    create_table(cluster_, second, "1", "tb_idle_test");
    const auto all = tables_of();
    ASSERT_EQ(number(all.at("TotalCount")), 3);
    // Group 1 by name, then group 2.
    EXPECT_EQ(all.at("TableInfos").at(0).at("TableName"), "tb_example");
    EXPECT_EQ(all.at("TableInfos").at(1).at("TableName"), "tb_idle_test");
    EXPECT_EQ(all.at("TableInfos").at(2).at("TableGroupId"), "2");
    const auto id = all.at("TableInfos").at(1).at("TableInstanceId");
    const auto by_value = tables_of({{"Filters", json::array{json::object{{"Name", "TableInstanceId"}, {"Value", id}}}}});
    ASSERT_EQ(number(by_value.at("TotalCount")), 1);
    EXPECT_EQ(by_value.at("TableInfos").at(0).at("TableName"), "tb_idle_test");
    const auto by_values =
        tables_of({{"Filters", json::array{json::object{{"Name", "TableName"}, {"Values", json::array{"tb_example"}}}}}});
    EXPECT_EQ(number(by_values.at("TotalCount")), 2);
    EXPECT_EQ(number(tables_of({{"TableGroupIds", json::array{"2"}}}).at("TotalCount")), 1);
    const auto page = tables_of({{"Offset", 2}, {"Limit", 5}});
    EXPECT_EQ(number(page.at("TotalCount")), 3);
    EXPECT_EQ(page.at("TableInfos").as_array().size(), 1u);
    // Without a ClusterId: every cluster the region sees.
    EXPECT_EQ(number(ok("DescribeTables", {}).at("TotalCount")), 3);
    EXPECT_EQ(number(ok("DescribeTables", {}, "ap-shanghai").at("TotalCount")), 0);
}

TEST_F(TableActionsTest, DeleteGoesThroughTheRecycleBin) {
    const auto created = create_table(cluster_, file_, "1");
    auto item = selected("1", "tb_example");
    item["TableInstanceId"] = created.at("TableInstanceId");
    const auto first = change("DeleteTables", "SelectedTables", {item});
    EXPECT_TRUE(first.at("TableResults").at(0).at("Error").is_null());
    EXPECT_EQ(number(tables_of().at("TotalCount")), 0);
    const auto recycled = tables_of({}, "DescribeTablesInRecycle");
    ASSERT_EQ(number(recycled.at("TotalCount")), 1);
    EXPECT_EQ(recycled.at("TableInfos").at(0).at("Status"), "RECYCLING");
    // A table in the bin keeps its name taken, its group in use, and cannot be changed.
    EXPECT_EQ(change("ModifyTableMemos", "TableMemos", {item}).at("TableResults").at(0).at("Error").at("Code"),
              "FailedOperation");
    EXPECT_EQ(error_of("DeleteTableGroup", {{"ClusterId", cluster_}, {"TableGroupId", "1"}}), "ResourceInUse");
    // Recovered, it runs again.
    EXPECT_TRUE(change("RecoverRecycleTables", "SelectedTables", {item}).at("TableResults").at(0).at("Error").is_null());
    EXPECT_EQ(number(tables_of().at("TotalCount")), 1);
    EXPECT_EQ(change("RecoverRecycleTables", "SelectedTables", {item}).at("TableResults").at(0).at("Error").at("Code"),
              "FailedOperation");
    // Twice deleted, it is gone for good, and its group may go.
    change("DeleteTables", "SelectedTables", {item});
    const auto second = change("DeleteTables", "SelectedTables", {item});
    EXPECT_TRUE(second.at("TableResults").at(0).at("Error").is_null());
    EXPECT_EQ(number(tables_of({}, "DescribeTablesInRecycle").at("TotalCount")), 0);
    EXPECT_EQ(change("DeleteTables", "SelectedTables", {item}).at("TableResults").at(0).at("Error").at("Code"),
              "ResourceNotFound");
    EXPECT_EQ(error_of("DeleteTableGroup", {{"ClusterId", cluster_}, {"TableGroupId", "1"}}), "");
}

TEST_F(TableActionsTest, AnInstanceIdThatIsNotTheTablesIsNotFound) {
    create_table(cluster_, file_, "1");
    auto item = selected("1", "tb_example");
    item["TableInstanceId"] = "tcaplus-00000000";
    EXPECT_EQ(change("ClearTables", "SelectedTables", {item}).at("TableResults").at(0).at("Error").at("Code"),
              "ResourceNotFound");
}

TEST_F(TableActionsTest, MemosQuotasAndClearDoWhatTheySay) {
    create_table(cluster_, file_, "1");
    auto memo = selected("1", "tb_example");
    memo["Memo"] = "pb测试表1xx";
    EXPECT_TRUE(change("ModifyTableMemos", "TableMemos", {memo}).at("TableResults").at(0).at("Error").is_null());
    auto quota = selected("1", "tb_example");
    quota["ReservedVolume"] = 2;
    quota["ReservedReadQps"] = 240;
    quota["ReservedWriteQps"] = 78;
    const auto quotas = change("ModifyTableQuotas", "TableQuotas", {quota}).at("TableResults").at(0).as_object();
    EXPECT_TRUE(quotas.at("TaskId").is_null());
    ASSERT_EQ(quotas.at("TaskIds").as_array().size(), 2u);
    const auto tasks = ok("DescribeTasks", {{"ClusterIds", json::array{cluster_.c_str()}}, {"TaskIds", quotas.at("TaskIds")}});
    ASSERT_EQ(number(tasks.at("TotalCount")), 2);
    bool storage_layer = false;
    for (const auto& task : tasks.at("TaskInfos").as_array())
        storage_layer |= std::string(task.at("Content").as_string()).find("Storage Layer Expand: volume[0 -> 2]") != std::string::npos;
    EXPECT_TRUE(storage_layer) << json::serialize(tasks);
    EXPECT_TRUE(change("ClearTables", "SelectedTables", {selected("1", "tb_example")}).at("TableResults").at(0).at("Error").is_null());
    const auto table = tables_of().at("TableInfos").at(0).as_object();
    EXPECT_EQ(table.at("Memo"), "pb测试表1xx");
    EXPECT_EQ(table.at("ReservedVolume"), 2);
    EXPECT_EQ(table.at("ReservedReadQps"), 240);
    EXPECT_EQ(table.at("TableSize"), 0);
    EXPECT_EQ(table.at("UpdatedTime"), "");  // the clock stands still: not updated after creation
}

TEST_F(TableActionsTest, ModifyTablesAppliesANewFileUnderTheSchemaRules) {
    create_table(cluster_, file_, "1");
    const auto v2 = upload_idl(cluster_, std::string(examples::modify_example_proto), "v2");
    auto item = selected("1", "tb_example");
    item["TableIdlType"] = "PROTO";
    const auto answer = ok("ModifyTables", {{"ClusterId", cluster_}, {"IdlFiles", file_ref(v2)}, {"SelectedTables", json::array{item}}});
    EXPECT_TRUE(answer.at("TableResults").at(0).at("Error").is_null()) << json::serialize(answer);
    const auto table = tables_of().at("TableInfos").at(0).as_object();
    EXPECT_NE(std::string(table.at("ValueStruct").as_string()).find("add_v1"), std::string::npos);
    EXPECT_EQ(table.at("IdlFiles").at(0).at("FileId"), v2.at("FileId"));
    // Now the first file would drop nothing but a key change is refused.
    std::string retyped(examples::modify_example_proto);
    retyped.replace(retyped.find("string name"), 11, "bytes name");
    const auto v3 = upload_idl(cluster_, retyped, "v3");
    const auto refused = ok("ModifyTables", {{"ClusterId", cluster_}, {"IdlFiles", file_ref(v3)}, {"SelectedTables", json::array{item}}});
    EXPECT_EQ(refused.at("TableResults").at(0).at("Error").at("Code"), "FailedOperation");
    // A PROTO table cannot become a TDR one.
    const auto mixed = std::string(ok("CreateCluster", {{"IdlType", "MIX"}, {"ClusterName", "mix"}, {"VpcId", "v"},
                                                        {"SubnetId", "s"}, {"Password", "Passw0rd"}})
                                       .at("ClusterId").as_string());
    create_table_group(mixed, "1");
    const auto proto = upload_idl(mixed, "syntax = \"proto2\"; import \"tcaplusservice.optionv1.proto\";\n"
                                         "message user_info { option(tcaplusservice.tcaplus_primary_key) = \"id\";"
                                         " required string id = 1; optional int32 age = 2; }\n");
    create_table(mixed, proto, "1", "user_info");
    const auto tdr = ok("VerifyIdlFiles", {{"ClusterId", mixed},
                                           {"NewIdlFiles", json::array{json::object{
                                                               {"FileName", "user"}, {"FileType", "TDR"}, {"FileExtType", "xml"},
                                                               {"FileSize", examples::terraform_tdr.size()},
                                                               {"FileContent", examples::terraform_tdr}}}}})
                         .at("IdlFiles").at(0).as_object();
    const auto to_tdr = ok("ModifyTables", {{"ClusterId", mixed}, {"IdlFiles", file_ref(tdr)},
                                            {"SelectedTables", json::array{selected("1", "user_info")}}});
    EXPECT_EQ(to_tdr.at("TableResults").at(0).at("Error").at("Code"), "FailedOperation") << json::serialize(to_tdr);
    // The table uses v2 now: the first file may go.
    const auto deleted = ok("DeleteIdlFiles", {{"ClusterId", cluster_}, {"IdlFiles", file_ref(file_)}});
    EXPECT_TRUE(deleted.at("IdlFileInfos").at(0).at("Error").is_null());
}

TEST_F(TableActionsTest, ATableDeletedForGoodTakesItsSnapshots) {
    create_table(cluster_, file_, "1");
    ok("CreateSnapshots", {{"ClusterId", cluster_},
                           {"SelectedTables", json::array{json::object{{"TableGroupId", "1"}, {"TableName", "tb_example"},
                                                                       {"SnapshotName", "s"},
                                                                       {"SnapshotTime", "2026-11-28 11:00:00"},
                                                                       {"SnapshotDeadTime", "2026-12-28 11:00:00"}}}}});
    change("DeleteTables", "SelectedTables", {selected("1", "tb_example")});
    EXPECT_EQ(number(ok("DescribeSnapshots", {{"ClusterId", cluster_}}).at("TotalCount")), 1);
    change("DeleteTables", "SelectedTables", {selected("1", "tb_example")});
    EXPECT_EQ(number(ok("DescribeSnapshots", {{"ClusterId", cluster_}}).at("TotalCount")), 0);
    // The snapshot's task is still findable.
    const auto tasks = ok("DescribeTasks", {{"ClusterIds", json::array{cluster_.c_str()}},
                                            {"Filters", json::array{json::object{{"Name", "TaskType"}, {"Value", "CreateSnapshots"}}}}});
    EXPECT_EQ(number(tasks.at("TotalCount")), 1);
}

TEST_F(TableActionsTest, AnItemFaultFailsTheItemsOfItsTable) {
    const auto added = call("POST", "/_mock/faults",
                            R"({"action": "ModifyTableQuotas", "table": "tb_example", "times": 1,)"
                            R"( "effect": {"type": "item_error", "code": "InternalError"}})");
    ASSERT_EQ(added.http.status, 200u) << added.http.body;
    create_table(cluster_, file_, "1");
    create_table(cluster_, file_, "2");
    const auto answer = change("ModifyTableQuotas", "TableQuotas", {selected("1", "tb_example"), selected("2", "tb_example")});
    EXPECT_EQ(answer.at("TableResults").at(0).at("Error").at("Code"), "InternalError");
    EXPECT_EQ(answer.at("TableResults").at(1).at("Error").at("Code"), "InternalError");
    const auto next = change("ModifyTableQuotas", "TableQuotas", {selected("1", "tb_example")});
    EXPECT_TRUE(next.at("TableResults").at(0).at("Error").is_null());
}

// An action without per-table answers cannot fail one item: an item_error rule fails the request.
TEST_F(TableActionsTest, AnItemFaultOnAnActionWithoutItemsFailsTheRequest) {
    const auto added = call("POST", "/_mock/faults",
                            R"({"action": "DescribeTableGroups", "times": 1,)"
                            R"( "effect": {"type": "item_error", "code": "InternalError"}})");
    ASSERT_EQ(added.http.status, 200u) << added.http.body;
    EXPECT_EQ(error_of("DescribeTableGroups", {{"ClusterId", cluster_}}), "InternalError");
    EXPECT_EQ(number(ok("DescribeTableGroups", {{"ClusterId", cluster_}}).at("TotalCount")), 2);
}

TEST_F(TableActionsTest, TablesAreTaggedAtCreationAndByTheTagActions) {
    const auto created = ok("CreateTables", {{"ClusterId", cluster_},
                                             {"IdlFiles", file_ref(file_)},
                                             {"SelectedTables", json::array{selected("1", "tb_example")}},
                                             {"ResourceTags", json::array{json::object{{"TagKey", "env"}, {"TagValue", "ci"}}}}});
    ASSERT_TRUE(created.at("TableResults").at(0).at("Error").is_null());
    const auto modified = change("ModifyTableTags", "SelectedTables", {selected("1", "tb_example")});
    EXPECT_TRUE(modified.at("TableResults").at(0).at("Error").is_null());
    ok("ModifyTableTags", {{"ClusterId", cluster_},
                           {"SelectedTables", json::array{selected("1", "tb_example")}},
                           {"ReplaceTags", json::array{json::object{{"TagKey", "team"}, {"TagValue", "db"}}}},
                           {"DeleteTags", json::array{json::object{{"TagKey", "env"}}}}});
    const auto tags = ok("DescribeTableTags", {{"ClusterId", cluster_},
                                               {"SelectedTables", json::array{selected("1", "tb_example"), selected("1", "none")}}});
    EXPECT_EQ(number(tags.at("TotalCount")), 2);
    const auto& row = tags.at("Rows").at(0).as_object();
    EXPECT_EQ(row.at("TableInstanceId"), created.at("TableResults").at(0).at("TableInstanceId"));
    ASSERT_EQ(row.at("Tags").as_array().size(), 1u);
    EXPECT_EQ(row.at("Tags").at(0).at("TagKey"), "team");
    EXPECT_TRUE(row.at("Error").is_null());
    EXPECT_EQ(tags.at("Rows").at(1).at("Error").at("Code"), "ResourceNotFound");
}

}  // namespace
}  // namespace tcaplus_mock::testing
