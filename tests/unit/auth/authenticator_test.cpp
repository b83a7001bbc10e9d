#include "server/auth/authenticator.hpp"

#include "server/auth/v1_signature.hpp"
#include "server/core/api_errors.hpp"
#include "tests/support/sdk_requests.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <stdexcept>

namespace tcaplus_mock::testing {
namespace {

using std::chrono::seconds;

Credential sdk_credential(std::string token = "", std::string sub_account = "") {
    return Credential{sdk_secret_id, sdk_secret_key, std::move(token), std::move(sub_account)};
}

Config::Auth auth_settings(AuthMode mode, std::vector<Credential> credentials = {sdk_credential()}) {
    Config::Auth settings;
    settings.mode = mode;
    settings.credentials = std::move(credentials);
    return settings;
}

class AuthenticatorTest : public ::testing::Test {
protected:
    ManualClock clock_{TimePoint(seconds(sdk_timestamp))};

    Result<AuthOutcome> authenticate(const Config::Auth& settings, const HttpRequest& http,
                                     SignatureDiagnostics* diagnostics = nullptr) {
        const ApiRequest request = http.header("x-tc-timestamp") != nullptr || http.header("authorization") != nullptr
                                       ? tc3_api_request(http)
                                       : v1_api_request(http);
        return Authenticator(settings, clock_).authenticate(request, diagnostics);
    }

    static std::string code_of(const Result<AuthOutcome>& result) { return result ? "" : result.error().code; }
};

// ApiError's defaulted == is unusable while LocalizedText has none; compare field by field.
void expect_same_error(const ApiError& actual, const ApiError& expected, const std::string& context = "") {
    EXPECT_EQ(actual.code, expected.code) << context;
    EXPECT_EQ(actual.message.en, expected.message.en) << context;
    EXPECT_EQ(actual.message.zh, expected.message.zh) << context;
}

// Re-signs a v1 request (HmacSHA256, host as sent) after its parameters were edited.
void resign_v1(ApiRequest& request, std::string_view secret_key = sdk_secret_key) {
    const std::string string_to_sign =
        v1_string_to_sign(request.http->method, *request.http->header("host"), "/", request.signed_parameters);
    request.signature = v1_signature(V1SignatureMethod::hmac_sha256, secret_key, string_to_sign);
}

// --- modes ---

TEST_F(AuthenticatorTest, OffAcceptsAnythingAndStillReportsTheSecretId) {
    const Config::Auth settings = auth_settings(AuthMode::off);
    HttpRequest bare;
    bare.method = "POST";
    bare.target = "/";
    auto outcome = authenticate(settings, bare);
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->secret_id, "");
    EXPECT_EQ(outcome->sub_account, "");
    EXPECT_FALSE(outcome->signature_verified);

    HttpRequest forged = node_tc3_post();
    forged.body = "{}";
    clock_.advance(std::chrono::hours(24));
    outcome = authenticate(settings, forged);
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->secret_id, sdk_secret_id);
    EXPECT_EQ(outcome->sub_account, "");
    EXPECT_FALSE(outcome->signature_verified);

    outcome = authenticate(settings, node_v1_get_hmac_sha1());
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->secret_id, sdk_secret_id);

    ApiRequest without_http;
    EXPECT_TRUE(Authenticator(settings, clock_).authenticate(without_http, nullptr).has_value());
}

TEST_F(AuthenticatorTest, AnyVerifiesConfiguredCredentials) {
    auto outcome = authenticate(auth_settings(AuthMode::any), node_tc3_post());
    ASSERT_TRUE(outcome.has_value()) << outcome.error().code;
    EXPECT_EQ(outcome->secret_id, sdk_secret_id);
    EXPECT_EQ(outcome->sub_account, sdk_secret_id);
    EXPECT_TRUE(outcome->signature_verified);

    HttpRequest forged = node_tc3_post();
    forged.body = "{}";
    EXPECT_EQ(code_of(authenticate(auth_settings(AuthMode::any), forged)), "AuthFailure.SignatureFailure");
}

TEST_F(AuthenticatorTest, AnyAcceptsAnUnknownSecretIdWithoutVerifyingIt) {
    const Config::Auth settings = auth_settings(AuthMode::any, {Credential{"AKIDother", "other-key", "", ""}});
    HttpRequest forged = node_tc3_post();
    forged.body = "{}";
    auto outcome = authenticate(settings, forged);
    ASSERT_TRUE(outcome.has_value()) << outcome.error().code;
    EXPECT_EQ(outcome->secret_id, sdk_secret_id);
    EXPECT_EQ(outcome->sub_account, sdk_secret_id);
    EXPECT_FALSE(outcome->signature_verified);
}

TEST_F(AuthenticatorTest, AnyStillRequiresAWellFormedFreshRequest) {
    const Config::Auth settings = auth_settings(AuthMode::any, {});
    HttpRequest missing = node_tc3_post();
    remove_header(missing, "authorization");
    EXPECT_EQ(code_of(authenticate(settings, missing)), "AuthFailure.InvalidAuthorization");

    HttpRequest malformed = node_tc3_post();
    set_header(malformed, "authorization", "SKIP");
    EXPECT_EQ(code_of(authenticate(settings, malformed)), "AuthFailure.InvalidAuthorization");

    clock_.advance(seconds(301));
    EXPECT_EQ(code_of(authenticate(settings, node_tc3_post())), "AuthFailure.SignatureExpire");
}

TEST_F(AuthenticatorTest, StrictRejectsAnUnknownSecretId) {
    const Config::Auth settings = auth_settings(AuthMode::strict, {Credential{"AKIDother", "other-key", "", ""}});
    const auto result = authenticate(settings, node_tc3_post());
    ASSERT_FALSE(result.has_value());
    expect_same_error(result.error(), errors::secret_id_not_found());
    EXPECT_EQ(code_of(authenticate(settings, node_v1_post_hmac_sha256())), "AuthFailure.SecretIdNotFound");
}

TEST_F(AuthenticatorTest, StrictVerifiesEveryFormTheNodeSdkSends) {
    const Config::Auth settings = auth_settings(AuthMode::strict);
    for (const HttpRequest& http : {node_tc3_post(), node_tc3_get(), node_v1_post_hmac_sha256(),
                                    node_v1_get_hmac_sha1()}) {
        auto outcome = authenticate(settings, http);
        ASSERT_TRUE(outcome.has_value()) << http.method << " " << http.target << ": " << outcome.error().code;
        EXPECT_EQ(outcome->secret_id, sdk_secret_id);
        EXPECT_TRUE(outcome->signature_verified);
    }
}

TEST_F(AuthenticatorTest, ReportsTheCredentialsSubAccount) {
    auto outcome = authenticate(auth_settings(AuthMode::strict, {sdk_credential("", "team-a")}), node_tc3_post());
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->sub_account, "team-a");
}

TEST_F(AuthenticatorTest, RequiresTheHttpMessageToVerify) {
    ApiRequest request = tc3_api_request(node_tc3_post());
    request.http = nullptr;
    EXPECT_THROW((void)Authenticator(auth_settings(AuthMode::any), clock_).authenticate(request, nullptr),
                 std::logic_error);
}

// --- TC3 tampering ---

struct Tc3Tamper {
    const char* what;
    std::function<void(HttpRequest&)> apply;
    const char* code;  // "" = still accepted
};

TEST_F(AuthenticatorTest, Tc3RejectsEachTamperedPart) {
    const Tc3Tamper tampers[] = {
        {"nothing", [](HttpRequest&) {}, ""},
        {"an unsigned header", [](HttpRequest& h) { set_header(h, "x-tc-region", "ap-shanghai"); }, ""},
        {"the host without its port", [](HttpRequest& h) { set_header(h, "host", "127.0.0.1"); }, ""},
        {"the host", [](HttpRequest& h) { set_header(h, "host", "127.0.0.2:45971"); },
         "AuthFailure.SignatureFailure"},
        {"the body", [](HttpRequest& h) { h.body.replace(h.body.find("cl_generic"), 10, "cl_generix"); },
         "AuthFailure.SignatureFailure"},
        {"a signed header's value",
         [](HttpRequest& h) { set_header(h, "content-type", "application/json; charset=utf-8"); },
         "AuthFailure.SignatureFailure"},
        {"the method", [](HttpRequest& h) { h.method = "GET"; }, "AuthFailure.SignatureFailure"},
        {"the timestamp", [](HttpRequest& h) { set_header(h, "x-tc-timestamp", "1795888388"); },
         "AuthFailure.SignatureFailure"},
        {"UNSIGNED-PAYLOAD added", [](HttpRequest& h) { h.headers.emplace_back("x-tc-content-sha256", "UNSIGNED-PAYLOAD"); },
         "AuthFailure.SignatureFailure"},
        {"the scope date",
         [](HttpRequest& h) {
             std::string value = *h.header("authorization");
             value.replace(value.find("2026-11-28"), 10, "2026-11-27");
             set_header(h, "authorization", value);
         },
         "AuthFailure.SignatureFailure"},
        {"the scope service",
         [](HttpRequest& h) {
             std::string value = *h.header("authorization");
             value.replace(value.find("/127/"), 5, "/tcaplusdb/");
             set_header(h, "authorization", value);
         },
         "AuthFailure.SignatureFailure"},
        {"SignedHeaders gains a header",
         [](HttpRequest& h) {
             std::string value = *h.header("authorization");
             value.replace(value.find("content-type;host"), 17, "content-type;host;x-tc-action");
             set_header(h, "authorization", value);
         },
         "AuthFailure.SignatureFailure"},
        {"SignedHeaders loses a header",
         [](HttpRequest& h) {
             std::string value = *h.header("authorization");
             value.replace(value.find("content-type;host"), 17, "host");
             set_header(h, "authorization", value);
         },
         "AuthFailure.SignatureFailure"},
        {"the signature",
         [](HttpRequest& h) {
             std::string value = *h.header("authorization");
             value.back() = value.back() == '0' ? '1' : '0';
             set_header(h, "authorization", value);
         },
         "AuthFailure.SignatureFailure"},
        {"the algorithm",
         [](HttpRequest& h) {
             std::string value = *h.header("authorization");
             value.replace(0, 15, "TC3-HMAC-SHA512");
             set_header(h, "authorization", value);
         },
         "AuthFailure.InvalidAuthorization"},
    };
    const Config::Auth settings = auth_settings(AuthMode::strict);
    for (const auto& tamper : tampers) {
        HttpRequest http = node_tc3_post();
        tamper.apply(http);
        const auto result = authenticate(settings, http);
        EXPECT_EQ(code_of(result), tamper.code) << tamper.what;
        if (!result && std::string(tamper.code) == "AuthFailure.SignatureFailure") {
            expect_same_error(result.error(), errors::signature_failure(), tamper.what);
        }
    }
}

// --- timestamps ---

TEST_F(AuthenticatorTest, Tc3RequiresAnIntegerTimestamp) {
    const Config::Auth settings = auth_settings(AuthMode::strict);
    HttpRequest missing = node_tc3_post();
    remove_header(missing, "x-tc-timestamp");
    auto result = authenticate(settings, missing);
    ASSERT_FALSE(result.has_value());
    expect_same_error(result.error(), errors::missing_parameter("X-TC-Timestamp"));

    for (const char* value : {"", "abc", "1795888387.0", " 1795888387", "+1795888387", "1795888387s", "1.795888387e9",
                              "99999999999999999999"}) {
        HttpRequest http = node_tc3_post();
        set_header(http, "x-tc-timestamp", value);
        result = authenticate(settings, http);
        ASSERT_FALSE(result.has_value()) << value;
        EXPECT_EQ(result.error().code, "InvalidParameterValue") << value;
        EXPECT_NE(result.error().message.en.find("`X-TC-Timestamp`"), std::string::npos) << value;
    }
}

TEST_F(AuthenticatorTest, TimestampWindowIsInclusiveInBothDirections) {
    struct Edge {
        long long offset;  // server time minus request time
        const char* code;
    };
    const Edge edges[] = {{0, ""}, {300, ""}, {301, "AuthFailure.SignatureExpire"}, {-300, ""},
                          {-301, "AuthFailure.SignatureExpire"}, {100000, "AuthFailure.SignatureExpire"}};
    for (AuthMode mode : {AuthMode::any, AuthMode::strict}) {
        for (const auto& edge : edges) {
            clock_.set(TimePoint(seconds(sdk_timestamp + edge.offset)));
            EXPECT_EQ(code_of(authenticate(auth_settings(mode), node_tc3_post())), edge.code) << edge.offset;
            EXPECT_EQ(code_of(authenticate(auth_settings(mode), node_v1_post_hmac_sha256())), edge.code)
                << edge.offset;
        }
    }
    clock_.set(TimePoint(seconds(sdk_timestamp + 301)));
    const auto result = authenticate(auth_settings(AuthMode::strict), node_tc3_post());
    ASSERT_FALSE(result.has_value());
    expect_same_error(result.error(), errors::signature_expire(sdk_timestamp, sdk_timestamp + 301));
}

TEST_F(AuthenticatorTest, TimestampWindowFollowsTheSettings) {
    Config::Auth settings = auth_settings(AuthMode::strict);
    settings.timestamp_window = seconds(10);
    clock_.set(TimePoint(seconds(sdk_timestamp + 10)));
    EXPECT_EQ(code_of(authenticate(settings, node_tc3_post())), "");
    clock_.set(TimePoint(seconds(sdk_timestamp + 11)));
    EXPECT_EQ(code_of(authenticate(settings, node_tc3_post())), "AuthFailure.SignatureExpire");
}

// --- tokens ---

TEST_F(AuthenticatorTest, ACredentialWithATokenRequiresIt) {
    const Config::Auth settings = auth_settings(AuthMode::strict, {sdk_credential(sdk_token)});
    EXPECT_EQ(code_of(authenticate(settings, node_tc3_post_with_token())), "");

    const auto missing = authenticate(settings, node_tc3_post());
    ASSERT_FALSE(missing.has_value());
    expect_same_error(missing.error(), errors::token_failure("X-TC-Token"));

    HttpRequest wrong = node_tc3_post_with_token();
    set_header(wrong, "x-tc-token", "temporary-token-valuf");
    EXPECT_EQ(code_of(authenticate(settings, wrong)), "AuthFailure.TokenFailure");

    // Without a configured token, a token sent is not checked.
    EXPECT_EQ(code_of(authenticate(auth_settings(AuthMode::strict), node_tc3_post_with_token())), "");
}

TEST_F(AuthenticatorTest, V1TokenTravelsAsAParameter) {
    const Authenticator authenticator(auth_settings(AuthMode::strict, {sdk_credential(sdk_token)}), clock_);
    const HttpRequest http = node_v1_post_hmac_sha256();
    ApiRequest request = v1_api_request(http);
    EXPECT_EQ(code_of(authenticator.authenticate(request, nullptr)), "AuthFailure.TokenFailure");

    request.signed_parameters.emplace_back("Token", sdk_token);
    request.token = sdk_token;
    resign_v1(request);
    EXPECT_EQ(code_of(authenticator.authenticate(request, nullptr)), "");

    request.token = "temporary-token-valuf";
    request.signed_parameters.back().second = request.token;
    resign_v1(request);
    EXPECT_EQ(code_of(authenticator.authenticate(request, nullptr)), "AuthFailure.TokenFailure");
}

// --- v1 ---

TEST_F(AuthenticatorTest, V1NamesEachMissingCommonParameter) {
    const Config::Auth settings = auth_settings(AuthMode::strict);
    for (const char* name : {"SecretId", "Signature", "Nonce", "Timestamp"}) {
        HttpRequest http = node_v1_post_hmac_sha256();
        const auto start = http.body.find(std::string("&") + name + "=");
        ASSERT_NE(start, std::string::npos) << name;
        const auto end = http.body.find('&', start + 1);
        http.body.erase(start, end == std::string::npos ? std::string::npos : end - start);
        const auto result = authenticate(settings, http);
        ASSERT_FALSE(result.has_value()) << name;
        expect_same_error(result.error(), errors::missing_parameter(name), name);
    }
}

TEST_F(AuthenticatorTest, V1RejectsBadCommonParameterValues) {
    const Config::Auth settings = auth_settings(AuthMode::any, {});
    struct Case {
        const char* from;
        const char* to;
        const char* parameter;
    };
    const Case cases[] = {
        {"SignatureMethod=HmacSHA256", "SignatureMethod=HmacMD5", "`SignatureMethod`"},
        {"Nonce=57320", "Nonce=57a20", "`Nonce`"},
        {"Nonce=57320", "Nonce=-5", "`Nonce`"},
        {"Timestamp=1795888387", "Timestamp=1795888387.5", "`Timestamp`"},
        {"Timestamp=1795888387", "Timestamp=", "`Timestamp`"},
    };
    for (const auto& c : cases) {
        HttpRequest http = node_v1_post_hmac_sha256();
        http.body.replace(http.body.find(c.from), std::string_view(c.from).size(), c.to);
        const auto result = authenticate(settings, http);
        ASSERT_FALSE(result.has_value()) << c.to;
        EXPECT_EQ(result.error().code, "InvalidParameterValue") << c.to;
        EXPECT_NE(result.error().message.en.find(c.parameter), std::string::npos) << c.to;
    }
}

TEST_F(AuthenticatorTest, V1DefaultsToHmacSha1WhenSignatureMethodIsAbsent) {
    const Authenticator authenticator(auth_settings(AuthMode::strict), clock_);
    const HttpRequest http = node_v1_get_hmac_sha1();
    ApiRequest request = v1_api_request(http);
    std::erase_if(request.signed_parameters, [](const auto& p) { return p.first == "SignatureMethod"; });
    request.signature_method.clear();
    request.signature = v1_signature(
        V1SignatureMethod::hmac_sha1, sdk_secret_key,
        v1_string_to_sign("GET", "127.0.0.1:45971", "/", request.signed_parameters));
    EXPECT_EQ(code_of(authenticator.authenticate(request, nullptr)), "");
}

TEST_F(AuthenticatorTest, V1RejectsTamperedParameters) {
    const Config::Auth settings = auth_settings(AuthMode::strict);
    const std::pair<const char*, const char*> tampers[] = {
        {"ClusterId=18685341856", "ClusterId=18685341857"},
        {"Nonce=57320", "Nonce=57321"},
        {"Timestamp=1795888387", "Timestamp=1795888388"},
        {"SignatureMethod=HmacSHA256", "SignatureMethod=HmacSHA1"},
        {"Action=CreateSnapshots", "Action=DeleteSnapshots"},
        {"&Region=ap-guangzhou", ""},
        {"Signature=UHT7", "Signature=UHT8"},
    };
    for (const auto& [from, to] : tampers) {
        HttpRequest http = node_v1_post_hmac_sha256();
        http.body.replace(http.body.find(from), std::string_view(from).size(), to);
        EXPECT_EQ(code_of(authenticate(settings, http)), "AuthFailure.SignatureFailure") << to;
    }
    HttpRequest other_host = node_v1_post_hmac_sha256();
    set_header(other_host, "host", "localhost:45971");
    EXPECT_EQ(code_of(authenticate(settings, other_host)), "AuthFailure.SignatureFailure");
}

// --- diagnostics ---

TEST_F(AuthenticatorTest, DiagnosticsAreFilledOnlyForAMismatchAndNeverHoldTheKey) {
    const Config::Auth settings = auth_settings(AuthMode::strict);
    HttpRequest forged = node_tc3_post();
    forged.body = "{}";
    SignatureDiagnostics diagnostics;
    EXPECT_EQ(code_of(authenticate(settings, forged, &diagnostics)), "AuthFailure.SignatureFailure");
    EXPECT_NE(diagnostics.canonical_request.find("host:127.0.0.1:45971\n"), std::string::npos);
    EXPECT_EQ(diagnostics.string_to_sign.rfind("TC3-HMAC-SHA256\n1795888387\n2026-11-28/127/tc3_request\n", 0), 0u);
    for (const std::string* text : {&diagnostics.canonical_request, &diagnostics.string_to_sign})
        EXPECT_EQ(text->find(sdk_secret_key), std::string::npos);

    HttpRequest forged_v1 = node_v1_post_hmac_sha256();
    forged_v1.body.replace(forged_v1.body.find("Nonce=57320"), 11, "Nonce=57321");
    SignatureDiagnostics v1_diagnostics;
    EXPECT_EQ(code_of(authenticate(settings, forged_v1, &v1_diagnostics)), "AuthFailure.SignatureFailure");
    EXPECT_EQ(v1_diagnostics.string_to_sign.rfind("POST127.0.0.1:45971/?Action=CreateSnapshots&", 0), 0u);
    EXPECT_NE(v1_diagnostics.string_to_sign.find("&Nonce=57321&"), std::string::npos);
    EXPECT_EQ(v1_diagnostics.string_to_sign.find(sdk_secret_key), std::string::npos);

    SignatureDiagnostics untouched;
    EXPECT_EQ(code_of(authenticate(settings, node_tc3_post(), &untouched)), "");
    clock_.advance(seconds(1000));
    EXPECT_EQ(code_of(authenticate(settings, forged, &untouched)), "AuthFailure.SignatureExpire");
    EXPECT_TRUE(untouched.canonical_request.empty());
    EXPECT_TRUE(untouched.string_to_sign.empty());
}

}  // namespace
}  // namespace tcaplus_mock::testing
