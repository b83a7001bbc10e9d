#include "server/core/api_errors.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

// Clients parse these texts; they are the live API's own words (FACTS.md section 9).
TEST(ApiErrors, KnownMessagesAreVerbatim) {
    EXPECT_EQ(errors::missing_parameter("Region").message.en, "The request is missing a required parameter `Region`.");
    EXPECT_EQ(errors::invalid_region("X-TC-Region").message.en,
              "A value specified in `X-TC-Region` is not valid, is unsupported, or cannot be used.");
    EXPECT_EQ(errors::unsupported_region().message.en, "The action not support this region.");
    EXPECT_EQ(errors::signature_failure().message.en,
              "The provided credentials could not be validated. Please check your signature is correct.");
    EXPECT_EQ(errors::secret_id_not_found().message.en,
              "The SecretId is not found, please ensure that your SecretId is correct.");
    EXPECT_EQ(errors::form_pair_without_equals().message.en, "Url key and value should be splited by `=`.");
    EXPECT_EQ(errors::request_limit_exceeded(21, 20).message.en,
              "Your current request times equals to `21` in a second, which exceeds the frequency limit `20` "
              "for a second. Please reduce the frequency of calls.");
    EXPECT_EQ(errors::request_limit_exceeded(6, 5).message.zh, "您当前每秒请求 `6` 次，超过了每秒频率上限 `5`，请稍后重试。");
    EXPECT_EQ(errors::unknown_parameter("$schema").message.en, "The parameter `$schema` is not recognized.");
}

TEST(ApiErrors, CodesMatchTheirSituation) {
    const std::pair<ApiError, const char*> cases[] = {
        {errors::missing_parameter("X"), "MissingParameter"},
        {errors::unknown_parameter("X"), "UnknownParameter"},
        {errors::invalid_parameter_type("X", "string", "integer"), "InvalidParameter"},
        {errors::invalid_parameter_value("X", "v", "e", "e"), "InvalidParameterValue"},
        {errors::body_not_json("x"), "InvalidParameter"},
        {errors::unsupported_protocol("PUT"), "UnsupportedProtocol"},
        {errors::request_size_limit_exceeded(1), "RequestSizeLimitExceeded"},
        {errors::invalid_action("Foo"), "InvalidAction"},
        {errors::no_such_version("2017-03-12"), "NoSuchVersion"},
        {errors::unsupported_region(), "UnsupportedRegion"},
        {errors::signature_expire(1, 2), "AuthFailure.SignatureExpire"},
        {errors::token_failure("Token"), "AuthFailure.TokenFailure"},
        {errors::invalid_authorization("a", "b"), "AuthFailure.InvalidAuthorization"},
        {errors::internal_error(), "InternalError"},
    };
    for (const auto& [error, code] : cases) {
        EXPECT_EQ(error.code, code);
        EXPECT_FALSE(error.message.en.empty()) << code;
        EXPECT_FALSE(error.message.zh.empty()) << code;
    }
}

TEST(ApiErrors, MessagesNameThePathInBothLanguages) {
    const auto error = errors::invalid_parameter_value("SelectedTables.1.SnapshotTime", "2020-13-01 00:00:00",
                                                       "a datetime", "时间");
    for (const auto* text : {&error.message.en, &error.message.zh}) {
        EXPECT_NE(text->find("`SelectedTables.1.SnapshotTime`"), std::string::npos) << *text;
        EXPECT_NE(text->find("`2020-13-01 00:00:00`"), std::string::npos) << *text;
    }
}

TEST(ApiErrors, LongValuesAreCutInMessages) {
    const std::string huge(100000, 'x');
    const auto error = errors::invalid_parameter_value("ClusterId", huge, "short", "短");
    EXPECT_LT(error.message.en.size(), 300u);
}

TEST(ApiErrors, EchoedBytesAreAlwaysUtf8) {
    // A value cut inside a character, and bytes that are not UTF-8 at all.
    const std::string chinese_run(40, 'x');
    const auto cut = errors::quoted_value(chinese_run + "\xe5\xbf\xab\xe7\x85\xa7\xe5\xbf\xab\xe7\x85\xa7\xe5\xbf\xab"
                                          "\xe7\x85\xa7\xe5\xbf\xab\xe7\x85\xa7\xe5\xbf\xab");
    EXPECT_EQ(cut.substr(cut.size() - 4), "...`");
    EXPECT_EQ(errors::quoted("fz-\xf9" "749"), "`fz-\xef\xbf\xbd" "749`");
    EXPECT_EQ(errors::invalid_action("\xff\xfe").message.en.find('\xff'), std::string::npos);
}

}  // namespace
}  // namespace tcaplus_mock::testing
