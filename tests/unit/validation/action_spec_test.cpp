#include "server/validation/action_spec.hpp"

#include "server/validation/embedded_spec.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace tcaplus_mock::testing {
namespace {

enum class Flag { input, output };

// One parameter as "<Action> <path> <type> <required|optional>"; list items are written `N`. `flag`
// picks the member's input flag (a request must carry it) or its output flag (a response always does).
void describe_members(const std::string& action, const std::string& prefix, const ObjectSpec& object,
                      std::vector<std::string>& rows, Flag flag = Flag::input) {
    for (const auto& member : object.members) {
        const std::string path = prefix + member.name;
        std::string type(to_string(member.type));
        if (member.type == ParameterType::list) type += "<" + std::string(to_string(member.element_type)) + ">";
        const bool required = flag == Flag::input ? member.required : member.output_required;
        rows.push_back(action + " " + path + " " + type + (required ? " required" : " optional"));
        if (member.object == nullptr) continue;
        describe_members(action, path + (member.type == ParameterType::list ? ".N." : "."), *member.object, rows, flag);
    }
}

// The 52 actions of the official spec (tccli's api.json, 2026-05-28), in its order.
const std::vector<std::string> every_action{
    "ClearTables", "CompareIdlFiles", "CreateBackup", "CreateCluster", "CreateSnapshots", "CreateTableGroup",
    "CreateTables", "DeleteBackupRecords", "DeleteCluster", "DeleteIdlFiles", "DeleteSnapshots",
    "DeleteTableDataFlow", "DeleteTableGroup", "DeleteTableIndex", "DeleteTables", "DescribeApplications",
    "DescribeBackupRecords", "DescribeClusterTags", "DescribeClusters", "DescribeIdlFileInfos", "DescribeMachine",
    "DescribeRegions", "DescribeSnapshots", "DescribeTableGroupTags", "DescribeTableGroups", "DescribeTableTags",
    "DescribeTables", "DescribeTablesInRecycle", "DescribeTasks", "DescribeUinInWhitelist", "DisableRestProxy",
    "EnableRestProxy", "ImportSnapshots", "MergeTablesData", "ModifyCensorship", "ModifyClusterMachine",
    "ModifyClusterName", "ModifyClusterPassword", "ModifyClusterTags", "ModifySnapshots", "ModifyTableGroupName",
    "ModifyTableGroupTags", "ModifyTableMemos", "ModifyTableQuotas", "ModifyTableTags", "ModifyTables",
    "RecoverRecycleTables", "SetBackupExpireRule", "SetTableDataFlow", "SetTableIndex", "UpdateApply",
    "VerifyIdlFiles"};

TEST(BuiltinApiSpec, DescribesVersionAndEveryActionOfTheApi) {
    const auto& spec = ApiSpec::builtin();
    EXPECT_EQ(spec.version(), "2019-08-23");
    EXPECT_EQ(spec.action_names(), every_action);
    for (const auto& name : every_action) {
        const ActionSpec* action = spec.find_action(name);
        ASSERT_NE(action, nullptr) << name;
        EXPECT_EQ(action->name, name);
        ASSERT_NE(action->input, nullptr) << name;
        EXPECT_EQ(action->input->name, name + "Request");
        ASSERT_NE(action->output, nullptr) << name;
        EXPECT_EQ(action->output->name, name + "Response");
        ASSERT_NE(action->output->find_member("RequestId"), nullptr) << name;
        const bool two_hundred = name == "CreateTables" || name == "DeleteTables" || name == "ModifyTables";
        EXPECT_EQ(action->frequency_limit, two_hundred ? 200u : 20u) << name;
    }
}

// The response fields of the official spec (FACTS.md section 1): `required` here means the
// response always carries the field (tccli's output_required).
TEST(BuiltinApiSpec, OutputFieldsMatchTheOfficialSpec) {
    const auto& spec = ApiSpec::builtin();
    const auto rows_of = [&](const std::string& action) {
        std::vector<std::string> rows;
        describe_members(action, "", *spec.find_action(action)->output, rows, Flag::output);
        return rows;
    };
    const std::vector<std::string> create{
        "CreateSnapshots TotalCount uint64 required",
        "CreateSnapshots TableResults list<object> required",
        "CreateSnapshots TableResults.N.TableGroupId string optional",
        "CreateSnapshots TableResults.N.TableName string optional",
        "CreateSnapshots TableResults.N.TaskId string optional",
        "CreateSnapshots TableResults.N.Error object optional",
        "CreateSnapshots TableResults.N.Error.Code string required",
        "CreateSnapshots TableResults.N.Error.Message string required",
        "CreateSnapshots TableResults.N.SnapshotName string optional",
        "CreateSnapshots TableResults.N.SnapshotTime datetime optional",
        "CreateSnapshots TableResults.N.SnapshotDeadTime datetime optional",
        "CreateSnapshots TableResults.N.SnapshotCreateTime datetime optional",
        "CreateSnapshots TableResults.N.SnapshotSize uint64 optional",
        "CreateSnapshots TableResults.N.SnapshotStatus uint64 optional",
        "CreateSnapshots TableResults.N.ApplicationId string optional",
        "CreateSnapshots RequestId string optional",
    };
    EXPECT_EQ(rows_of("CreateSnapshots"), create);
    const std::vector<std::string> import{
        "ImportSnapshots TaskId string optional",
        "ImportSnapshots ApplicationId string optional",
        "ImportSnapshots RequestId string optional",
    };
    EXPECT_EQ(rows_of("ImportSnapshots"), import);
    // The three list actions answer exactly as CreateSnapshots does.
    for (const std::string action : {"DescribeSnapshots", "DeleteSnapshots", "ModifySnapshots"}) {
        auto rows = rows_of(action);
        for (auto& row : rows) row.replace(0, action.size(), "CreateSnapshots");
        EXPECT_EQ(rows, create) << action;
    }
}

TEST(BuiltinApiSpec, FindsActionsByExactNameOnly) {
    const auto& spec = ApiSpec::builtin();
    const char* absent[] = {"", "createsnapshots", "CreateSnapshot", "CreateSnapshots ", "DescribeTable", "RollbackTables"};
    for (const char* name : absent) EXPECT_EQ(spec.find_action(name), nullptr) << name;
    EXPECT_EQ(&ApiSpec::builtin(), &spec);
}

// Every input parameter of the official spec (tccli api.json, FACTS.md section 1), with its type and
// required flag.
TEST(BuiltinApiSpec, InputParametersMatchTheOfficialSpec) {
    const std::vector<std::string> expected{
        "CreateSnapshots ClusterId string required",
        "CreateSnapshots SelectedTables list<object> required",
        "CreateSnapshots SelectedTables.N.TableGroupId string required",
        "CreateSnapshots SelectedTables.N.TableName string required",
        "CreateSnapshots SelectedTables.N.SnapshotName string required",
        "CreateSnapshots SelectedTables.N.SnapshotTime datetime required",
        "CreateSnapshots SelectedTables.N.SnapshotDeadTime datetime required",
        "DescribeSnapshots ClusterId string required",
        "DescribeSnapshots TableGroupId string optional",
        "DescribeSnapshots TableName string optional",
        "DescribeSnapshots SnapshotName string optional",
        "DescribeSnapshots SelectedTables list<object> optional",
        "DescribeSnapshots SelectedTables.N.TableGroupId string required",
        "DescribeSnapshots SelectedTables.N.TableName string required",
        "DescribeSnapshots SelectedTables.N.TableInstanceId string optional",
        "DescribeSnapshots SelectedTables.N.TableIdlType string optional",
        "DescribeSnapshots SelectedTables.N.TableType string optional",
        "DescribeSnapshots SelectedTables.N.ListElementNum int64 optional",
        "DescribeSnapshots SelectedTables.N.ReservedVolume int64 optional",
        "DescribeSnapshots SelectedTables.N.ReservedReadQps int64 optional",
        "DescribeSnapshots SelectedTables.N.ReservedWriteQps int64 optional",
        "DescribeSnapshots SelectedTables.N.Memo string optional",
        "DescribeSnapshots SelectedTables.N.FileName string optional",
        "DescribeSnapshots SelectedTables.N.FileExtType string optional",
        "DescribeSnapshots SelectedTables.N.FileSize int64 optional",
        "DescribeSnapshots SelectedTables.N.FileContent string optional",
        "DeleteSnapshots ClusterId string required",
        "DeleteSnapshots SelectedTables list<object> required",
        "DeleteSnapshots SelectedTables.N.TableGroupId string required",
        "DeleteSnapshots SelectedTables.N.TableName string required",
        "DeleteSnapshots SelectedTables.N.SnapshotName string required",
        "DeleteSnapshots SelectedTables.N.SnapshotDeadTime datetime optional",
        "ModifySnapshots ClusterId string required",
        "ModifySnapshots SelectedTables list<object> required",
        "ModifySnapshots SelectedTables.N.TableGroupId string required",
        "ModifySnapshots SelectedTables.N.TableName string required",
        "ModifySnapshots SelectedTables.N.SnapshotName string required",
        "ModifySnapshots SelectedTables.N.SnapshotDeadTime datetime optional",
        "ImportSnapshots ClusterId string required",
        "ImportSnapshots Snapshots object required",  // ONE SnapshotInfo, not a list
        "ImportSnapshots Snapshots.TableGroupId string required",
        "ImportSnapshots Snapshots.TableName string required",
        "ImportSnapshots Snapshots.SnapshotName string required",
        "ImportSnapshots Snapshots.SnapshotTime datetime required",
        "ImportSnapshots Snapshots.SnapshotDeadTime datetime required",
        "ImportSnapshots ImportSpecialKey string required",
        "ImportSnapshots ImportOriginTable string required",
        "ImportSnapshots KeyFile object optional",
        "ImportSnapshots KeyFile.FileName string required",
        "ImportSnapshots KeyFile.FileExtType string required",
        "ImportSnapshots KeyFile.FileContent string required",
        "ImportSnapshots KeyFile.FileSize int64 optional",
        "ImportSnapshots NewTableGroupId string optional",
        "ImportSnapshots NewTableName string optional",
    };
    const auto& spec = ApiSpec::builtin();
    std::vector<std::string> rows;
    for (const auto* name : {"CreateSnapshots", "DescribeSnapshots", "DeleteSnapshots", "ModifySnapshots",
                             "ImportSnapshots"})
        describe_members(name, "", *spec.find_action(name)->input, rows);
    EXPECT_EQ(rows, expected);
}

// An object used both ways keeps both flags: IdlFileInfo's FileName is required in a request and
// always in a response; its FileContent neither.
TEST(BuiltinApiSpec, ObjectsUsedBothWaysKeepBothFlags) {
    const auto* file = ApiSpec::builtin().find_action("VerifyIdlFiles")->input->find_member("NewIdlFiles")->object;
    ASSERT_NE(file, nullptr);
    EXPECT_TRUE(file->find_member("FileName")->required);
    EXPECT_TRUE(file->find_member("FileName")->output_required);
    EXPECT_FALSE(file->find_member("FileContent")->required);
    EXPECT_FALSE(file->find_member("FileContent")->output_required);
    const auto* clusters = ApiSpec::builtin().find_action("DescribeClusters")->output->find_member("Clusters");
    EXPECT_TRUE(clusters->output_required);
    EXPECT_TRUE(clusters->object->find_member("ClusterStatus") != nullptr);
}

TEST(BuiltinApiSpec, ObjectsAreSharedNotCopied) {
    const auto& spec = ApiSpec::builtin();
    const ObjectSpec* create_item = spec.find_action("CreateSnapshots")->input->find_member("SelectedTables")->object;
    const ObjectSpec* import_item = spec.find_action("ImportSnapshots")->input->find_member("Snapshots")->object;
    ASSERT_NE(create_item, nullptr);
    EXPECT_EQ(create_item, import_item);
    EXPECT_EQ(create_item->name, "SnapshotInfo");
    EXPECT_EQ(create_item->find_member("snapshotTime"), nullptr);
}

TEST(BuiltinApiSpec, CarriesTheRepositorysSpecFile) {
    std::ifstream file(TCAPLUS_MOCK_SPEC_JSON_PATH, std::ios::binary);
    ASSERT_TRUE(file) << TCAPLUS_MOCK_SPEC_JSON_PATH;
    std::ostringstream text;
    text << file.rdbuf();
    EXPECT_EQ(embedded_action_spec_json(), text.str());
}

// A small document in the built-in shape; `%MEMBERS%` and `%ACTIONS%` are replaced per case.
std::string document(const std::string& members, const std::string& actions) {
    std::string text = R"({"version": "2019-08-23", "objects": {"Req": {"members": [%MEMBERS%]}},
                           "actions": {%ACTIONS%}})";
    text.replace(text.find("%MEMBERS%"), 9, members);
    text.replace(text.find("%ACTIONS%"), 9, actions);
    return text;
}

const std::string good_member = R"({"name": "A", "type": "string", "member": "string", "required": true})";
const std::string good_action = R"("Act": {"input": "Req", "frequency_limit": 20})";

struct BadSpecCase {
    std::string json;
    const char* message_part;  // the SpecError names the entry at fault
};

TEST(ApiSpecParse, RefusesMalformedDocumentsNamingTheEntry) {
    const BadSpecCase cases[] = {
        {"{", "not valid JSON"},
        {"[]", "expected a JSON object"},
        {R"({"objects": {}, "actions": {}})", "spec: missing `version`"},
        {R"({"version": 1, "objects": {}, "actions": {}})", "spec.version: expected a non-empty string"},
        {R"({"version": "v", "actions": {}})", "spec: missing `objects`"},
        {R"({"version": "v", "objects": {}})", "spec: missing `actions`"},
        {R"({"version": "v", "objects": {}, "actions": {}})", "no action is defined"},
        {R"({"version": "v", "objects": {"Req": {}}, "actions": {}})", "objects.Req: missing `members`"},
        {document("7", good_action), "objects.Req.members[0]: expected an object"},
        {document(R"({"name": "A", "type": "string", "member": "string"})", good_action),
         "objects.Req.members[0]: missing `required`"},
        {document(R"({"name": "A", "type": "string", "member": "string", "required": "yes"})", good_action),
         "objects.Req.members[0].required: expected true or false"},
        {document(R"({"name": "", "type": "string", "member": "string", "required": true})", good_action),
         "objects.Req.members[0].name: expected a non-empty string"},
        {document(R"({"name": "A", "type": "int", "member": "string", "required": true})", good_action),
         "unsupported type/member pair `int/string`"},
        {document(R"({"name": "A", "type": "string", "member": "text", "required": true})", good_action),
         "unsupported type/member pair `string/text`"},
        {document(R"({"name": "A", "type": "object", "member": "Nope", "required": true})", good_action),
         "objects.Req.members[0]: refers to the undefined object `Nope`"},
        {document(R"({"name": "A", "type": "list", "member": "Nope", "required": true})", good_action),
         "refers to the undefined object `Nope`"},
        {document(good_member + "," + good_member, good_action), "objects.Req: duplicate member `A`"},
        {document(good_member, R"("Act": {"input": "Missing", "frequency_limit": 20})"),
         "actions.Act: refers to the undefined object `Missing`"},
        {document(good_member, R"("Act": {"input": "Req"})"), "actions.Act: missing `frequency_limit`"},
        {document(good_member, R"("Act": {"input": "Req", "frequency_limit": 0})"),
         "actions.Act.frequency_limit: expected a positive integer"},
        {document(good_member, R"("Act": {"input": "Req", "frequency_limit": 2.5})"),
         "actions.Act.frequency_limit: expected a positive integer"},
    };
    for (const auto& c : cases) {
        const auto parsed = ApiSpec::parse(c.json);
        ASSERT_TRUE(parsed.has_error()) << c.json;
        EXPECT_NE(parsed.error().message.find(c.message_part), std::string::npos)
            << "got: " << parsed.error().message << "\nwanted: " << c.message_part;
    }
}

TEST(ApiSpecParse, FailureThrowsLogicErrorOnValue) {
    // The path ApiSpec::builtin() takes when the embedded spec is malformed.
    try {
        (void)ApiSpec::parse(document(good_member, R"("Act": {"input": "Nope", "frequency_limit": 1})")).value();
        FAIL() << "expected std::logic_error";
    } catch (const std::logic_error& error) {
        EXPECT_NE(std::string(error.what()).find("actions.Act: refers to the undefined object `Nope`"),
                  std::string::npos)
            << error.what();
    }
}

TEST(ApiSpecParse, AcceptsPastedTccliEntriesListsOfPrimitivesAndRecursion) {
    const std::string members = R"(
        {"disabled": false, "document": "pasted from tccli", "example": "1", "member": "uint64",
         "name": "Limit", "required": false, "type": "int"},
        {"name": "Ids", "type": "list", "member": "string", "required": true},
        {"name": "Ratio", "type": "float", "member": "double", "required": false},
        {"name": "On", "type": "bool", "member": "bool", "required": false},
        {"name": "Tree", "type": "object", "member": "Node", "required": false})";
    std::string json = document(members, good_action);
    json.replace(json.find(R"("Req")"), 5,
                 R"("Node": {"members": [{"name": "Children", "type": "list", "member": "Node", "required": false}]},
                    "Req")");
    const auto parsed = ApiSpec::parse(json);
    ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
    const ObjectSpec& input = *parsed->find_action("Act")->input;
    ASSERT_EQ(input.members.size(), 5u);
    EXPECT_EQ(input.members[0].type, ParameterType::unsigned_integer);
    EXPECT_FALSE(input.members[0].required);
    EXPECT_EQ(input.members[1].type, ParameterType::list);
    EXPECT_EQ(input.members[1].element_type, ParameterType::string);
    EXPECT_EQ(input.members[1].object, nullptr);
    EXPECT_EQ(input.members[2].type, ParameterType::floating);
    EXPECT_EQ(input.members[3].type, ParameterType::boolean);
    const ObjectSpec* node = input.members[4].object;
    ASSERT_NE(node, nullptr);
    EXPECT_EQ(node->members[0].object, node);
}

TEST(ApiSpecParse, PointersSurviveMovingTheSpec) {
    auto parsed = ApiSpec::parse(document(good_member, good_action));
    ASSERT_TRUE(parsed.has_value());
    const ActionSpec* before = parsed->find_action("Act");
    const ApiSpec moved = std::move(*parsed);
    EXPECT_EQ(moved.find_action("Act"), before);
    EXPECT_EQ(moved.find_action("Act")->input->members[0].name, "A");
}

}  // namespace
}  // namespace tcaplus_mock::testing
