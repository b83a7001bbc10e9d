#include "tests/support/emulator_fixture.hpp"

#include <regex>
#include <set>

namespace tcaplus_mock::testing {
namespace {

class RequestHandlerTest : public EmulatorFixture {};

const std::regex lowercase_uuid("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

std::string header_of(const HttpResponse& response, std::string_view name) {
    for (const auto& [key, value] : response.headers)
        if (key == name) return value;
    return "<absent>";
}

TEST_F(RequestHandlerTest, SeedExampleGetsTheDocumentedShape) {
    const auto reply = send_json(seed_body());
    EXPECT_EQ(reply.http.status, 200u);
    EXPECT_EQ(header_of(reply.http, "Content-Type"), "application/json");
    ASSERT_EQ(reply.error_code(), "");
    EXPECT_EQ(reply.response.at("TotalCount").to_number<std::uint64_t>(), 1u);
    const auto& item = reply.item(0);
    EXPECT_EQ(item.at("Error"), (json::object{{"Code", ""}, {"Message", ""}}));
    EXPECT_EQ(item.at("TableGroupId"), "1");
    EXPECT_EQ(item.at("TableName"), "cl_generic");
    EXPECT_EQ(item.at("SnapshotName"), "666");
    EXPECT_EQ(item.at("SnapshotTime"), "2020-09-22 00:00:00");
    EXPECT_EQ(item.at("SnapshotDeadTime"), "2020-09-22 00:00:00");
    EXPECT_EQ(item.at("SnapshotCreateTime"), "2026-11-28 12:00:00");
    EXPECT_EQ(item.at("SnapshotSize").to_number<std::uint64_t>(), 0u);
    EXPECT_EQ(item.at("SnapshotStatus").to_number<std::uint64_t>(), 0u);
    EXPECT_EQ(item.at("TaskId"), "xx-1");
    EXPECT_FALSE(item.at("ApplicationId").as_string().empty());
    const std::string request_id(reply.response.at("RequestId").as_string());
    EXPECT_TRUE(std::regex_match(request_id, lowercase_uuid)) << request_id;
    EXPECT_EQ(header_of(reply.http, "X-TC-RequestId"), request_id);
    EXPECT_TRUE(stored({shared, "xx", "1", "cl_generic", "666"}).has_value());
}

TEST_F(RequestHandlerTest, RequestIdsAreFreshAndTraceIdIsEchoed) {
    auto request = json_request("{}");
    set_header(request, "x-tc-traceid", "05473cbc-ed99-4814-a8d3-c4861097611c");
    const auto first = send(request);
    const auto second = send(json_request("{}"));
    EXPECT_NE(first.response.at("RequestId"), second.response.at("RequestId"));
    EXPECT_EQ(header_of(first.http, "X-TC-TraceId"), "05473cbc-ed99-4814-a8d3-c4861097611c");
    EXPECT_EQ(header_of(second.http, "X-TC-TraceId"), "<absent>");
}

struct RequestCase {
    const char* name;
    std::function<void(HttpRequest&)> change;
    const char* code;
    const char* message_part;
};

TEST_F(RequestHandlerTest, RequestLevelErrorsCarryTheirTencentCode) {
    const RequestCase cases[] = {
        {"no action", [](auto& r) { remove_header(r, "x-tc-action"); }, "MissingParameter", "`Action`"},
        {"unknown action", [](auto& r) { set_header(r, "x-tc-action", "DescribeInstances"); }, "InvalidAction",
         "`DescribeInstances`"},
        {"no version", [](auto& r) { remove_header(r, "x-tc-version"); }, "MissingParameter", "`Version`"},
        {"other version", [](auto& r) { set_header(r, "x-tc-version", "2017-03-12"); }, "NoSuchVersion", "`2017-03-12`"},
        {"no region", [](auto& r) { remove_header(r, "x-tc-region"); }, "MissingParameter", "`Region`"},
        {"empty region", [](auto& r) { set_header(r, "x-tc-region", ""); }, "InvalidParameterValue", "`X-TC-Region`"},
        {"not a region", [](auto& r) { set_header(r, "x-tc-region", "gz"); }, "InvalidParameterValue",
         "`X-TC-Region`"},
        {"method", [](auto& r) { r.method = "PUT"; }, "UnsupportedProtocol", "`PUT`"},
        {"not json", [](auto& r) { r.body = "{\"ClusterId\":"; }, "InvalidParameter", "JSON"},
        {"not an object", [](auto& r) { r.body = "[1,2]"; }, "InvalidParameter", "object"},
        {"missing parameter", [](auto& r) { r.body = R"({"SelectedTables":[]})"; }, "MissingParameter", "`ClusterId`"},
        {"unknown parameter", [](auto& r) { r.body = R"({"ClusterId":"x","SelectedTables":[],"Extra":1})"; },
         "UnknownParameter", "`Extra`"},
        {"empty list", [](auto& r) { r.body = R"({"ClusterId":"x","SelectedTables":[]})"; }, "InvalidParameterValue",
         "`SelectedTables`"},
    };
    for (const auto& c : cases) {
        auto request = json_request(seed_body());
        c.change(request);
        const auto reply = send(request);
        EXPECT_EQ(reply.http.status, 200u) << c.name;
        EXPECT_EQ(header_of(reply.http, "Content-Type"), "application/json") << c.name;
        EXPECT_EQ(reply.error_code(), c.code) << c.name;
        if (!reply.error_code().empty()) {
            EXPECT_NE(reply.error_message().find(c.message_part), std::string::npos)
                << c.name << ": " << reply.error_message();
        }
        EXPECT_TRUE(reply.response.contains("RequestId")) << c.name;
        EXPECT_FALSE(reply.response.contains("TableResults")) << c.name;
    }
    EXPECT_EQ(stored_count(), 0u);
}

TEST_F(RequestHandlerTest, ChineseWhenAsked) {
    auto request = json_request(R"({"SelectedTables":[]})");
    set_header(request, "x-tc-language", "zh-CN");
    const auto reply = send(request);
    EXPECT_EQ(reply.error_code(), "MissingParameter");
    EXPECT_NE(reply.error_message().find("缺少"), std::string::npos) << reply.error_message();
}

TEST_F(RequestHandlerTest, RegionOutsideTheOfferedListIsUnsupported) {
    config_.api.regions = {"ap-guangzhou"};
    rebuild();
    auto request = json_request(seed_body());
    set_header(request, "x-tc-region", "ap-tokyo");
    EXPECT_EQ(send(request).error_code(), "UnsupportedRegion");
    EXPECT_EQ(send(json_request(seed_body())).error_code(), "");
}

TEST_F(RequestHandlerTest, OversizedRequestsGetTheSizeLimitEnvelopeAndClose) {
    auto request = json_request("");
    set_header(request, "x-tc-traceid", "trace-1");
    const auto response = emulator().oversized(request, {SizeLimit::Kind::body, config_.server.body_limit});
    EXPECT_EQ(response.status, 200u);
    EXPECT_TRUE(response.close_connection);
    EXPECT_EQ(header_of(response, "X-TC-TraceId"), "trace-1");
    const auto body = json::parse(response.body).as_object();
    EXPECT_EQ(body.at("Response").at("Error").at("Code"), "RequestSizeLimitExceeded");
}

TEST_F(RequestHandlerTest, OversizedNamesTheLimitThatWasBroken) {
    for (const std::size_t limit : {std::size_t{10485760}, std::size_t{65536}, std::size_t{65533}}) {
        const auto reply =
            json::parse(emulator().oversized(json_request(""), {SizeLimit::Kind::body, limit}).body).as_object();
        EXPECT_NE(std::string(reply.at("Response").at("Error").at("Message").as_string())
                      .find("`" + std::to_string(limit) + "`"),
                  std::string::npos);
    }
}

TEST_F(RequestHandlerTest, FormAndQueryRequestsDecodeLikeJson) {
    const std::string params =
        "ClusterId=xx&SelectedTables.0.TableGroupId=1&SelectedTables.0.TableName=cl_generic"
        "&SelectedTables.0.SnapshotName=NAME&SelectedTables.0.SnapshotTime=2020-09-22+00%3A00%3A00"
        "&SelectedTables.0.SnapshotDeadTime=2020-09-22%2000:00:00"
        "&Action=CreateSnapshots&Version=2019-08-23&Region=ap-guangzhou";
    HttpRequest form{"POST", "/", {{"content-type", "application/x-www-form-urlencoded"}}, "", "127.0.0.1"};
    form.body = std::regex_replace(params, std::regex("NAME"), "form");
    const auto by_form = send(form);
    ASSERT_EQ(by_form.error_code(), "") << by_form.error_message();
    EXPECT_EQ(by_form.item(0).at("SnapshotTime"), "2020-09-22 00:00:00");

    HttpRequest query{"GET", "/?" + std::regex_replace(params, std::regex("NAME"), "query"), {}, "", "127.0.0.1"};
    const auto by_query = send(query);
    ASSERT_EQ(by_query.error_code(), "") << by_query.error_message();
    EXPECT_EQ(by_query.item(0).at("SnapshotName"), "query");
    EXPECT_EQ(stored_count(), 2u);

    HttpRequest no_region{"GET", "/?Action=CreateSnapshots&Version=2019-08-23&Region=gz", {}, "", "127.0.0.1"};
    const auto bad_region = send(no_region);
    EXPECT_EQ(bad_region.error_code(), "InvalidParameterValue");
    EXPECT_NE(bad_region.error_message().find("`Region`"), std::string::npos);
}

TEST_F(RequestHandlerTest, FrequencyLimitIsCheckedBeforeValidationAndNeverTouchesStorage) {
    config_.rate_limits["CreateSnapshots"] = 2;
    rebuild();
    EXPECT_EQ(send_json(R"({"bad":1})").error_code(), "UnknownParameter");
    EXPECT_EQ(send_json(seed_body()).error_code(), "");
    const auto refused = send_json(R"({"ClusterId":"other","SelectedTables":[{"SnapshotName":"x","TableGroupId":"1",)"
                                   R"("SnapshotTime":"2020-09-22 00:00:00","TableName":"t","SnapshotDeadTime":"2020-09-22 00:00:00"}]})");
    EXPECT_EQ(refused.error_code(), "RequestLimitExceeded");
    EXPECT_NE(refused.error_message().find("`3` in a second"), std::string::npos) << refused.error_message();
    EXPECT_EQ(stored_count(), 1u);
    clock().advance(std::chrono::seconds(1));
    EXPECT_EQ(send_json(R"({"bad":1})").error_code(), "UnknownParameter");
}

TEST(RequestHandlerConfig, RateLimitForAnUnknownActionIsRejected) {
    Config config = unsigned_config();
    config.rate_limits["NoSuchAction"] = 3;
    LineWriter sink{STDERR_FILENO};
    EXPECT_THROW(Emulator(config, sink), std::invalid_argument);
}

}  // namespace
}  // namespace tcaplus_mock::testing
