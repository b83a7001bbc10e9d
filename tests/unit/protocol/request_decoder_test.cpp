#include "server/protocol/request_decoder.hpp"

#include "server/core/api_errors.hpp"
#include "tests/support/assertions.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace tcaplus_mock::testing {
namespace {

namespace json = boost::json;

using Headers = std::vector<std::pair<std::string, std::string>>;

HttpRequest make_request(std::string method, std::string target, Headers headers, std::string body = "") {
    HttpRequest http;
    http.method = std::move(method);
    http.target = std::move(target);
    http.headers = std::move(headers);
    http.body = std::move(body);
    return http;
}

// The Node SDK's default request (FACTS.md section 2), header names lowercased as the network layer does.
const char* const node_sdk_body =
    R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"666","TableGroupId":"1","SnapshotTime":"2020-09-22 00:00:00","TableName":"cl_generic","SnapshotDeadTime":"2020-09-22 00:00:00"}]})";

HttpRequest node_sdk_request() {
    return make_request(
        "POST", "/",
        {{"x-tc-traceid", "05473cbc-ed99-4814-a8d3-c4861097611c"},
         {"host", "127.0.0.1:19001"},
         {"x-tc-action", "CreateSnapshots"},
         {"x-tc-region", "ap-guangzhou"},
         {"x-tc-timestamp", "1795842091"},
         {"x-tc-version", "2019-08-23"},
         {"x-tc-requestclient", "SDK_NODEJS_4.1.313"},
         {"content-type", "application/json"},
         {"authorization",
          "TC3-HMAC-SHA256 Credential=AKIDfake/2026-11-28/127/tc3_request, SignedHeaders=content-type;host, "
          "Signature=3b56ae17"},
         {"accept", "*/*"},
         {"content-length", "182"},
         {"user-agent", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"},
         {"accept-encoding", "gzip,deflate"},
         {"connection", "keep-alive"}},
        node_sdk_body);
}

TEST(DecodeApiRequest, NodeSdkRequest) {
    const HttpRequest http = node_sdk_request();
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->scheme, SigningScheme::tc3);
    EXPECT_EQ(request->action, "CreateSnapshots");
    EXPECT_EQ(request->version, "2019-08-23");
    EXPECT_EQ(request->region, "ap-guangzhou");
    EXPECT_TRUE(request->region_present);
    EXPECT_EQ(request->timestamp, "1795842091");
    EXPECT_TRUE(request->timestamp_present);
    EXPECT_EQ(request->trace_id, "05473cbc-ed99-4814-a8d3-c4861097611c");
    EXPECT_EQ(request->request_client, "SDK_NODEJS_4.1.313");
    EXPECT_EQ(request->token, "");
    EXPECT_EQ(request->language, Language::en_us);
    EXPECT_EQ(json::value(request->params), json::parse(node_sdk_body));
    EXPECT_FALSE(request->params_from_form);
    EXPECT_TRUE(request->signed_parameters.empty());
    EXPECT_EQ(request->http, &http);
    EXPECT_STREQ(request->region_parameter_name(), "X-TC-Region");
}

// --- every wire form --------------------------------------------------------------------------

struct WireCase {
    const char* name;
    HttpRequest http;
    SigningScheme scheme;
    std::string action;
    std::string region;
    std::string params_json;
    bool params_from_form;
};

class WireForms : public ::testing::TestWithParam<WireCase> {};

TEST_P(WireForms, DecodeIntoOneShape) {
    const auto& c = GetParam();
    auto request = decode_api_request(c.http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->scheme, c.scheme);
    EXPECT_EQ(request->action, c.action);
    EXPECT_EQ(request->version, "2019-08-23");
    EXPECT_EQ(request->region, c.region);
    EXPECT_TRUE(request->region_present);
    EXPECT_EQ(json::value(request->params), json::parse(c.params_json)) << json::serialize(request->params);
    EXPECT_EQ(request->params_from_form, c.params_from_form);
    EXPECT_EQ(request->http, &c.http);
}

const Headers tc3_headers = {{"x-tc-action", "DescribeSnapshots"},
                             {"x-tc-version", "2019-08-23"},
                             {"x-tc-region", "ap-shanghai"},
                             {"x-tc-timestamp", "1700000000"}};

Headers with(Headers headers, std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return headers;
}

const char* const v1_query =
    "ClusterId=18685341856&SelectedTables.0.TableGroupId=1&SelectedTables.0.TableName=t1"
    "&Action=DescribeSnapshots&Nonce=56138&Timestamp=1700000000&Version=2019-08-23"
    "&SecretId=AKIDexample&Region=ap-shanghai&SignatureMethod=HmacSHA256&Signature=abc%2B%2F%3D";

const char* const form_params_json =
    R"({"ClusterId":"18685341856","SelectedTables":[{"TableGroupId":"1","TableName":"t1"}]})";

INSTANTIATE_TEST_SUITE_P(
    Cases, WireForms,
    ::testing::Values(
        WireCase{"post_json",
                 make_request("POST", "/", with(tc3_headers, "content-type", "application/json"),
                              R"({"ClusterId":"18685341856","TableName":"t1"})"),
                 SigningScheme::tc3, "DescribeSnapshots", "ap-shanghai",
                 R"({"ClusterId":"18685341856","TableName":"t1"})", false},
        WireCase{"post_json_with_charset",
                 make_request("POST", "/", with(tc3_headers, "content-type", "application/json; charset=utf-8"),
                              R"({"ClusterId":"1"})"),
                 SigningScheme::tc3, "DescribeSnapshots", "ap-shanghai", R"({"ClusterId":"1"})", false},
        WireCase{"post_json_media_type_in_capitals",
                 make_request("POST", "/", with(tc3_headers, "content-type", " Application/JSON ;charset=UTF-8"),
                              R"({"ClusterId":"1"})"),
                 SigningScheme::tc3, "DescribeSnapshots", "ap-shanghai", R"({"ClusterId":"1"})", false},
        WireCase{"post_json_empty_object",
                 make_request("POST", "/", with(tc3_headers, "content-type", "application/json"), "{}"),
                 SigningScheme::tc3, "DescribeSnapshots", "ap-shanghai", "{}", false},
        WireCase{"get_tc3_query",
                 make_request("GET",
                              "/?ClusterId=18685341856&SelectedTables.0.TableGroupId=1&SelectedTables.0.TableName=t1",
                              with(tc3_headers, "content-type", "application/x-www-form-urlencoded")),
                 SigningScheme::tc3, "DescribeSnapshots", "ap-shanghai", form_params_json, true},
        WireCase{"post_form_tc3",
                 make_request("POST", "/", with(tc3_headers, "content-type", "application/x-www-form-urlencoded"),
                              "ClusterId=18685341856&SelectedTables.0.TableGroupId=1&SelectedTables.0.TableName=t1"),
                 SigningScheme::tc3, "DescribeSnapshots", "ap-shanghai", form_params_json, true},
        WireCase{"post_form_v1",
                 make_request("POST", "/", {{"content-type", "application/x-www-form-urlencoded"}}, v1_query),
                 SigningScheme::v1, "DescribeSnapshots", "ap-shanghai", form_params_json, true},
        WireCase{"post_form_v1_with_charset",
                 make_request("POST", "/",
                              {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"}}, v1_query),
                 SigningScheme::v1, "DescribeSnapshots", "ap-shanghai", form_params_json, true},
        WireCase{"get_v1", make_request("GET", std::string("/?") + v1_query, {}), SigningScheme::v1,
                 "DescribeSnapshots", "ap-shanghai", form_params_json, true}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(DecodeApiRequest, GetWithoutQueryIsAnEmptyV1Request) {
    const auto http = make_request("GET", "/", {});
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->scheme, SigningScheme::v1);
    EXPECT_TRUE(request->params.empty());
    EXPECT_FALSE(request->region_present);
    EXPECT_FALSE(request->timestamp_present);
    EXPECT_STREQ(request->region_parameter_name(), "Region");
}

TEST(DecodeApiRequest, GetIgnoresItsBody) {
    const auto http = make_request("GET", "/?ClusterId=1", tc3_headers, "not even json");
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(json::value(request->params), json::parse(R"({"ClusterId":"1"})"));
}

TEST(DecodeApiRequest, PostIgnoresItsQueryString) {
    const auto http =
        make_request("POST", "/?Action=Other&x", with(tc3_headers, "content-type", "application/json"), "{}");
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->action, "DescribeSnapshots");
    EXPECT_TRUE(request->params.empty());
}

TEST(DecodeApiRequest, JsonBodyKeepsItsTypesAndUtf8) {
    const auto http = make_request("POST", "/", with(tc3_headers, "content-type", "application/json"),
                                   "{\"Limit\": 1, \"Flag\": true, \"Name\": \"\xE5\xBF\xAB\xE7\x85\xA7\", "
                                   "\"Escaped\": \"\\u672a\\u547d\\u540d\", \"Nothing\": null}");
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->params.at("Limit").as_int64(), 1);
    EXPECT_TRUE(request->params.at("Flag").as_bool());
    EXPECT_EQ(request->params.at("Name").as_string(), "\xE5\xBF\xAB\xE7\x85\xA7");
    EXPECT_EQ(request->params.at("Escaped").as_string(), "\xE6\x9C\xAA\xE5\x91\xBD\xE5\x90\x8D");
    EXPECT_TRUE(request->params.at("Nothing").is_null());
}

// --- common parameters from X-TC-* headers ----------------------------------------------------

TEST(DecodeApiRequest, ReadsEveryCommonHeader) {
    const auto http = make_request("POST", "/",
                                   {{"content-type", "application/json"},
                                    {"x-tc-action", " CreateSnapshots "},
                                    {"x-tc-version", "\t2019-08-23"},
                                    {"x-tc-region", "ap-beijing"},
                                    {"x-tc-timestamp", "1551113065"},
                                    {"x-tc-token", "session-token"},
                                    {"x-tc-traceid", "trace-1"},
                                    {"x-tc-requestclient", "SDK_PYTHON_3.0.1"},
                                    {"x-tc-language", "zh-CN"}},
                                   "{}");
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->action, "CreateSnapshots");
    EXPECT_EQ(request->version, "2019-08-23");
    EXPECT_EQ(request->region, "ap-beijing");
    EXPECT_EQ(request->timestamp, "1551113065");
    EXPECT_EQ(request->token, "session-token");
    EXPECT_EQ(request->trace_id, "trace-1");
    EXPECT_EQ(request->request_client, "SDK_PYTHON_3.0.1");
    EXPECT_EQ(request->language, Language::zh_cn);
}

TEST(DecodeApiRequest, FirstOfRepeatedHeadersCounts) {
    const auto http = make_request(
        "POST", "/",
        {{"content-type", "application/json"}, {"x-tc-action", "First"}, {"x-tc-action", "Second"}}, "{}");
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->action, "First");
}

struct PresenceCase {
    const char* name;
    Headers headers;
    bool region_present;
    std::string region;
    bool timestamp_present;
};

class HeaderPresence : public ::testing::TestWithParam<PresenceCase> {};

TEST_P(HeaderPresence, TellsAbsentFromEmpty) {
    const auto& c = GetParam();
    const auto http = make_request("POST", "/", with(c.headers, "content-type", "application/json"), "{}");
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->region_present, c.region_present);
    EXPECT_EQ(request->region, c.region);
    EXPECT_EQ(request->timestamp_present, c.timestamp_present);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, HeaderPresence,
    ::testing::Values(PresenceCase{"absent", {}, false, "", false},
                    PresenceCase{"empty", {{"x-tc-region", ""}, {"x-tc-timestamp", ""}}, true, "", true},
                    PresenceCase{"blank", {{"x-tc-region", "  "}}, true, "", false},
                    PresenceCase{"not_a_region_still_decoded", {{"x-tc-region", "gz"}}, true, "gz", false},
                    PresenceCase{"set", {{"x-tc-region", "ap-tokyo"}, {"x-tc-timestamp", "1"}}, true, "ap-tokyo",
                                 true}),
    [](const auto& info) { return std::string(info.param.name); });

struct LanguageCase {
    const char* name;
    HttpRequest http;
    Language expected;
};

class RequestLanguage : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(RequestLanguage, OnlyZhCnSelectsChinese) {
    const auto& c = GetParam();
    auto request = decode_api_request(c.http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->language, c.expected);
}

HttpRequest json_with_language(std::string language) {
    return make_request("POST", "/", {{"content-type", "application/json"}, {"x-tc-language", std::move(language)}},
                        "{}");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RequestLanguage,
    ::testing::Values(
        LanguageCase{"header_absent", make_request("POST", "/", {{"content-type", "application/json"}}, "{}"),
                     Language::en_us},
        LanguageCase{"header_zh_cn", json_with_language("zh-CN"), Language::zh_cn},
        LanguageCase{"header_zh_cn_padded", json_with_language(" zh-CN "), Language::zh_cn},
        LanguageCase{"header_en_us", json_with_language("en-US"), Language::en_us},
        LanguageCase{"header_other", json_with_language("fr-FR"), Language::en_us},
        LanguageCase{"header_lowercase", json_with_language("zh-cn"), Language::en_us},
        LanguageCase{"v1_parameter_zh_cn", make_request("GET", "/?Action=A&Language=zh-CN", {}), Language::zh_cn},
        LanguageCase{"v1_parameter_en_us", make_request("GET", "/?Action=A&Language=en-US", {}), Language::en_us},
        LanguageCase{"v1_ignores_header",
                     make_request("GET", "/?Action=A", {{"x-tc-language", "zh-CN"}}), Language::en_us},
        LanguageCase{"get_tc3_header",
                     make_request("GET", "/?A=1", {{"x-tc-action", "A"}, {"x-tc-language", "zh-CN"}}),
                     Language::zh_cn}),
    [](const auto& info) { return std::string(info.param.name); });

// --- v1 common parameters ---------------------------------------------------------------------

TEST(DecodeApiRequest, V1TakesOutEveryCommonParameter) {
    const auto http = make_request(
        "POST", "/", {{"content-type", "application/x-www-form-urlencoded"}, {"x-tc-traceid", "t-1"}},
        "ClusterId=c1&Action=CreateSnapshots&Version=2019-08-23&Region=ap-guangzhou&Timestamp=1700000000"
        "&Nonce=56138&SecretId=AKIDexample&SignatureMethod=HmacSHA256&Signature=ab%2Bc%2Fd%3D%3D"
        "&Token=tok&Language=zh-CN&RequestClient=SDK_NODEJS_4.1.313&SelectedTables.0.TableName=t+1");
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->scheme, SigningScheme::v1);
    EXPECT_EQ(request->action, "CreateSnapshots");
    EXPECT_EQ(request->version, "2019-08-23");
    EXPECT_EQ(request->region, "ap-guangzhou");
    EXPECT_TRUE(request->region_present);
    EXPECT_EQ(request->timestamp, "1700000000");
    EXPECT_TRUE(request->timestamp_present);
    EXPECT_EQ(request->nonce, "56138");
    EXPECT_EQ(request->secret_id, "AKIDexample");
    EXPECT_EQ(request->signature_method, "HmacSHA256");
    EXPECT_EQ(request->signature, "ab+c/d==");
    EXPECT_EQ(request->token, "tok");
    EXPECT_EQ(request->language, Language::zh_cn);
    EXPECT_EQ(request->request_client, "SDK_NODEJS_4.1.313");
    EXPECT_EQ(request->trace_id, "t-1");
    EXPECT_EQ(json::value(request->params),
              json::parse(R"({"ClusterId":"c1","SelectedTables":[{"TableName":"t 1"}]})"));
    EXPECT_TRUE(request->params_from_form);

    const std::vector<std::pair<std::string, std::string>> signed_parameters = {
        {"ClusterId", "c1"},
        {"Action", "CreateSnapshots"},
        {"Version", "2019-08-23"},
        {"Region", "ap-guangzhou"},
        {"Timestamp", "1700000000"},
        {"Nonce", "56138"},
        {"SecretId", "AKIDexample"},
        {"SignatureMethod", "HmacSHA256"},
        {"Token", "tok"},
        {"Language", "zh-CN"},
        {"RequestClient", "SDK_NODEJS_4.1.313"},
        {"SelectedTables.0.TableName", "t 1"}};
    EXPECT_EQ(request->signed_parameters, signed_parameters);
}

TEST(DecodeApiRequest, V1WithoutRegionOrTimestamp) {
    const auto http = make_request("GET", "/?Action=CreateSnapshots&Version=2019-08-23", {});
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_FALSE(request->region_present);
    EXPECT_FALSE(request->timestamp_present);
    EXPECT_EQ(request->signature_method, "");
}

TEST(DecodeApiRequest, V1EmptyRegionIsPresent) {
    const auto http = make_request("GET", "/?Action=CreateSnapshots&Region=", {});
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_TRUE(request->region_present);
    EXPECT_EQ(request->region, "");
}

TEST(DecodeApiRequest, Tc3FormKeepsCommonNamesAsBusinessParameters) {
    const auto http = make_request("GET", "/?Action=Other&Region=x&ClusterId=1",
                                   {{"x-tc-action", "CreateSnapshots"}, {"x-tc-region", "ap-guangzhou"}});
    auto request = decode_api_request(http);
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(request->scheme, SigningScheme::tc3);
    EXPECT_EQ(request->action, "CreateSnapshots");
    EXPECT_EQ(request->region, "ap-guangzhou");
    EXPECT_EQ(json::value(request->params), json::parse(R"({"Action":"Other","Region":"x","ClusterId":"1"})"));
    EXPECT_TRUE(request->signed_parameters.empty());
}

// --- decode errors ----------------------------------------------------------------------------

struct ErrorCase {
    const char* name;
    HttpRequest http;
    ApiError expected;
    std::string code;       // spelled out: the code is the contract
    std::string mentioned;  // what the English message must name
};

class DecodeErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(DecodeErrors, FailWithTheCatalogError) {
    const auto& c = GetParam();
    auto request = decode_api_request(c.http);
    ASSERT_TRUE(request.has_error());
    EXPECT_TRUE(same_error(request.error(), c.expected));
    EXPECT_EQ(request.error().code, c.code);
    EXPECT_NE(request.error().message.en.find(c.mentioned), std::string::npos) << request.error().message.en;
    EXPECT_FALSE(request.error().message.zh.empty());
}

HttpRequest json_post(std::string body) {
    return make_request("POST", "/", with(tc3_headers, "content-type", "application/json"), std::move(body));
}

HttpRequest form_post(std::string body) {
    return make_request("POST", "/", {{"content-type", "application/x-www-form-urlencoded"}}, std::move(body));
}

HttpRequest post_with_content_type(std::string content_type) {
    return make_request("POST", "/", with(tc3_headers, "content-type", std::move(content_type)), "{}");
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DecodeErrors,
    ::testing::Values(
        ErrorCase{"put", make_request("PUT", "/", tc3_headers, "{}"), errors::unsupported_protocol("PUT"),
                  "UnsupportedProtocol", "`PUT`"},
        ErrorCase{"delete", make_request("DELETE", "/", {}), errors::unsupported_protocol("DELETE"),
                  "UnsupportedProtocol", "`DELETE`"},
        ErrorCase{"head", make_request("HEAD", "/", {}), errors::unsupported_protocol("HEAD"),
                  "UnsupportedProtocol", "`HEAD`"},
        ErrorCase{"options", make_request("OPTIONS", "/", {}), errors::unsupported_protocol("OPTIONS"),
                  "UnsupportedProtocol", "`OPTIONS`"},
        ErrorCase{"lowercase_get", make_request("get", "/?Action=A", {}), errors::unsupported_protocol("get"),
                  "UnsupportedProtocol", "`get`"},
        ErrorCase{"post_without_content_type", make_request("POST", "/", tc3_headers, "{}"),
                  errors::unsupported_content_type(""), "InvalidParameter", "Content-Type"},
        ErrorCase{"post_text_plain", post_with_content_type("text/plain"),
                  errors::unsupported_content_type("text/plain"), "InvalidParameter", "`text/plain`"},
        ErrorCase{"post_multipart", post_with_content_type("multipart/form-data; boundary=x"),
                  errors::unsupported_content_type("multipart/form-data; boundary=x"), "InvalidParameter",
                  "`multipart/form-data; boundary=x`"},
        ErrorCase{"post_json_lookalike", post_with_content_type("application/jsonp"),
                  errors::unsupported_content_type("application/jsonp"), "InvalidParameter", "`application/jsonp`"},
        ErrorCase{"post_json_suffix_type", post_with_content_type("application/problem+json"),
                  errors::unsupported_content_type("application/problem+json"), "InvalidParameter",
                  "`application/problem+json`"},
        ErrorCase{"json_empty_body", json_post(""), errors::body_not_json("the body is empty"), "InvalidParameter",
                  "empty"},
        ErrorCase{"json_blank_body", json_post(" \r\n\t"), errors::body_not_json("the body is empty"),
                  "InvalidParameter", "empty"},
        ErrorCase{"json_syntax_error", json_post("{\"ClusterId\": }"), errors::body_not_json("syntax error"),
                  "InvalidParameter", "not valid JSON"},
        ErrorCase{"json_truncated", json_post("{\"ClusterId\": \"1\""), errors::body_not_json("incomplete JSON"),
                  "InvalidParameter", "not valid JSON"},
        ErrorCase{"json_trailing_data", json_post("{} {}"), errors::body_not_json("extra data"),
                  "InvalidParameter", "not valid JSON"},
        ErrorCase{"json_form_body", json_post("ClusterId=1"), errors::body_not_json("syntax error"),
                  "InvalidParameter", "not valid JSON"},
        ErrorCase{"json_array", json_post("[{\"ClusterId\": \"1\"}]"), errors::body_not_object(),
                  "InvalidParameter", "JSON object"},
        ErrorCase{"json_string", json_post("\"x\""), errors::body_not_object(), "InvalidParameter", "JSON object"},
        ErrorCase{"json_null", json_post("null"), errors::body_not_object(), "InvalidParameter", "JSON object"},
        ErrorCase{"form_pair_without_equals", form_post("Action=A&ClusterId"), errors::form_pair_without_equals(),
                  "InvalidParameter", "Url key and value should be splited by `=`."},
        ErrorCase{"query_pair_without_equals", make_request("GET", "/?Action", {}),
                  errors::form_pair_without_equals(), "InvalidParameter", "splited by `=`"},
        ErrorCase{"tc3_query_pair_without_equals", make_request("GET", "/?ClusterId", tc3_headers),
                  errors::form_pair_without_equals(), "InvalidParameter", "splited by `=`"},
        ErrorCase{"form_duplicate_business_parameter", form_post("ClusterId=1&ClusterId=2"),
                  errors::form_parameter_conflict("ClusterId"), "InvalidParameter", "`ClusterId`"},
        ErrorCase{"form_duplicate_common_parameter", form_post("Action=A&Action=B"),
                  errors::form_parameter_conflict("Action"), "InvalidParameter", "`Action`"},
        ErrorCase{"form_duplicate_signature", form_post("Signature=a&Signature=b"),
                  errors::form_parameter_conflict("Signature"), "InvalidParameter", "`Signature`"},
        ErrorCase{"form_index_gap",
                  make_request("GET", "/?SelectedTables.0.TableName=a&SelectedTables.2.TableName=b", tc3_headers),
                  errors::form_parameter_conflict("SelectedTables"), "InvalidParameter", "`SelectedTables`"},
        ErrorCase{"form_index_and_name", form_post("Snapshots.0=a&Snapshots.TableName=b"),
                  errors::form_parameter_conflict("Snapshots"), "InvalidParameter", "`Snapshots`"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(DecodeErrors, JsonNotUtf8) {
    auto request = decode_api_request(json_post("{\"Name\": \"\xff\xfe\"}"));
    ASSERT_TRUE(request.has_error());
    EXPECT_EQ(request.error().code, "InvalidParameter");
    EXPECT_NE(request.error().message.en.find("not valid JSON"), std::string::npos) << request.error().message.en;
}

TEST(DecodeErrors, JsonNestedTooDeep) {
    auto request = decode_api_request(json_post("{\"A\":" + std::string(40, '[') + std::string(40, ']') + "}"));
    ASSERT_TRUE(request.has_error());
    EXPECT_TRUE(same_error(request.error(), errors::body_not_json("too deep")));
}

TEST(DecodeApiRequest, JsonRepeatedKeyKeepsTheLastValue) {
    auto request = decode_api_request(json_post(R"({"ClusterId":"1","TableName":"t","ClusterId":"2"})"));
    ASSERT_TRUE(request.has_value()) << request.error().message.en;
    EXPECT_EQ(json::value(request->params), json::parse(R"({"ClusterId":"2","TableName":"t"})"));
}

TEST(DecodeErrors, BadPercentEscapeInForm) {
    auto request = decode_api_request(form_post("Action=A&ClusterId=%zz"));
    ASSERT_TRUE(request.has_error());
    EXPECT_EQ(request.error().code, "InvalidParameterValue");
    EXPECT_NE(request.error().message.en.find("`ClusterId`"), std::string::npos) << request.error().message.en;
}

// --- size limits ------------------------------------------------------------------------------

// A parseable form text of exactly `size` bytes.
std::string form_of_size(std::size_t size) {
    std::string text = "Action=DescribeSnapshots&Pad=";
    text.append(size - text.size(), 'a');
    return text;
}

struct SizeCase {
    const char* name;
    HttpRequest http;
    bool accepted;
    std::size_t limit;
};

class SizeLimits : public ::testing::TestWithParam<SizeCase> {};

TEST_P(SizeLimits, AtTheBoundary) {
    const auto& c = GetParam();
    auto request = decode_api_request(c.http);
    if (c.accepted) {
        EXPECT_TRUE(request.has_value()) << request.error().message.en;
        return;
    }
    ASSERT_TRUE(request.has_error());
    EXPECT_TRUE(same_error(request.error(), errors::request_size_limit_exceeded(c.limit)));
    EXPECT_EQ(request.error().code, "RequestSizeLimitExceeded");
    EXPECT_NE(request.error().message.en.find(std::to_string(c.limit)), std::string::npos);
}

HttpRequest get_with_query_of_size(std::size_t size, Headers headers = {}) {
    return make_request("GET", "/?" + form_of_size(size), std::move(headers));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SizeLimits,
    ::testing::Values(
        SizeCase{"get_query_at_32k", get_with_query_of_size(32 * 1024), true, 0},
        SizeCase{"get_query_over_32k", get_with_query_of_size(32 * 1024 + 1), false, 32 * 1024},
        SizeCase{"get_tc3_query_over_32k", get_with_query_of_size(32 * 1024 + 1, tc3_headers), false, 32 * 1024},
        SizeCase{"get_query_far_over_32k", get_with_query_of_size(200 * 1024), false, 32 * 1024},
        SizeCase{"v1_form_at_1m", form_post(form_of_size(1024 * 1024)), true, 0},
        SizeCase{"v1_form_over_1m", form_post(form_of_size(1024 * 1024 + 1)), false, 1024 * 1024},
        // The 10 MB TC3 limit belongs to the network layer.
        SizeCase{"tc3_form_over_1m",
                 make_request("POST", "/", with(tc3_headers, "content-type", "application/x-www-form-urlencoded"),
                              form_of_size(2 * 1024 * 1024)),
                 true, 0},
        SizeCase{"json_over_1m", json_post("{\"Pad\":\"" + std::string(2 * 1024 * 1024, 'a') + "\"}"), true, 0}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(SizeLimits, MethodIsCheckedBeforeSize) {
    auto request = decode_api_request(make_request("PUT", "/?" + form_of_size(64 * 1024), {}));
    ASSERT_TRUE(request.has_error());
    EXPECT_EQ(request.error().code, "UnsupportedProtocol");
}

}  // namespace
}  // namespace tcaplus_mock::testing
