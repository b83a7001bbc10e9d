#include "server/auth/v1_signature.hpp"

#include "tests/support/sdk_requests.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

using Parameters = std::vector<std::pair<std::string, std::string>>;

constexpr const char* documented_key = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

// The signature v1 example of Tencent Cloud's documentation (CVM DescribeInstances, GET).
const Parameters documented_parameters = {
    {"Action", "DescribeInstances"}, {"InstanceIds.0", "ins-09dx96dg"}, {"Limit", "20"},
    {"Nonce", "11886"},              {"Offset", "0"},                   {"Region", "ap-guangzhou"},
    {"SecretId", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"},              {"Timestamp", "1465185768"},
    {"Version", "2017-03-12"},
};
constexpr const char* documented_string_to_sign =
    "GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0"
    "&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&Timestamp=1465185768&Version=2017-03-12";

// A CreateSnapshots call in arrival order (not sorted), with a blank in a value.
const Parameters snapshot_parameters = {
    {"Action", "CreateSnapshots"},
    {"ClusterId", "18685341856"},
    {"SelectedTables.0.TableGroupId", "1"},
    {"SelectedTables.0.SnapshotName", "nightly backup"},
    {"Version", "2019-08-23"},
    {"Region", "ap-guangzhou"},
    {"Timestamp", "1465185768"},
    {"Nonce", "11886"},
    {"SecretId", "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"},
    {"SignatureMethod", "HmacSHA256"},
};
constexpr const char* snapshot_string_to_sign =
    "POSTtcaplusdb.tencentcloudapi.com/?Action=CreateSnapshots&ClusterId=18685341856&Nonce=11886"
    "&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE"
    "&SelectedTables.0.SnapshotName=nightly backup&SelectedTables.0.TableGroupId=1&SignatureMethod=HmacSHA256"
    "&Timestamp=1465185768&Version=2019-08-23";

HttpRequest request_to(std::string method, std::string target, std::string host) {
    HttpRequest http;
    http.method = std::move(method);
    http.target = std::move(target);
    http.headers = {{"host", std::move(host)}};
    return http;
}

TEST(V1Signature, ParsesTheSignatureMethod) {
    EXPECT_EQ(parse_v1_signature_method(""), V1SignatureMethod::hmac_sha1);
    EXPECT_EQ(parse_v1_signature_method("HmacSHA1"), V1SignatureMethod::hmac_sha1);
    EXPECT_EQ(parse_v1_signature_method("HmacSHA256"), V1SignatureMethod::hmac_sha256);
    EXPECT_FALSE(parse_v1_signature_method("hmacsha256").has_value());
    EXPECT_FALSE(parse_v1_signature_method("TC3-HMAC-SHA256").has_value());
}

TEST(V1Signature, BuildsTheDocumentedStringToSign) {
    EXPECT_EQ(v1_string_to_sign("GET", "cvm.tencentcloudapi.com", "/", documented_parameters),
              documented_string_to_sign);
    EXPECT_EQ(v1_string_to_sign("POST", "tcaplusdb.tencentcloudapi.com", "/", snapshot_parameters),
              snapshot_string_to_sign);
    Parameters with_signature = snapshot_parameters;
    with_signature.emplace_back("Signature", "abc=");
    EXPECT_EQ(v1_string_to_sign("POST", "tcaplusdb.tencentcloudapi.com", "/", with_signature), snapshot_string_to_sign);
}

TEST(V1Signature, SignsWithHmacSha1AndHmacSha256) {
    // printf '%s' "$STRING" | openssl dgst -sha1 -hmac Gu5t9xGARNpq86cd98joQYCN3EXAMPLE -binary | base64
    // (the first is also the value printed in the documentation).
    EXPECT_EQ(v1_signature(V1SignatureMethod::hmac_sha1, documented_key, documented_string_to_sign),
              "EliP9YW3pW28FpsEdkXt/+WcGeI=");
    EXPECT_EQ(v1_signature(V1SignatureMethod::hmac_sha1, documented_key, snapshot_string_to_sign),
              "kvtqrliXdkMr+8fccTxzKJZw0/o=");
    // printf '%s' "$STRING" | openssl dgst -sha256 -hmac Gu5t9xGARNpq86cd98joQYCN3EXAMPLE -binary | base64
    EXPECT_EQ(v1_signature(V1SignatureMethod::hmac_sha256, documented_key, snapshot_string_to_sign),
              "J2Y7YaUvhEbw8fqkSPLdUxxbHCuiOWAttJSeB0xORyM=");
}

TEST(V1Signature, VerifiesTheDocumentedRequestAndRejectsTampering) {
    const HttpRequest http = request_to("GET", "/?ignored-here", "cvm.tencentcloudapi.com");
    EXPECT_TRUE(verify_v1_signature(http, documented_parameters, V1SignatureMethod::hmac_sha1,
                                    "EliP9YW3pW28FpsEdkXt/+WcGeI=", documented_key, nullptr));

    struct Tamper {
        const char* what;
        HttpRequest http;
        Parameters parameters;
        V1SignatureMethod method;
    };
    Parameters changed_value = documented_parameters;
    changed_value[2].second = "21";
    Parameters added = documented_parameters;
    added.emplace_back("Offset2", "0");
    Parameters dropped = documented_parameters;
    dropped.pop_back();
    const Tamper tampers[] = {
        {"a value", http, changed_value, V1SignatureMethod::hmac_sha1},
        {"an added parameter", http, added, V1SignatureMethod::hmac_sha1},
        {"a dropped parameter", http, dropped, V1SignatureMethod::hmac_sha1},
        {"the host", request_to("GET", "/", "cvm.tencentcloudapi.co"), documented_parameters,
         V1SignatureMethod::hmac_sha1},
        {"the method", request_to("POST", "/", "cvm.tencentcloudapi.com"), documented_parameters,
         V1SignatureMethod::hmac_sha1},
        {"the path", request_to("GET", "/v1?x", "cvm.tencentcloudapi.com"), documented_parameters,
         V1SignatureMethod::hmac_sha1},
        {"the digest", http, documented_parameters, V1SignatureMethod::hmac_sha256},
    };
    for (const auto& tamper : tampers) {
        SignatureDiagnostics diagnostics;
        EXPECT_FALSE(verify_v1_signature(tamper.http, tamper.parameters, tamper.method, "EliP9YW3pW28FpsEdkXt/+WcGeI=",
                                         documented_key, &diagnostics))
            << tamper.what;
        EXPECT_TRUE(diagnostics.canonical_request.empty()) << tamper.what;
        EXPECT_FALSE(diagnostics.string_to_sign.empty()) << tamper.what;
        EXPECT_EQ(diagnostics.string_to_sign.find(documented_key), std::string::npos) << tamper.what;
    }
}

TEST(V1Signature, AcceptsTheHostWithOrWithoutItsPort) {
    // Signed for `tcaplusdb.tencentcloudapi.com` (no port) and for `...:8023`, computed with openssl as above.
    const HttpRequest with_port = request_to("POST", "/", "tcaplusdb.tencentcloudapi.com:8023");
    EXPECT_TRUE(verify_v1_signature(with_port, snapshot_parameters, V1SignatureMethod::hmac_sha256,
                                    "J2Y7YaUvhEbw8fqkSPLdUxxbHCuiOWAttJSeB0xORyM=", documented_key, nullptr));
    EXPECT_TRUE(verify_v1_signature(with_port, snapshot_parameters, V1SignatureMethod::hmac_sha256,
                                    "1zwUCdfCvQJe3qDtodAz3zv+JzOaIiksZRigzUmv2qw=", documented_key, nullptr));
    const HttpRequest without_port = request_to("POST", "/", "tcaplusdb.tencentcloudapi.com");
    EXPECT_FALSE(verify_v1_signature(without_port, snapshot_parameters, V1SignatureMethod::hmac_sha256,
                                     "1zwUCdfCvQJe3qDtodAz3zv+JzOaIiksZRigzUmv2qw=", documented_key, nullptr));
}

TEST(V1Signature, AcceptsEmptyValuesSignedOrSkipped) {
    Parameters with_empty = snapshot_parameters;
    with_empty.emplace_back("Language", "");
    EXPECT_EQ(v1_string_to_sign("POST", "tcaplusdb.tencentcloudapi.com", "/", with_empty, V1EmptyValues::skipped),
              snapshot_string_to_sign);
    const HttpRequest http = request_to("POST", "/", "tcaplusdb.tencentcloudapi.com");
    // Go: `Language=` sent but not signed, so the signature is the one without it.
    EXPECT_TRUE(verify_v1_signature(http, with_empty, V1SignatureMethod::hmac_sha256,
                                    "J2Y7YaUvhEbw8fqkSPLdUxxbHCuiOWAttJSeB0xORyM=", documented_key, nullptr));
    // Node and Python sign `Language=` (openssl over the string with `&Language=&` inserted).
    EXPECT_TRUE(verify_v1_signature(http, with_empty, V1SignatureMethod::hmac_sha256,
                                    "xyEszKxtUS2YoKgtCQCpF8baueblyyB51atRzJ3AILM=", documented_key, nullptr));
    EXPECT_FALSE(verify_v1_signature(http, snapshot_parameters, V1SignatureMethod::hmac_sha256,
                                     "xyEszKxtUS2YoKgtCQCpF8baueblyyB51atRzJ3AILM=", documented_key, nullptr));
}

TEST(V1Signature, ReadsBlanksInTheSignatureAsPlusSigns) {
    const HttpRequest http = request_to("POST", "/", "tcaplusdb.tencentcloudapi.com");
    EXPECT_TRUE(verify_v1_signature(http, snapshot_parameters, V1SignatureMethod::hmac_sha1,
                                    "kvtqrliXdkMr 8fccTxzKJZw0/o=", documented_key, nullptr));
}

TEST(V1Signature, VerifiesTheNodeSdkWhichSignsTheHostWithItsPort) {
    for (const HttpRequest& http : {node_v1_post_hmac_sha256(), node_v1_get_hmac_sha1()}) {
        const ApiRequest request = v1_api_request(http);
        const auto method = parse_v1_signature_method(request.signature_method);
        ASSERT_TRUE(method.has_value());
        EXPECT_TRUE(verify_v1_signature(http, request.signed_parameters, *method, request.signature,
                                        sdk_secret_key, nullptr))
            << http.method;
        const std::string string_to_sign =
            v1_string_to_sign(http.method, "127.0.0.1:45971", "/", request.signed_parameters);
        EXPECT_EQ(v1_signature(*method, sdk_secret_key, string_to_sign), request.signature) << http.method;
    }
}

}  // namespace
}  // namespace tcaplus_mock::testing
