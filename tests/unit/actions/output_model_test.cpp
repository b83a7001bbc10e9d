// Every response the handlers produce, success and per-item failure of every action, matches the
// action's output model in the spec: no field the spec does not name, every field of its type.

#include "tests/support/output_model.hpp"
#include "tests/support/resource_fixture.hpp"
#include "tests/unit/idl/idl_examples.hpp"

#include "server/actions/action_registry.hpp"

#include <set>

namespace tcaplus_mock::testing {
namespace {

TEST(OutputModel, ATypoOrAWrongTypeIsFound) {
    const auto good = json::parse(R"({"TotalCount": 1, "TableResults": [{"TableGroupId": "1", "SnapshotStatus": 1,
        "SnapshotTime": "2020-09-22 00:00:00", "Error": {"Code": "", "Message": ""}}], "RequestId": "r"})");
    EXPECT_TRUE(output_model_problems("CreateSnapshots", good.as_object()).empty());
    const char* bad[] = {
        R"({"TotalCount": 1, "TableResults": [{"SnapshotSatus": 1}]})",
        R"({"TotalCount": 1, "TableResults": [{"SnapshotSize": "12"}]})",
        R"({"TotalCount": 1, "TableResults": [{"SnapshotStatus": -1}]})",
        R"({"TotalCount": 1, "TableResults": [{"SnapshotTime": "yesterday"}]})",
        R"({"TotalCount": 1, "TableResults": [{"Error": {"Code": ""}}]})",
        R"({"TableResults": []})",
        R"({"TotalCount": 0, "TableResults": [], "Extra": true})",
    };
    for (const char* text : bad)
        EXPECT_FALSE(output_model_problems("CreateSnapshots", json::parse(text).as_object()).empty()) << text;
    EXPECT_FALSE(output_model_problems("ImportSnapshots", json::parse(R"({"TaskID": "x"})").as_object()).empty());
}

class EveryResponse : public ResourceFixture {
protected:
    EveryResponse() : ResourceFixture(lifecycle_config()) {}

    static Config lifecycle_config() {
        Config config = unsigned_config();
        config.snapshots.ready_after = std::chrono::seconds(10);
        config.snapshots.delete_after = std::chrono::seconds(10);
        config.snapshots.import_duration = std::chrono::seconds(10);
        return config;
    }

    void expect_conforms(const std::string& action, const std::string& body) {
        const auto reply = send(json_request(body, action));
        ASSERT_EQ(reply.error_code(), "") << action << " " << body;
        const auto problems = output_model_problems(action, reply.response);
        EXPECT_TRUE(problems.empty()) << action << ": " << problems.front() << "\n" << reply.http.body;
        ++checked_;
        actions_.insert(action);
    }

    // One request of `action`, which must succeed and conform; its Response.
    json::object conforming(const std::string& action, const json::object& params) {
        const auto response = request(action, params);
        EXPECT_FALSE(response.contains("Error")) << action << " " << json::serialize(params) << " -> " << json::serialize(response);
        const auto problems = output_model_problems(action, response);
        EXPECT_TRUE(problems.empty()) << action << ": " << (problems.empty() ? "" : problems.front()) << "\n"
                                      << json::serialize(response);
        ++checked_;
        actions_.insert(action);
        return response;
    }

    int checked_ = 0;
    std::set<std::string> actions_;
};

std::string tables(const std::string& items) { return R"({"ClusterId":"xx","SelectedTables":[)" + items + "]}"; }

const std::string a = R"({"TableGroupId":"1","TableName":"t","SnapshotName":"a","SnapshotTime":"2026-11-28 11:00:00","SnapshotDeadTime":"2026-11-29 00:00:00"})";
const std::string b = R"({"TableGroupId":"1","TableName":"t","SnapshotName":"b","SnapshotTime":"2026-11-28 11:00:00","SnapshotDeadTime":"2026-11-28 12:00:05"})";
const std::string future = R"({"TableGroupId":"1","TableName":"t","SnapshotName":"f","SnapshotTime":"2030-01-01 00:00:00","SnapshotDeadTime":"2030-01-02 00:00:00"})";

TEST_F(EveryResponse, OfEveryActionMatchesItsOutputModel) {
    expect_conforms("DescribeSnapshots", R"({"ClusterId":"xx"})");                    // empty
    expect_conforms("CreateSnapshots", tables(a + "," + b + "," + future + "," + a));  // created, failed
    expect_conforms("DescribeSnapshots", R"({"ClusterId":"xx"})");                    // status 0
    clock().advance(std::chrono::seconds(10));
    expect_conforms("ImportSnapshots",
                    R"({"ClusterId":"xx","Snapshots":)" + a + R"(,"ImportSpecialKey":"FALSE","ImportOriginTable":"TRUE"})");
    expect_conforms("DescribeSnapshots", R"({"ClusterId":"xx"})");  // status 4 and 3
    expect_conforms("ModifySnapshots",
                    tables(R"({"TableGroupId":"1","TableName":"t","SnapshotName":"b","SnapshotDeadTime":"2027-01-01 00:00:00"},)"
                           R"({"TableGroupId":"1","TableName":"t","SnapshotName":"zz","SnapshotDeadTime":"2027-01-01 00:00:00"},)"
                           R"({"TableGroupId":"1","TableName":"t","SnapshotName":"b"})"));
    expect_conforms("DeleteSnapshots", tables(R"({"TableGroupId":"1","TableName":"t","SnapshotName":"a"},)"
                                              R"({"TableGroupId":"1","TableName":"t","SnapshotName":"b"},)"
                                              R"({"TableGroupId":"1","TableName":"t","SnapshotName":"zz"})"));
    expect_conforms("DescribeSnapshots", R"({"ClusterId":"xx"})");  // status 2
    EXPECT_EQ(checked_, 8);
}

// The resource actions, each answering a success and, for list answers, a failed item.
TEST_F(EveryResponse, OfEveryResourceActionMatchesItsOutputModel) {
    const json::object cluster_params{{"IdlType", "MIX"}, {"ClusterName", "c"}, {"VpcId", "v"}, {"SubnetId", "s"},
                                      {"Password", "Passw0rd"}, {"ServerList", json::array{json::object{{"MachineType", "T1"}, {"MachineNum", 1}}}},
                                      {"ProxyList", json::array{json::object{{"MachineType", "T2"}, {"MachineNum", 1}}}}};
    const std::string cluster(conforming("CreateCluster", cluster_params).at("ClusterId").as_string());
    const json::value id(cluster);
    const json::array ids{id};
    conforming("DescribeClusters", {{"ClusterIds", ids}});
    conforming("ModifyClusterName", {{"ClusterId", id}, {"ClusterName", "c2"}});
    conforming("ModifyClusterPassword", {{"ClusterId", id}, {"OldPassword", "Passw0rd"}, {"NewPassword", "Passw0rd2"},
                                         {"OldPasswordExpireTime", "2026-11-28 13:00:00"}, {"Mode", "1"}});
    conforming("DescribeClusters", {{"ClusterIds", ids}});  // old password in use
    conforming("ModifyClusterMachine", {{"ClusterId", id}, {"ServerList", cluster_params.at("ServerList")},
                                        {"ProxyList", cluster_params.at("ProxyList")}, {"ClusterType", 2}});
    conforming("DescribeMachine", json::object{});
    conforming("DescribeRegions", json::object{});
    conforming("DescribeUinInWhitelist", json::object{});
    conforming("ModifyClusterTags", {{"ClusterId", id}, {"ReplaceTags", json::array{json::object{{"TagKey", "k"}, {"TagValue", "v"}}}}});
    conforming("DescribeClusterTags", {{"ClusterIds", json::array{id, "404"}}});
    conforming("CreateTableGroup", {{"ClusterId", id}, {"TableGroupName", "g"}, {"TableGroupId", "1"}});
    conforming("ModifyTableGroupName", {{"ClusterId", id}, {"TableGroupId", "1"}, {"TableGroupName", "g1"}});
    conforming("ModifyTableGroupTags", {{"ClusterId", id}, {"TableGroupId", "1"}});
    conforming("DescribeTableGroupTags", {{"ClusterId", id}, {"TableGroupIds", json::array{"1", "2"}}});
    conforming("DescribeTableGroups", {{"ClusterId", id}});
    const std::string proto(idl::examples::verify_example_proto);
    const auto broken = proto_table_idl("wide").replace(proto_table_idl("wide").find("\"uin,name\""), 10, "\"a,b,c,d,e\"");
    const auto verified = conforming("VerifyIdlFiles", {{"ClusterId", id}, {"TableGroupId", "1"},
                                                        {"NewIdlFiles", json::array{json::object{{"FileName", "f"}, {"FileType", "PROTO"},
                                                                                                 {"FileExtType", "proto"}, {"FileSize", proto.size()},
                                                                                                 {"FileContent", proto}},
                                                                                    json::object{{"FileName", "w"}, {"FileType", "PROTO"},
                                                                                                 {"FileExtType", "proto"}, {"FileSize", broken.size()},
                                                                                                 {"FileContent", broken}}}}});
    const auto file = verified.at("IdlFiles").at(0).as_object();
    const json::array table{json::object{{"TableGroupId", "1"}, {"TableName", "tb_example"}}};
    const json::array tables{table.at(0), json::object{{"TableGroupId", "1"}, {"TableName", "absent"}}};
    conforming("CreateTables", {{"ClusterId", id}, {"IdlFiles", file_ref(file)}, {"SelectedTables", tables}});
    conforming("DescribeIdlFileInfos", {{"ClusterId", id}});
    conforming("DescribeIdlFileInfos", {{"ClusterId", id}, {"IdlFileIds", json::array{std::to_string(number(file.at("FileId")))}}});
    conforming("CompareIdlFiles", {{"ClusterId", id}, {"SelectedTables", tables}, {"ExistingIdlFiles", file_ref(file)}});
    conforming("DescribeTables", {{"ClusterId", id}});
    conforming("ModifyTables", {{"ClusterId", id}, {"IdlFiles", file_ref(file)}, {"SelectedTables", tables}});
    conforming("ModifyTableMemos", {{"ClusterId", id}, {"TableMemos", tables}});
    conforming("ModifyTableQuotas", {{"ClusterId", id}, {"TableQuotas", tables}});
    conforming("ClearTables", {{"ClusterId", id}, {"SelectedTables", tables}});
    conforming("ModifyTableTags", {{"ClusterId", id}, {"SelectedTables", tables}});
    conforming("DescribeTableTags", {{"ClusterId", id}, {"SelectedTables", tables}});
    conforming("DeleteIdlFiles", {{"ClusterId", id}, {"IdlFiles", file_ref(file)}});  // in use
    conforming("DeleteTables", {{"ClusterId", id}, {"SelectedTables", tables}});
    conforming("DescribeTablesInRecycle", {{"ClusterId", id}});
    conforming("RecoverRecycleTables", {{"ClusterId", id}, {"SelectedTables", tables}});
    conforming("DescribeTasks", {{"ClusterIds", ids}});
    conforming("DeleteTables", {{"ClusterId", id}, {"SelectedTables", table}});
    conforming("DeleteTables", {{"ClusterId", id}, {"SelectedTables", table}});
    conforming("DeleteTableGroup", {{"ClusterId", id}, {"TableGroupId", "1"}});
    conforming("DeleteCluster", {{"ClusterId", id}});
    EXPECT_EQ(actions_.size(), 33u);
}

// The approval, backup, REST proxy, index, data flow and merge actions, each answering a success and,
// for list answers, a failed item: with the two tests above, every action of the API.
TEST_F(EveryResponse, OfEveryRemainingActionMatchesItsOutputModel) {
    const std::string cluster(request("CreateCluster", {{"IdlType", "PROTO"}, {"ClusterName", "c"}, {"VpcId", "v"},
                                                        {"SubnetId", "s"}, {"Password", "Passw0rd"}})
                                  .at("ClusterId").as_string());
    const json::value id(cluster);
    request("CreateTableGroup", {{"ClusterId", id}, {"TableGroupName", "g"}, {"TableGroupId", "1"}});
    const auto file = upload_idl(cluster, proto_table_idl());
    create_table(cluster, file, "1");
    const json::array table{json::object{{"TableGroupId", "1"}, {"TableName", "tb_example"}}};
    const json::array tables{table.at(0), json::object{{"TableGroupId", "1"}, {"TableName", "absent"}}};
    auto with_fields = table.at(0).as_object();
    with_fields["SelectedFields"] = json::array{json::object{{"FieldName", "uin"}, {"IsPrimaryKey", "Yes"}}};
    with_fields["KafkaInfo"] = json::object{{"Address", "a:9092"}, {"Topic", "t"}};
    const json::array fielded{with_fields, tables.at(1)};
    conforming("EnableRestProxy", {{"ClusterId", id}});
    clock().advance(std::chrono::seconds(1));
    conforming("DisableRestProxy", {{"ClusterId", id}});
    conforming("SetTableIndex", {{"ClusterId", id}, {"SelectedTables", fielded}});
    conforming("DeleteTableIndex", {{"ClusterId", id}, {"SelectedTables", tables}});
    conforming("SetTableDataFlow", {{"ClusterId", id}, {"SelectedTables", fielded}});
    conforming("DeleteTableDataFlow", {{"ClusterId", id}, {"SelectedTables", tables}});
    conforming("CreateBackup", {{"ClusterId", id}, {"SelectedTables", table}});
    conforming("SetBackupExpireRule", {{"ClusterId", id}, {"BackupExpireRules", json::array{json::object{
                                          {"TableGroupId", "-1"}, {"TableName", "-1"}, {"FileTag", 0},
                                          {"ExpireDay", 3}, {"OperType", 0}}}}});
    const auto records = conforming("DescribeBackupRecords", {{"ClusterId", id}});
    conforming("DeleteBackupRecords", {{"ClusterId", id}, {"BackupRecords", records.at("BackupRecords")}});
    const json::object merged{{"SrcTableClusterId", id}, {"SrcTableGroupId", "1"}, {"SrcTableName", "tb_example"},
                              {"DstTableClusterId", id}, {"DstTableGroupId", "1"}, {"DstTableName", "absent"}};
    auto same = merged;
    same["DstTableName"] = "tb_example";
    conforming("MergeTablesData", {{"IsOnlyCompare", false},
                                   {"SelectedTables", json::array{json::object{{"MergeTables", same}, {"CheckIndex", true}},
                                                                  json::object{{"MergeTables", merged}, {"CheckIndex", false}}}}});
    conforming("ModifyCensorship", {{"ClusterId", id}, {"Censorship", 1}, {"Uins", json::array{"1"}}});
    const auto filed = conforming("ClearTables", {{"ClusterId", id}, {"SelectedTables", table}});
    conforming("DescribeApplications", {{"ClusterId", id}});
    const json::object approve{{"ApplicationId", filed.at("TableResults").at(0).at("ApplicationId")}, {"ApplicationStatus", 1},
                               {"ApplicationType", 2}, {"ClusterId", id}};
    conforming("UpdateApply", {{"ApplyStatus", json::array{approve, approve}}});  // done, then already processed
    conforming("DescribeApplications", {{"ClusterId", id}});
    EXPECT_EQ(actions_.size(), 15u);  // the 14, and ClearTables filing an application
}

// A value of `type` that validation accepts; objects carry their required members.
json::value minimal_value(ParameterType type, const ObjectSpec* object);

json::object minimal_object(const ObjectSpec& spec) {
    json::object object;
    for (const auto& member : spec.members) {
        if (!member.required) continue;
        object[member.name] = member.type == ParameterType::list
                                  ? json::value(json::array{minimal_value(member.element_type, member.object)})
                                  : minimal_value(member.type, member.object);
    }
    return object;
}

json::value minimal_value(ParameterType type, const ObjectSpec* object) {
    switch (type) {
        case ParameterType::datetime: return "2026-11-28 12:00:00";
        case ParameterType::integer:
        case ParameterType::unsigned_integer: return 1;
        case ParameterType::boolean: return true;
        case ParameterType::floating: return 1.0;
        case ParameterType::object: return minimal_object(*object);
        case ParameterType::list:
        case ParameterType::string: break;
    }
    return "1";
}

// Every action of the API is carried out: none answers UnsupportedOperation or InvalidAction once its
// parameters are valid (a minimal valid request may still fail for its own reasons).
TEST_F(EveryResponse, NoActionIsUnsupported) {
    for (const auto& action : all_actions()) {
        const auto reply = send(json_request(json::serialize(minimal_object(*action.spec->input)), action.spec->name));
        EXPECT_NE(reply.error_code(), "UnsupportedOperation") << action.spec->name;
        EXPECT_NE(reply.error_code(), "InvalidAction") << action.spec->name;
        EXPECT_NE(reply.error_code(), "InternalError") << action.spec->name << ": " << reply.http.body;
    }
    EXPECT_EQ(all_actions().size(), 52u);
}

}  // namespace
}  // namespace tcaplus_mock::testing
