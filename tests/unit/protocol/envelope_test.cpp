#include "server/protocol/envelope.hpp"

#include "server/core/api_errors.hpp"
#include "server/core/text.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace tcaplus_mock::testing {
namespace {

namespace json = boost::json;

const char* const request_id = "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6";

TEST(EncodeSuccess, WrapsTheFieldsAndAddsTheRequestIdLast) {
    json::object fields;
    fields["TotalCount"] = 1;
    fields["TableResults"] = json::array{json::object{{"TableName", "t1"}, {"SnapshotSize", 0}}};
    const std::string body = encode_success(std::move(fields), request_id);

    const json::value parsed = json::parse(body);
    ASSERT_EQ(parsed.as_object().size(), 1u);
    const json::object& response = parsed.at("Response").as_object();
    EXPECT_EQ(response.at("RequestId").as_string(), request_id);
    EXPECT_EQ(response.at("TotalCount").as_int64(), 1);
    EXPECT_EQ(response.at("TableResults").at(0).at("TableName").as_string(), "t1");
    EXPECT_FALSE(response.contains("Error"));
    EXPECT_EQ(std::prev(response.end())->key(), "RequestId");
    EXPECT_EQ(body, std::string(R"({"Response":{"TotalCount":1,"TableResults":[{"TableName":"t1","SnapshotSize":0}],)") +
                        R"("RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}})");
}

TEST(EncodeSuccess, NoFieldsGivesOnlyTheRequestId) {
    EXPECT_EQ(encode_success({}, request_id), R"({"Response":{"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}})");
}

TEST(EncodeSuccess, ReplacesARequestIdAmongTheFields) {
    const std::string body = encode_success(json::object{{"RequestId", "stale"}, {"TaskId", "1-2"}}, request_id);
    EXPECT_EQ(body, R"({"Response":{"TaskId":"1-2","RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}})");
}

TEST(EncodeSuccess, KeepsNonAsciiAsUtf8) {
    const std::string name = "\xE5\xBF\xAB\xE7\x85\xA7";  // 快照
    const std::string body = encode_success(json::object{{"SnapshotName", name}}, request_id);
    EXPECT_NE(body.find(name), std::string::npos) << body;
    EXPECT_EQ(body.find("\\u"), std::string::npos) << body;
    EXPECT_EQ(json::parse(body).at("Response").at("SnapshotName").as_string(), name);
}

TEST(EncodeSuccess, BytesThatAreNotUtf8NeverReachTheAnswer) {
    const std::string body = encode_success(json::object{{"Echo", "fz-\xF9" "749 \xC3 \xED\xA0\x80"}}, request_id);
    EXPECT_TRUE(text::is_valid_utf8(body)) << body;
    EXPECT_EQ(json::parse(body).at("Response").at("Echo").as_string(),
              "fz-\xEF\xBF\xBD" "749 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(EncodeSuccess, EscapesWhatJsonRequires) {
    const std::string body = encode_success(json::object{{"Text", "quote\" backslash\\ newline\n"}}, request_id);
    EXPECT_EQ(json::parse(body).at("Response").at("Text").as_string(), "quote\" backslash\\ newline\n");
}

struct ErrorCase {
    const char* name;
    ApiError error;
    Language language;
};

class EncodeError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(EncodeError, IsTheTencentErrorEnvelope) {
    const auto& c = GetParam();
    const std::string body = encode_error(c.error, c.language, request_id);

    const json::value parsed = json::parse(body);
    ASSERT_EQ(parsed.as_object().size(), 1u);
    const json::object& response = parsed.at("Response").as_object();
    ASSERT_EQ(response.size(), 2u);
    EXPECT_EQ(response.at("RequestId").as_string(), request_id);
    const json::object& error = response.at("Error").as_object();
    ASSERT_EQ(error.size(), 2u);
    EXPECT_EQ(error.at("Code").as_string(), c.error.code);
    EXPECT_EQ(error.at("Message").as_string(), c.language == Language::zh_cn ? c.error.message.zh : c.error.message.en);
    // Field order as the real service writes it.
    EXPECT_EQ(body.rfind(R"({"Response":{"Error":{"Code":)", 0), 0u) << body;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EncodeError,
    ::testing::Values(ErrorCase{"missing_parameter_en", errors::missing_parameter("Region"), Language::en_us},
                    ErrorCase{"missing_parameter_zh", errors::missing_parameter("Region"), Language::zh_cn},
                    ErrorCase{"limit_en", errors::request_limit_exceeded(21, 20), Language::en_us},
                    ErrorCase{"limit_zh", errors::request_limit_exceeded(6, 5), Language::zh_cn},
                    ErrorCase{"form_en", errors::form_pair_without_equals(), Language::en_us},
                    ErrorCase{"signature_zh", errors::signature_failure(), Language::zh_cn},
                    ErrorCase{"quotes_in_message", ApiError{"InvalidParameter", {"a \"quoted\" \\ text", "\"引号\""}, {}},
                              Language::en_us}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(EncodeError, ExactBytesInEnglishAndChinese) {
    const ApiError error{"RequestLimitExceeded", {"Too many.", "\xE8\xBF\x87\xE5\xA4\x9A"}, {}};
    EXPECT_EQ(encode_error(error, Language::en_us, "id-1"),
              R"({"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"Too many."},"RequestId":"id-1"}})");
    EXPECT_EQ(encode_error(error, Language::zh_cn, "id-1"),
              "{\"Response\":{\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"\xE8\xBF\x87\xE5\xA4\x9A\"},"
              "\"RequestId\":\"id-1\"}}");
}

using Headers = std::vector<std::pair<std::string, std::string>>;

TEST(MakeApiResponse, Http200WithExactContentTypeAndRequestId) {
    const HttpResponse response = make_api_response("{}", request_id, "");
    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(response.body, "{}");
    EXPECT_FALSE(response.close_connection);
    EXPECT_EQ(response.headers, (Headers{{"Content-Type", "application/json"}, {"X-TC-RequestId", request_id}}));
}

TEST(MakeApiResponse, EchoesTheTraceIdWhenSent) {
    const HttpResponse response = make_api_response("{}", request_id, "05473cbc-ed99-4814-a8d3-c4861097611c");
    EXPECT_EQ(response.headers, (Headers{{"Content-Type", "application/json"},
                                         {"X-TC-RequestId", request_id},
                                         {"X-TC-TraceId", "05473cbc-ed99-4814-a8d3-c4861097611c"}}));
}

TEST(MakeApiResponse, NeverEchoesControlCharacters) {
    using namespace std::string_literals;
    for (const std::string& trace : {"a\r\nSet-Cookie: x=1"s, "a\nb"s, "a\0b"s, "a\x7f"s}) {
        const HttpResponse response = make_api_response("{}", request_id, trace);
        EXPECT_EQ(response.headers.size(), 2u) << trace;
    }
    EXPECT_EQ(make_api_response("{}", request_id, "tab\tis fine").headers.size(), 3u);
}

TEST(MakeApiResponse, ErrorEnvelopeIsAlsoHttp200) {
    const HttpResponse response =
        make_api_response(encode_error(errors::internal_error(), Language::en_us, request_id), request_id, "");
    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(json::parse(response.body).at("Response").at("Error").at("Code").as_string(), "InternalError");
}

bool is_lowercase_uuid_v4(const std::string& id) {
    static const std::regex pattern("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    return std::regex_match(id, pattern);
}

TEST(NewRequestId, IsALowercaseUuidV4) {
    for (int i = 0; i < 100; ++i) {
        const std::string id = new_request_id();
        EXPECT_TRUE(is_lowercase_uuid_v4(id)) << id;
    }
}

TEST(NewRequestId, UniqueAcrossTenThousandCalls) {
    std::unordered_set<std::string> ids;
    for (int i = 0; i < 10000; ++i) ids.insert(new_request_id());
    EXPECT_EQ(ids.size(), 10000u);
}

TEST(NewRequestId, UniqueAcrossThreads) {
    constexpr int threads = 8, per_thread = 5000;
    std::vector<std::vector<std::string>> produced(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&produced, t] {
            for (int i = 0; i < per_thread; ++i) produced[t].push_back(new_request_id());
        });
    for (auto& worker : workers) worker.join();

    std::unordered_set<std::string> ids;
    for (const auto& batch : produced)
        for (const auto& id : batch) {
            EXPECT_TRUE(is_lowercase_uuid_v4(id)) << id;
            ids.insert(id);
        }
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(threads * per_thread));
}

}  // namespace
}  // namespace tcaplus_mock::testing
