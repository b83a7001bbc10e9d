#include "server/auth/tc3_signature.hpp"

#include "server/auth/crypto.hpp"
#include "tests/support/sdk_requests.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tcaplus_mock::testing {
namespace {


// The worked example of Tencent Cloud's signature v3 documentation (CVM DescribeInstances).
constexpr const char* official_secret_key = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
constexpr const char* official_body =
    R"({"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]})";
constexpr const char* official_authorization =
    "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
    "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168";

HttpRequest official_request() {
    HttpRequest http;
    http.method = "POST";
    http.target = "/";
    http.headers = {{"host", "cvm.tencentcloudapi.com"},
                    {"content-type", "application/json; charset=utf-8"},
                    {"x-tc-timestamp", "1551113065"},
                    {"authorization", official_authorization}};
    http.body = official_body;
    return http;
}

Tc3Authorization parse(std::string_view header) {
    auto parsed = parse_tc3_authorization(header);
    EXPECT_TRUE(parsed.has_value()) << header;
    return parsed ? *parsed : Tc3Authorization{};
}

bool verify(const HttpRequest& http, long long timestamp, const char* key, SignatureDiagnostics* diagnostics = nullptr) {
    const std::string* header = http.header("authorization");
    return header != nullptr && verify_tc3_signature(http, parse(*header), std::to_string(timestamp), timestamp, key,
                                                     diagnostics);
}

TEST(Tc3Signature, ReproducesTheOfficialVector) {
    const HttpRequest http = official_request();
    const Tc3Authorization authorization = parse(official_authorization);
    EXPECT_EQ(crypto::sha256_hex(http.body), "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");

    const std::string canonical = tc3_canonical_request(http, authorization, "cvm.tencentcloudapi.com");
    EXPECT_EQ(canonical,
              "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
              "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    EXPECT_EQ(crypto::sha256_hex(canonical), "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");

    const std::string string_to_sign = tc3_string_to_sign("1551113065", "2019-02-25", "cvm", canonical);
    EXPECT_EQ(string_to_sign,
              "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
              "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    EXPECT_EQ(tc3_signature(official_secret_key, "2019-02-25", "cvm", string_to_sign),
              "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    EXPECT_TRUE(verify(http, 1551113065, official_secret_key));
    EXPECT_FALSE(verify(http, 1551113065, "Gu5t9xGARNpq86cd98joQYCN3EXAMPLF"));
}

TEST(Tc3Signature, ParsesTheAuthorizationHeader) {
    const Tc3Authorization parsed = parse(official_authorization);
    EXPECT_EQ(parsed.secret_id, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE");
    EXPECT_EQ(parsed.scope_date, "2019-02-25");
    EXPECT_EQ(parsed.scope_service, "cvm");
    EXPECT_EQ(parsed.signed_headers, "content-type;host");
    EXPECT_EQ(parsed.signed_header_names, (std::vector<std::string>{"content-type", "host"}));
    EXPECT_EQ(parsed.signature, "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
}

TEST(Tc3Signature, AcceptsTheFormsClientsSend) {
    const std::string signature(64, 'a');
    struct Case {
        std::string header;
        const char* service;
        const char* signed_headers;
    };
    const Case cases[] = {
        // Node and C++ take the endpoint's first label as the service, port included when there is no dot.
        {"TC3-HMAC-SHA256 Credential=AKID/2026-11-28/localhost:8023/tc3_request, SignedHeaders=content-type;host, "
         "Signature=" + signature,
         "localhost:8023", "content-type;host"},
        {"TC3-HMAC-SHA256 Credential=AKID/2026-11-28/tcaplusdb/tc3_request,SignedHeaders=content-type;host,Signature=" +
             signature,
         "tcaplusdb", "content-type;host"},
        {"  TC3-HMAC-SHA256  Signature=" + signature +
             " , SignedHeaders=content-type;host;x-tc-action , Credential=AKID/2026-11-28/tcaplusdb/tc3_request ",
         "tcaplusdb", "content-type;host;x-tc-action"},
        {"TC3-HMAC-SHA256 Credential=AKID/2026-11-28/tcaplusdb/tc3_request, SignedHeaders=Content-Type;Host, "
         "Signature=" + std::string(64, 'A'),
         "tcaplusdb", "Content-Type;Host"},
    };
    for (const auto& c : cases) {
        const Tc3Authorization parsed = parse(c.header);
        EXPECT_EQ(parsed.secret_id, "AKID") << c.header;
        EXPECT_EQ(parsed.scope_service, c.service) << c.header;
        EXPECT_EQ(parsed.signed_headers, c.signed_headers) << c.header;
        EXPECT_EQ(parsed.signature, signature) << c.header;
    }
    EXPECT_EQ(parse(cases[3].header).signed_header_names, (std::vector<std::string>{"content-type", "host"}));
}

TEST(Tc3Signature, RejectsMalformedHeaders) {
    const std::string signature(64, '0');
    const std::string credential = "Credential=AKID/2026-11-28/tcaplusdb/tc3_request";
    const std::string signed_headers = "SignedHeaders=content-type;host";
    const std::string good_signature = "Signature=" + signature;
    const std::string cases[] = {
        "",
        "SKIP",
        "TC3-HMAC-SHA256",
        "TC3-HMAC-SHA1 " + credential + ", " + signed_headers + ", " + good_signature,
        "tc3-hmac-sha256 " + credential + ", " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256" + credential + ", " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256 " + credential + ", " + signed_headers,
        "TC3-HMAC-SHA256 " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256 " + credential + ", " + good_signature,
        "TC3-HMAC-SHA256 " + credential + ", " + signed_headers + ", " + good_signature + ", " + good_signature,
        "TC3-HMAC-SHA256 " + credential + ", " + signed_headers + ", " + good_signature + ", Extra=1",
        "TC3-HMAC-SHA256 " + credential + " " + signed_headers + " " + good_signature,
        "TC3-HMAC-SHA256 " + credential + ", " + signed_headers + ", Signature=" + signature.substr(1),
        "TC3-HMAC-SHA256 " + credential + ", " + signed_headers + ", Signature=" + signature + "0",
        "TC3-HMAC-SHA256 " + credential + ", " + signed_headers + ", Signature=" + std::string(64, 'g'),
        "TC3-HMAC-SHA256 " + credential + ", SignedHeaders=, " + good_signature,
        "TC3-HMAC-SHA256 " + credential + ", SignedHeaders=content-type;;host, " + good_signature,
        "TC3-HMAC-SHA256 " + credential + ", SignedHeaders=content-type;host;, " + good_signature,
        "TC3-HMAC-SHA256 Credential=/2026-11-28/tcaplusdb/tc3_request, " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-28/tcaplusdb, " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-28/tcaplusdb/tc3, " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256 Credential=AKID/2026-11-28//tc3_request, " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256 Credential=AKID/20261128/tcaplusdb/tc3_request, " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256 Credential=AKID/2026-1-28/tcaplusdb/tc3_request, " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256 Credential=AKID, " + signed_headers + ", " + good_signature,
        "TC3-HMAC-SHA256 Credential=AKID\xff/2026-11-28/tcaplusdb/tc3_request, " + signed_headers + ", " +
            good_signature,  // a SecretId that is not UTF-8
    };
    for (const auto& header : cases) {
        auto parsed = parse_tc3_authorization(header);
        ASSERT_FALSE(parsed.has_value()) << header;
        EXPECT_EQ(parsed.error().code, "AuthFailure.InvalidAuthorization") << header;
        EXPECT_FALSE(parsed.error().message.en.empty());
        EXPECT_FALSE(parsed.error().message.zh.empty());
    }
}

TEST(Tc3Signature, VerifiesTheNodeSdkPostWhichSignsTheHostWithoutItsPort) {
    const HttpRequest http = node_tc3_post();
    EXPECT_TRUE(verify(http, sdk_timestamp, sdk_secret_key));
    const Tc3Authorization authorization = parse(*http.header("authorization"));
    EXPECT_EQ(tc3_signature(sdk_secret_key, "2026-11-28", "127",
                            tc3_string_to_sign("1795888387", "2026-11-28", "127",
                                               tc3_canonical_request(http, authorization, "127.0.0.1"))),
              authorization.signature);
}

TEST(Tc3Signature, VerifiesTheNodeSdkGetOverTheQueryStringAsSent) {
    const HttpRequest http = node_tc3_get();
    EXPECT_TRUE(verify(http, sdk_timestamp, sdk_secret_key));
    const Tc3Authorization authorization = parse(*http.header("authorization"));
    EXPECT_EQ(tc3_canonical_request(http, authorization, "127.0.0.1"),
              "GET\n/\n" + sdk_query +
                  "\ncontent-type:application/x-www-form-urlencoded\nhost:127.0.0.1\n\ncontent-type;host\n"
                  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// Requests signed as the Python and Go SDKs do: host with its port, service `tcaplusdb`.
// Expected signatures computed independently with Python's hashlib/hmac from the canonical
// requests spelled out in FACTS section 3.
constexpr const char* python_body = R"({"ClusterId": "18685341856", "SelectedTables": []})";

HttpRequest python_style_request(std::string method, std::string target, std::string signed_headers,
                                 std::string signature) {
    HttpRequest http;
    http.method = std::move(method);
    http.target = std::move(target);
    http.headers = {{"host", "127.0.0.1:8023"},
                    {"content-type", http.method == "GET" ? "application/x-www-form-urlencoded" : "application/json"},
                    {"x-tc-action", "CreateSnapshots"},
                    {"x-tc-timestamp", "1795888387"},
                    {"authorization", "TC3-HMAC-SHA256 Credential=AKID/2026-11-28/tcaplusdb/tc3_request, SignedHeaders=" +
                                          signed_headers + ", Signature=" + signature}};
    if (http.method == "POST") http.body = python_body;
    return http;
}

TEST(Tc3Signature, VerifiesAHostSignedWithItsPort) {
    const HttpRequest http = python_style_request(
        "POST", "/", "content-type;host", "b971da435e17d420e5a5e728cecd049c19a4c1812169443dc4dbc8b0330d0246");
    EXPECT_TRUE(verify(http, sdk_timestamp, sdk_secret_key));
}

// A request to `host` signed for real with `service` in its credential scope.
HttpRequest signed_for_service(const std::string& host, const std::string& service) {
    HttpRequest http = python_style_request("POST", "/", "content-type;host", "");
    http.headers[0].second = host;
    const std::string header = "TC3-HMAC-SHA256 Credential=AKID/2026-11-28/" + service +
                               "/tc3_request, SignedHeaders=content-type;host, Signature=";
    const std::string canonical = tc3_canonical_request(http, parse(header + std::string(64, '0')), host);
    const std::string signature = tc3_signature(sdk_secret_key, "2026-11-28", service,
                                                tc3_string_to_sign("1795888387", "2026-11-28", service, canonical));
    http.headers.back().second = header + signature;
    return http;
}

TEST(Tc3Signature, TheScopeNamesTcaplusdbOrTheFirstLabelOfTheHost) {
    EXPECT_TRUE(verify(signed_for_service("127.0.0.1:8023", "tcaplusdb"), sdk_timestamp, sdk_secret_key));
    EXPECT_TRUE(verify(signed_for_service("127.0.0.1:8023", "127"), sdk_timestamp, sdk_secret_key));
    EXPECT_TRUE(verify(signed_for_service("localhost:8023", "localhost:8023"), sdk_timestamp, sdk_secret_key));
    EXPECT_TRUE(verify(signed_for_service("localhost:8023", "localhost"), sdk_timestamp, sdk_secret_key));

    SignatureDiagnostics diagnostics;
    EXPECT_FALSE(verify(signed_for_service("127.0.0.1:8023", "cvm"), sdk_timestamp, sdk_secret_key, &diagnostics))
        << "a signature made for another service is refused, however right its key";
    EXPECT_NE(diagnostics.problem.find("`cvm`"), std::string::npos) << diagnostics.problem;
    EXPECT_NE(diagnostics.problem.find("`tcaplusdb`"), std::string::npos) << diagnostics.problem;
    EXPECT_NE(diagnostics.problem.find("`127`"), std::string::npos) << diagnostics.problem;
}

TEST(Tc3Signature, HashesUnsignedPayloadInsteadOfTheBody) {
    HttpRequest http = python_style_request(
        "POST", "/", "content-type;host", "606d21d91ad952caef23bd366a8d47eccc0fc3984c82e5e7a66c0a491abba2e3");
    EXPECT_FALSE(verify(http, sdk_timestamp, sdk_secret_key));
    http.headers.emplace_back("x-tc-content-sha256", "UNSIGNED-PAYLOAD");
    EXPECT_TRUE(verify(http, sdk_timestamp, sdk_secret_key));
    http.body = "anything at all";
    EXPECT_TRUE(verify(http, sdk_timestamp, sdk_secret_key));
}

TEST(Tc3Signature, CanonicalizesExactlyTheListedHeadersLowercased) {
    HttpRequest http = python_style_request("POST", "/", "content-type;host;x-tc-action",
                                            "571bf59630fbe42ce0173a2414f847592452bd6737154d27fab990c8e78ef289");
    EXPECT_TRUE(verify(http, sdk_timestamp, sdk_secret_key));
    const Tc3Authorization authorization = parse(*http.header("authorization"));
    EXPECT_EQ(tc3_canonical_request(http, authorization, "127.0.0.1:8023"),
              "POST\n/\n\ncontent-type:application/json\nhost:127.0.0.1:8023\nx-tc-action:createsnapshots\n\n"
              "content-type;host;x-tc-action\n" +
                  crypto::sha256_hex(python_body));
    set_header(http, "x-tc-action", "  CREATESNAPSHOTS \t");
    EXPECT_TRUE(verify(http, sdk_timestamp, sdk_secret_key)) << "values are trimmed and lowercased";
    set_header(http, "x-tc-action", "DeleteSnapshots");
    EXPECT_FALSE(verify(http, sdk_timestamp, sdk_secret_key));
}

TEST(Tc3Signature, VerifiesAGetWithAQueryString) {
    const HttpRequest http =
        python_style_request("GET", "/?ClusterId=18685341856&SelectedTables.0.TableName=cl_generic", "content-type;host",
                             "a1607a3e2e75b606d3ed3d566ea5cf151b680187a717fdef07b59478b564c23d");
    EXPECT_TRUE(verify(http, sdk_timestamp, sdk_secret_key));

    HttpRequest reordered = http;
    reordered.target = "/?SelectedTables.0.TableName=cl_generic&ClusterId=18685341856";
    EXPECT_FALSE(verify(reordered, sdk_timestamp, sdk_secret_key)) << "the query is signed as sent, not sorted";

    HttpRequest with_body = http;
    with_body.body = "ignored";
    EXPECT_TRUE(verify(with_body, sdk_timestamp, sdk_secret_key)) << "a GET payload is the empty string";
}

TEST(Tc3Signature, PostIgnoresAQueryString) {
    HttpRequest http = python_style_request(
        "POST", "/", "content-type;host", "b971da435e17d420e5a5e728cecd049c19a4c1812169443dc4dbc8b0330d0246");
    http.target = "/?Extra=1";
    EXPECT_TRUE(verify(http, sdk_timestamp, sdk_secret_key));
}

TEST(Tc3Signature, RejectsAScopeDateOtherThanTheTimestampsUtcDate) {
    // A client that signs consistently, but with a local date one day off.
    HttpRequest http = node_tc3_post();
    Tc3Authorization authorization = parse(*http.header("authorization"));
    authorization.scope_date = "2026-11-27";
    authorization.signature = tc3_signature(
        sdk_secret_key, "2026-11-27", "127",
        tc3_string_to_sign("1795888387", "2026-11-27", "127", tc3_canonical_request(http, authorization, "127.0.0.1")));
    EXPECT_FALSE(verify_tc3_signature(http, authorization, "1795888387", sdk_timestamp, sdk_secret_key, nullptr));

    // The date boundary is UTC: 1795824000 is 2026-11-28 00:00:00 UTC.
    authorization.scope_date = "2026-11-28";
    const std::string canonical = tc3_canonical_request(http, authorization, "127.0.0.1");
    authorization.signature =
        tc3_signature(sdk_secret_key, "2026-11-28", "127", tc3_string_to_sign("1795824000", "2026-11-28", "127", canonical));
    EXPECT_TRUE(verify_tc3_signature(http, authorization, "1795824000", 1795824000, sdk_secret_key, nullptr));
    authorization.signature =
        tc3_signature(sdk_secret_key, "2026-11-28", "127", tc3_string_to_sign("1795823999", "2026-11-28", "127", canonical));
    EXPECT_FALSE(verify_tc3_signature(http, authorization, "1795823999", 1795823999, sdk_secret_key, nullptr));
}

TEST(Tc3Signature, DiagnosticsShowWhatWasSignedAndNeverTheKey) {
    HttpRequest http = node_tc3_post();
    http.body += " ";
    SignatureDiagnostics diagnostics;
    EXPECT_FALSE(verify(http, sdk_timestamp, sdk_secret_key, &diagnostics));
    EXPECT_EQ(diagnostics.canonical_request,
              "POST\n/\n\ncontent-type:application/json\nhost:127.0.0.1:45971\n\ncontent-type;host\n" +
                  crypto::sha256_hex(http.body));
    EXPECT_EQ(diagnostics.string_to_sign, "TC3-HMAC-SHA256\n1795888387\n2026-11-28/127/tc3_request\n" +
                                              crypto::sha256_hex(diagnostics.canonical_request));
    EXPECT_EQ(diagnostics.canonical_request.find(sdk_secret_key), std::string::npos);
    EXPECT_EQ(diagnostics.string_to_sign.find(sdk_secret_key), std::string::npos);

    SignatureDiagnostics untouched{"before", "before", "before"};
    EXPECT_TRUE(verify(node_tc3_post(), sdk_timestamp, sdk_secret_key, &untouched));
    EXPECT_EQ(untouched.canonical_request, "before");
    EXPECT_EQ(untouched.string_to_sign, "before");
    EXPECT_EQ(untouched.problem, "before");
}

}  // namespace
}  // namespace tcaplus_mock::testing
