#include "server/validation/spec_validator.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace tcaplus_mock::testing {
namespace {

namespace json = boost::json;

// The request the official Node SDK sends for the CreateSnapshots example (FACTS.md section 2).
constexpr std::string_view seed_request =
    R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"666","TableGroupId":"1",)"
    R"("SnapshotTime":"2020-09-22 00:00:00","TableName":"cl_generic","SnapshotDeadTime":"2020-09-22 00:00:00"}]})";

constexpr std::string_view import_request =
    R"({"ClusterId":"1837232","Snapshots":{"TableGroupId":"1","TableName":"testname",)"
    R"("SnapshotName":"snapshotname","SnapshotTime":"2020-09-22 00:00:00","SnapshotDeadTime":"2020-09-22 00:00:00"},)"
    R"("ImportSpecialKey":"spkey","KeyFile":{"FileName":"filename","FileExtType":"txt","FileContent":"content",)"
    R"("FileSize":12130},"ImportOriginTable":"origintable","NewTableGroupId":"newtable","NewTableName":"newname"})";

json::object parse_object(std::string_view text) { return json::parse(text).as_object(); }

const ActionSpec& action(std::string_view name) {
    const ActionSpec* found = ApiSpec::builtin().find_action(name);
    if (found == nullptr) throw std::logic_error("no action " + std::string(name));
    return *found;
}

Result<void> validate(std::string_view action_name, json::object& params, bool from_form = false,
                      const ValidationLimits& limits = {}) {
    return validate_request(action(action_name), params, from_form, limits);
}

Result<void> validate_text(std::string_view action_name, std::string_view params_json, bool from_form = false) {
    auto params = parse_object(params_json);
    return validate(action_name, params, from_form);
}

// A SelectedTables item of CreateSnapshots with `name` as its SnapshotName.
json::object snapshot_item(std::string_view name) {
    auto item = parse_object(seed_request).at("SelectedTables").as_array().at(0).as_object();
    item["SnapshotName"] = name;
    return item;
}

json::object create_request_with_items(std::size_t count) {
    json::object params{{"ClusterId", "xx"}};
    json::array items;
    for (std::size_t i = 0; i < count; ++i) items.push_back(snapshot_item("s" + std::to_string(i)));
    params["SelectedTables"] = std::move(items);
    return params;
}

std::string quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

// Checks the code and that both messages name `path` (and any `mentions`) in backticks.
void expect_error(const Result<void>& result, std::string_view code, std::string_view path,
                  std::initializer_list<std::string_view> mentions = {}) {
    ASSERT_TRUE(result.has_error()) << "expected " << code << " at " << path;
    const ApiError& error = result.error();
    EXPECT_EQ(error.code, code) << error.message.en;
    for (const std::string& message : {error.message.en, error.message.zh}) {
        EXPECT_NE(message.find(quoted(path)), std::string::npos) << message << "\nshould name " << quoted(path);
        for (auto mention : mentions) EXPECT_NE(message.find(mention), std::string::npos) << message;
    }
}

TEST(ValidateRequest, AcceptsTheSeedRequest) {
    auto params = parse_object(seed_request);
    const auto before = params;
    EXPECT_TRUE(validate("CreateSnapshots", params).has_value());
    EXPECT_EQ(params, before);
}

TEST(ValidateRequest, AcceptsEveryOfficialExample) {
    const std::pair<const char*, std::string_view> examples[] = {
        {"CreateSnapshots", R"({"ClusterId":"1454345","SelectedTables":[{"SnapshotName":"666","TableGroupId":"1",)"
                            R"("SnapshotTime":"2020-09-22 00:00:00","TableName":"cl_generic",)"
                            R"("SnapshotDeadTime":"2020-09-22 00:00:00"}]})"},
        {"DescribeSnapshots", R"({"ClusterId":"18685341856","TableGroupId":"1","TableName":"cl_generic"})"},
        {"DeleteSnapshots", R"({"ClusterId":"165765","SelectedTables":[{"SnapshotName":"666","TableGroupId":"1",)"
                            R"("TableName":"cl_generic","SnapshotDeadTime":"2020-09-22 00:00:00"}]})"},
        {"ModifySnapshots", R"({"ClusterId":"183242","SelectedTables":[{"SnapshotName":"666","TableGroupId":"1",)"
                            R"("TableName":"cl_generic","SnapshotDeadTime":"2020-09-22 00:00:00"}]})"},
        {"ImportSnapshots", import_request},
    };
    for (const auto& [name, body] : examples) {
        const auto result = validate_text(name, body);
        EXPECT_TRUE(result.has_value()) << name << ": " << (result ? "" : result.error().message.en);
    }
}

struct RejectCase {
    const char* action;
    std::string_view params;
    const char* code;
    const char* path;
};

TEST(ValidateRequest, RejectsEachRuleNamingTheFullPath) {
    const RejectCase cases[] = {
        // required member absent or null
        {"CreateSnapshots", R"({})", "MissingParameter", "ClusterId"},
        {"CreateSnapshots", R"({"ClusterId":"xx"})", "MissingParameter", "SelectedTables"},
        {"CreateSnapshots", R"({"ClusterId":null,"SelectedTables":[]})", "MissingParameter", "ClusterId"},
        {"CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"a","TableGroupId":"1",)"
                            R"("TableName":"t","SnapshotDeadTime":"2020-09-22 00:00:00"}]})",
         "MissingParameter", "SelectedTables.0.SnapshotTime"},
        {"DeleteSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"a","TableGroupId":"1",)"
                            R"("TableName":"t"},{"SnapshotName":"b","TableGroupId":"1","TableName":null}]})",
         "MissingParameter", "SelectedTables.1.TableName"},
        {"ImportSnapshots", R"({"ClusterId":"1","Snapshots":{"TableGroupId":"1","TableName":"t",)"
                            R"("SnapshotName":"s","SnapshotTime":"2020-09-22 00:00:00",)"
                            R"("SnapshotDeadTime":"2020-09-22 00:00:00"},"ImportSpecialKey":"FALSE"})",
         "MissingParameter", "ImportOriginTable"},
        {"ImportSnapshots", R"({"ClusterId":"1","Snapshots":{"TableName":"t"}})", "MissingParameter",
         "Snapshots.TableGroupId"},
        // a parameter the action does not define
        {"CreateSnapshots", R"({"ClusterId":"xx","Region":"ap-guangzhou","SelectedTables":[]})", "UnknownParameter",
         "Region"},
        {"CreateSnapshots", R"({"ClusterId":"xx","clusterId":"xx"})", "UnknownParameter", "clusterId"},
        {"DescribeSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"TableGroupId":"1","TableName":"t",)"
                              R"("SnapshotName":"s"}]})",
         "UnknownParameter", "SelectedTables.0.SnapshotName"},
        {"ImportSnapshots", R"({"ClusterId":"1","Snapshots":{"Bogus":1}})", "UnknownParameter", "Snapshots.Bogus"},
        // wrong JSON type
        {"CreateSnapshots", R"({"ClusterId":18685341856,"SelectedTables":[]})", "InvalidParameter", "ClusterId"},
        {"CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":{}})", "InvalidParameter", "SelectedTables"},
        {"CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":["t1"]})", "InvalidParameter",
         "SelectedTables.0"},
        {"CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":[null]})", "InvalidParameter", "SelectedTables.0"},
        {"ImportSnapshots", R"({"ClusterId":"1","Snapshots":[{"TableName":"t"}]})", "InvalidParameter", "Snapshots"},
        {"ModifySnapshots", R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"a","TableGroupId":"1",)"
                            R"("TableName":"t","SnapshotDeadTime":20200922}]})",
         "InvalidParameter", "SelectedTables.0.SnapshotDeadTime"},
        {"DescribeSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"TableGroupId":"1","TableName":"t",)"
                              R"("ListElementNum":true}]})",
         "InvalidParameter", "SelectedTables.0.ListElementNum"},
        {"DescribeSnapshots", R"({"ClusterId":"xx","TableName":["a"]})", "InvalidParameter", "TableName"},
        // datetime not in the API's shape or not on the calendar
        {"CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"a","TableGroupId":"1",)"
                            R"("TableName":"t","SnapshotTime":"2020-9-22 00:00:00",)"
                            R"("SnapshotDeadTime":"2020-09-22 00:00:00"}]})",
         "InvalidParameterValue", "SelectedTables.0.SnapshotTime"},
        {"ModifySnapshots", R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"a","TableGroupId":"1",)"
                            R"("TableName":"t","SnapshotDeadTime":"2020-02-30 00:00:00"}]})",
         "InvalidParameterValue", "SelectedTables.0.SnapshotDeadTime"},
        {"ImportSnapshots", R"({"ClusterId":"1","Snapshots":{"TableGroupId":"1","TableName":"t",)"
                            R"("SnapshotName":"s","SnapshotTime":"2020-09-22 00:00:00",)"
                            R"("SnapshotDeadTime":"tomorrow"}})",
         "InvalidParameterValue", "Snapshots.SnapshotDeadTime"},
        // a required list that is empty
        {"CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":[]})", "InvalidParameterValue", "SelectedTables"},
        {"DeleteSnapshots", R"({"ClusterId":"xx","SelectedTables":[]})", "InvalidParameterValue", "SelectedTables"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.action) + " " + std::string(c.params));
        expect_error(validate_text(c.action, c.params), c.code, c.path);
    }
}

TEST(ValidateRequest, EmptyListIsNamedAsSent) {
    expect_error(validate_text("CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":[]})"),
                 "InvalidParameterValue", "SelectedTables", {"`[]`"});
}

TEST(ValidateRequest, OptionalMembersMayBeAbsentEmptyOrNull) {
    EXPECT_TRUE(validate_text("DescribeSnapshots", R"({"ClusterId":"xx"})").has_value());
    EXPECT_TRUE(validate_text("DescribeSnapshots", R"({"ClusterId":"xx","SelectedTables":[]})").has_value());
    EXPECT_TRUE(validate_text("DeleteSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"a",)"
                                                 R"("TableGroupId":"1","TableName":"t"}]})")
                    .has_value());
    auto params = parse_object(import_request);
    params["KeyFile"] = nullptr;
    ASSERT_TRUE(validate("ImportSnapshots", params).has_value());
    EXPECT_FALSE(params.contains("KeyFile")) << "an optional null is removed, so handlers see it absent";
}

struct TypeCase {
    std::string_view params;
    const char* path;
    const char* expected;
    const char* received;
};

TEST(ValidateRequest, TypeErrorsNameExpectedAndReceivedTypes) {
    const TypeCase cases[] = {
        {R"({"ClusterId":1})", "ClusterId", "string", "integer"},
        {R"({"ClusterId":-1})", "ClusterId", "string", "integer"},
        {R"({"ClusterId":1.5})", "ClusterId", "string", "number"},
        {R"({"ClusterId":true})", "ClusterId", "string", "boolean"},
        {R"({"ClusterId":{}})", "ClusterId", "string", "object"},
        {R"({"ClusterId":"1","SelectedTables":"x"})", "SelectedTables", "array", "string"},
        {R"({"ClusterId":"1","Snapshots":"x"})", "Snapshots", "object", "string"},
        {R"({"ClusterId":"1","Snapshots":[]})", "Snapshots", "object", "array"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.params);
        const char* action_name = c.params.find("Snapshots") != std::string_view::npos ? "ImportSnapshots"
                                                                                       : "CreateSnapshots";
        expect_error(validate_text(action_name, c.params), "InvalidParameter", c.path,
                     {quoted(c.expected), quoted(c.received)});
    }
}

struct DatetimeCase {
    const char* text;
    bool valid;
};

TEST(ValidateRequest, DatetimesMustBeTheApiShapeAndOnTheCalendar) {
    const DatetimeCase cases[] = {
        {"2020-09-22 00:00:00", true},  {"2024-02-29 00:00:00", true},  {"2020-12-31 23:59:59", true},
        {"2023-02-29 00:00:00", false}, {"2020-09-22 24:00:00", false}, {"2020-9-22 00:00:00", false},
        {"2020-09-22 00:00:00 ", false}, {"2020-09-22T00:00:00", false}, {"2020-09-22", false},
        {"", false},                    {"2020-09-22 00:00:60", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        auto params = parse_object(seed_request);
        params["SelectedTables"].as_array()[0].as_object()["SnapshotTime"] = c.text;
        const auto result = validate("CreateSnapshots", params);
        if (c.valid) {
            EXPECT_TRUE(result.has_value()) << result.error().message.en;
        } else {
            expect_error(result, "InvalidParameterValue", "SelectedTables.0.SnapshotTime",
                         {quoted(c.text), "`YYYY-MM-DD HH:MM:SS`"});
        }
    }
}

TEST(ValidateRequest, ListLengthIsLimitedByMaxBatch) {
    auto exactly_limit = create_request_with_items(100);
    EXPECT_TRUE(validate("CreateSnapshots", exactly_limit).has_value());
    auto over_limit = create_request_with_items(101);
    expect_error(validate("CreateSnapshots", over_limit), "InvalidParameterValue", "SelectedTables", {"101", "100"});

    ValidationLimits small;
    small.max_batch = 2;
    auto two = create_request_with_items(2);
    EXPECT_TRUE(validate("CreateSnapshots", two, false, small).has_value());
    auto three = create_request_with_items(3);
    expect_error(validate("CreateSnapshots", three, false, small), "InvalidParameterValue", "SelectedTables",
                 {"3", "2"});
    // The limit applies to optional lists too.
    auto describe = parse_object(R"({"ClusterId":"xx","SelectedTables":[{"TableGroupId":"1","TableName":"a"},)"
                                 R"({"TableGroupId":"1","TableName":"b"},{"TableGroupId":"1","TableName":"c"}]})");
    expect_error(validate("DescribeSnapshots", describe, false, small), "InvalidParameterValue", "SelectedTables");
}

TEST(ValidateRequest, DatetimesAreReadInTheConfiguredZone) {
    // Every valid wall time exists in a fixed-offset zone; the offset only has to reach parse_datetime.
    ValidationLimits utc;
    utc.utc_offset = std::chrono::seconds{0};
    auto params = parse_object(seed_request);
    EXPECT_TRUE(validate("CreateSnapshots", params, false, utc).has_value());
}

// The first error is deterministic: per object, unknown keys (in sent order) before members (in spec
// order); each member fully, depth first, before the next.
TEST(ValidateRequest, ReportsTheFirstErrorInADocumentedOrder) {
    const RejectCase cases[] = {
        {"CreateSnapshots", R"({"Foo":1})", "UnknownParameter", "Foo"},
        {"CreateSnapshots", R"({"ClusterId":"xx","Zed":1,"Alpha":2})", "UnknownParameter", "Zed"},
        {"CreateSnapshots", R"({"SelectedTables":[],"ClusterId":5})", "InvalidParameter", "ClusterId"},
        {"CreateSnapshots", R"({"SelectedTables":[{"X":1}]})", "MissingParameter", "ClusterId"},
        {"CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"a","TableGroupId":"1",)"
                            R"("TableName":"t","SnapshotTime":"bad","SnapshotDeadTime":"2020-09-22 00:00:00"},)"
                            R"({"Extra":1}]})",
         "InvalidParameterValue", "SelectedTables.0.SnapshotTime"},
        {"CreateSnapshots", R"({"ClusterId":"xx","SelectedTables":[{"SnapshotTime":"bad","Extra":1}]})",
         "UnknownParameter", "SelectedTables.0.Extra"},
        {"ImportSnapshots", R"({"ClusterId":"1","Snapshots":{"SnapshotTime":"bad"}})", "MissingParameter",
         "Snapshots.TableGroupId"},
        {"ImportSnapshots", R"({"ClusterId":"1","Snapshots":{"Bogus":1},"Unknown":2})", "UnknownParameter",
         "Unknown"},
        {"ImportSnapshots", R"({"ClusterId":"1","Snapshots":{"Bogus":1}})", "UnknownParameter", "Snapshots.Bogus"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.action) + " " + std::string(c.params));
        expect_error(validate_text(c.action, c.params), c.code, c.path);
    }
}

// Form and query-string requests: ImportSnapshots as the v1 signing SDKs flatten it, every leaf text.
json::object import_form_params(std::string_view file_size) {
    auto params = parse_object(import_request);
    params["KeyFile"].as_object()["FileSize"] = file_size;
    return params;
}

TEST(ValidateFormRequest, ReadsNumbersFromTheirTextAndReplacesThem) {
    auto params = import_form_params("12130");
    params["ClusterId"] = "1837232";
    ASSERT_TRUE(validate("ImportSnapshots", params, true).has_value());
    const auto& size = params.at("KeyFile").at("FileSize");
    ASSERT_TRUE(size.is_int64()) << json::serialize(size);
    EXPECT_EQ(size.get_int64(), 12130);
    EXPECT_EQ(params.at("ClusterId"), "1837232") << "strings stay strings";
    EXPECT_EQ(params.at("Snapshots").at("SnapshotTime"), "2020-09-22 00:00:00");
}

TEST(ValidateFormRequest, RefusesTextThatIsNotTheNumber) {
    const char* bad[] = {"12x", "", " 12", "12 ", "+12", "0x10", "twelve", "1,000"};
    for (const char* text : bad) {
        SCOPED_TRACE(text);
        auto params = import_form_params(text);
        expect_error(validate("ImportSnapshots", params, true), "InvalidParameter", "KeyFile.FileSize",
                     {"`integer`", "`string`"});
    }
    auto fraction = import_form_params("1.5");
    expect_error(validate("ImportSnapshots", fraction, true), "InvalidParameter", "KeyFile.FileSize",
                 {"`integer`", "`number`"});
    auto huge = import_form_params("9223372036854775808");
    expect_error(validate("ImportSnapshots", huge, true), "InvalidParameter", "KeyFile.FileSize",
                 {"`integer out of int64 range`"});
}

TEST(ValidateFormRequest, NegativeIntegersAreIntegers) {
    auto params = import_form_params("-5");
    ASSERT_TRUE(validate("ImportSnapshots", params, true).has_value());
    EXPECT_EQ(params.at("KeyFile").at("FileSize"), -5);
}

TEST(ValidateRequest, JsonBodiesDoNotConvertText) {
    auto params = import_form_params("12130");
    expect_error(validate("ImportSnapshots", params, false), "InvalidParameter", "KeyFile.FileSize",
                 {"`integer`", "`string`"});
}

// Types the snapshot actions do not use yet (uint64, bool, float, lists of primitives): a future
// action gets them from data alone.
class CustomActionTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto parsed = ApiSpec::parse(R"({"version": "2019-08-23", "actions": {"Act": {"input": "Req",
            "frequency_limit": 5}}, "objects": {"Req": {"members": [
              {"name": "Count", "type": "int", "member": "uint64", "required": false},
              {"name": "Offset", "type": "int", "member": "int64", "required": false},
              {"name": "Dry", "type": "bool", "member": "bool", "required": false},
              {"name": "Ratio", "type": "float", "member": "float", "required": false},
              {"name": "Ids", "type": "list", "member": "string", "required": false},
              {"name": "Sizes", "type": "list", "member": "uint64", "required": false},
              {"name": "Times", "type": "list", "member": "datetime", "required": false}]}}})");
        ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
        spec_.emplace(std::move(*parsed));
    }

    Result<void> check(json::object& params, bool from_form) {
        return validate_request(*spec_->find_action("Act"), params, from_form, {});
    }

    Result<void> check(std::string_view text, bool from_form = false) {
        auto params = parse_object(text);
        return check(params, from_form);
    }

    std::optional<ApiSpec> spec_;
};

TEST_F(CustomActionTest, AcceptsEachTypeFromJson) {
    EXPECT_TRUE(check(R"({"Count":18446744073709551615,"Offset":-9223372036854775808,"Dry":false,"Ratio":1,)"
                      R"("Ids":["a"],"Sizes":[0,1],"Times":["2024-02-29 23:59:59"]})")
                    .has_value());
    EXPECT_TRUE(check(R"({"Ratio":0.25})").has_value());
}

TEST_F(CustomActionTest, RejectsWrongTypesFromJson) {
    const TypeCase cases[] = {
        {R"({"Count":-1})", "Count", "unsigned integer", "negative integer"},
        {R"({"Count":"1"})", "Count", "unsigned integer", "string"},
        {R"({"Offset":9223372036854775808})", "Offset", "integer", "integer out of int64 range"},
        {R"({"Offset":1.0})", "Offset", "integer", "number"},
        {R"({"Dry":0})", "Dry", "boolean", "integer"},
        {R"({"Dry":"true"})", "Dry", "boolean", "string"},
        {R"({"Ratio":"0.5"})", "Ratio", "number", "string"},
        {R"({"Ids":[1]})", "Ids.0", "string", "integer"},
        {R"({"Sizes":[1,-2]})", "Sizes.1", "unsigned integer", "negative integer"},
        {R"({"Times":["2020-09-22 00:00:00",null]})", "Times.1", "string", "null"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.params);
        expect_error(check(c.params), "InvalidParameter", c.path, {quoted(c.expected), quoted(c.received)});
    }
    expect_error(check(R"({"Times":["2020-09-22 00:00:00","2023-02-29 00:00:00"]})"), "InvalidParameterValue",
                 "Times.1");
}

TEST_F(CustomActionTest, ConvertsEachTypeFromForm) {
    auto params = parse_object(R"({"Count":"18446744073709551615","Offset":"-3","Dry":"TRUE","Ratio":"0.5",)"
                               R"("Ids":["7"],"Sizes":["1","2"]})");
    ASSERT_TRUE(check(params, true).has_value());
    EXPECT_TRUE(params.at("Count").is_uint64());
    EXPECT_EQ(params.at("Count").get_uint64(), 18446744073709551615ull);
    EXPECT_EQ(params.at("Offset"), -3);
    EXPECT_EQ(params.at("Dry"), true);
    EXPECT_EQ(params.at("Ratio"), 0.5);
    EXPECT_EQ(params.at("Ids").at(0), "7");
    EXPECT_EQ(params.at("Sizes"), json::parse("[1,2]"));
}

TEST_F(CustomActionTest, RejectsBadTextFromForm) {
    const TypeCase cases[] = {
        {R"({"Count":"-1"})", "Count", "unsigned integer", "negative integer"},
        {R"({"Count":"18446744073709551616"})", "Count", "unsigned integer", "number"},
        {R"({"Dry":"yes"})", "Dry", "boolean", "string"},
        {R"({"Dry":"1"})", "Dry", "boolean", "string"},
        {R"({"Ratio":"inf"})", "Ratio", "number", "string"},
        {R"({"Ratio":"nan"})", "Ratio", "number", "string"},
        {R"({"Sizes":["1","x"]})", "Sizes.1", "unsigned integer", "string"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.params);
        expect_error(check(c.params, true), "InvalidParameter", c.path, {quoted(c.expected), quoted(c.received)});
    }
}

}  // namespace
}  // namespace tcaplus_mock::testing
