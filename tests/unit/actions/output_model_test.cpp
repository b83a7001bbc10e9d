// Every response the handlers produce, success and per-item failure of every action, matches the
// action's output model in the spec: no field the spec does not name, every field of its type.

#include "tests/support/emulator_fixture.hpp"
#include "tests/support/output_model.hpp"

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

class EveryResponse : public EmulatorFixture {
protected:
    EveryResponse() : EmulatorFixture(lifecycle_config()) {}

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
    }

    int checked_ = 0;
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

}  // namespace
}  // namespace tcaplus_mock::testing
