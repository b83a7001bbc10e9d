#pragma once
// Requests for the authentication tests: real requests captured from the official Node SDK
// (tencentcloud-sdk-nodejs 4.1.313 calling CreateSnapshots on a loopback server), and helpers
// that turn an HttpRequest into the ApiRequest the protocol decoder would hand over.

#include "server/protocol/api_request.hpp"
#include "server/protocol/http_message.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tcaplus_mock::testing {

inline constexpr const char* sdk_secret_id = "AKIDTCAPLUSMOCKTESTSECRETID0000000";
inline constexpr const char* sdk_secret_key = "TcaplusMockTestSecretKey000000000";
inline constexpr long long sdk_timestamp = 1795888387;  // 2026-11-28 UTC, when the requests were captured
inline constexpr const char* sdk_token = "temporary-token-value";

// The JSON body the SDK sent; SnapshotName is "a b'c/中*~!()" to exercise encoding.
inline const std::string sdk_json_body =
    R"({"ClusterId":"18685341856","SelectedTables":[{"TableGroupId":"1","TableName":"cl_generic",)"
    "\"SnapshotName\":\"a b'c/\xe4\xb8\xad*~!()\","
    R"("SnapshotTime":"2020-09-22 00:00:00","SnapshotDeadTime":"2020-09-23 00:00:00"}]})";

// The query string of the SDK's GET requests, as sent.
inline const std::string sdk_query =
    "ClusterId=18685341856&SelectedTables.0.TableGroupId=1&SelectedTables.0.TableName=cl_generic"
    "&SelectedTables.0.SnapshotName=a%20b%27c%2F%E4%B8%AD*~!()"
    "&SelectedTables.0.SnapshotTime=2020-09-22%2000%3A00%3A00"
    "&SelectedTables.0.SnapshotDeadTime=2020-09-23%2000%3A00%3A00";

// TC3 POST with default settings. Node signs the host without its port; the Host header has it.
inline HttpRequest node_tc3_post() {
    HttpRequest http;
    http.method = "POST";
    http.target = "/";
    http.headers = {
        {"x-tc-traceid", "baa4a75a-995d-4df8-93d6-b69207387544"},
        {"host", "127.0.0.1:45971"},
        {"x-tc-action", "CreateSnapshots"},
        {"x-tc-region", "ap-guangzhou"},
        {"x-tc-timestamp", "1795888387"},
        {"x-tc-version", "2019-08-23"},
        {"x-tc-requestclient", "SDK_NODEJS_4.1.313"},
        {"content-type", "application/json"},
        {"authorization",
         "TC3-HMAC-SHA256 Credential=AKIDTCAPLUSMOCKTESTSECRETID0000000/2026-11-28/127/tc3_request, "
         "SignedHeaders=content-type;host, "
         "Signature=38e822471e78bab24cda4d3e96fb1d62bf41efc6ddf463f042806f317926f41f"},
        {"accept", "*/*"},
        {"content-length", "202"},
        {"user-agent", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"},
        {"accept-encoding", "gzip,deflate"},
        {"connection", "keep-alive"},
    };
    http.body = sdk_json_body;
    return http;
}

// The same call with a temporary credential: X-TC-Token is sent but not signed.
inline HttpRequest node_tc3_post_with_token() {
    HttpRequest http = node_tc3_post();
    http.headers.insert(http.headers.begin() + 6, {"x-tc-token", sdk_token});
    return http;
}

// TC3 GET (`httpProfile.reqMethod: "GET"`): flattened parameters in the query, empty payload.
inline HttpRequest node_tc3_get() {
    HttpRequest http;
    http.method = "GET";
    http.target = "/?" + sdk_query;
    http.headers = {
        {"x-tc-traceid", "9dd0fead-e087-43e0-81ab-3baf63828d16"},
        {"host", "127.0.0.1:45971"},
        {"x-tc-action", "CreateSnapshots"},
        {"x-tc-region", "ap-guangzhou"},
        {"x-tc-timestamp", "1795888387"},
        {"x-tc-version", "2019-08-23"},
        {"x-tc-requestclient", "SDK_NODEJS_4.1.313"},
        {"content-type", "application/x-www-form-urlencoded"},
        {"authorization",
         "TC3-HMAC-SHA256 Credential=AKIDTCAPLUSMOCKTESTSECRETID0000000/2026-11-28/127/tc3_request, "
         "SignedHeaders=content-type;host, "
         "Signature=54124049981a860be16242eed7a67fc62e923b8d4cf1a83b4bf2a2fd7590b550"},
        {"accept", "*/*"},
        {"user-agent", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"},
        {"accept-encoding", "gzip,deflate"},
        {"connection", "keep-alive"},
    };
    return http;
}

// v1 (`signMethod: "HmacSHA256"`): every parameter in a form body. Node signs the host WITH its port.
inline HttpRequest node_v1_post_hmac_sha256() {
    HttpRequest http;
    http.method = "POST";
    http.target = "/";
    http.headers = {
        {"x-tc-traceid", "62fc0541-57f7-4e0a-b9ab-c75b2afcf7b8"},
        {"content-type", "application/x-www-form-urlencoded"},
        {"accept", "*/*"},
        {"content-length", "520"},
        {"user-agent", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"},
        {"accept-encoding", "gzip,deflate"},
        {"host", "127.0.0.1:45971"},
        {"connection", "keep-alive"},
    };
    // The SDK's form body leaves `'` unescaped where its GET query has %27; both decode alike.
    http.body = "ClusterId=18685341856&SelectedTables.0.TableGroupId=1&SelectedTables.0.TableName=cl_generic"
                "&SelectedTables.0.SnapshotName=a%20b'c%2F%E4%B8%AD*~!()"
                "&SelectedTables.0.SnapshotTime=2020-09-22%2000%3A00%3A00"
                "&SelectedTables.0.SnapshotDeadTime=2020-09-23%2000%3A00%3A00"
                "&Action=CreateSnapshots&RequestClient=SDK_NODEJS_4.1.313&Nonce=57320&Timestamp=1795888387"
                "&Version=2019-08-23&SecretId=AKIDTCAPLUSMOCKTESTSECRETID0000000&Region=ap-guangzhou"
                "&SignatureMethod=HmacSHA256&Signature=UHT7fTzMJWErkgkz7fsukLQ%2FXW97eRKJeZNvSQr9Mx4%3D";
    return http;
}

// v1 GET (`signMethod: "HmacSHA1"`, `reqMethod: "GET"`): every parameter in the query string.
inline HttpRequest node_v1_get_hmac_sha1() {
    HttpRequest http;
    http.method = "GET";
    http.target = "/?" + sdk_query +
                  "&Action=CreateSnapshots&RequestClient=SDK_NODEJS_4.1.313&Nonce=3873&Timestamp=1795888387"
                  "&Version=2019-08-23&SecretId=AKIDTCAPLUSMOCKTESTSECRETID0000000&Region=ap-guangzhou"
                  "&SignatureMethod=HmacSHA1&Signature=J0yVtjy9knOLYJFSmBdvpYhSmFU%3D";
    http.headers = {
        {"x-tc-traceid", "68cc445c-70a9-42f7-9722-2c95e970dfef"},
        {"accept", "*/*"},
        {"user-agent", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"},
        {"accept-encoding", "gzip,deflate"},
        {"host", "127.0.0.1:45971"},
        {"connection", "keep-alive"},
    };
    return http;
}

inline std::string set_header(HttpRequest& http, std::string_view name, std::string value) {
    for (auto& [header, current] : http.headers)
        if (header == name) return std::exchange(current, std::move(value));
    http.headers.emplace_back(std::string(name), std::move(value));
    return {};
}

inline void remove_header(HttpRequest& http, std::string_view name) {
    std::erase_if(http.headers, [name](const auto& header) { return header.first == name; });
}

// application/x-www-form-urlencoded decoding: `+` is a blank, `%XX` a byte.
inline std::string form_decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out.push_back(' ');
        } else if (text[i] == '%' && i + 2 < text.size()) {
            out.push_back(static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

inline std::vector<std::pair<std::string, std::string>> form_pairs(std::string_view text) {
    std::vector<std::pair<std::string, std::string>> pairs;
    while (!text.empty()) {
        const auto end = text.find('&');
        const std::string_view pair = text.substr(0, end);
        const auto equals = pair.find('=');
        pairs.emplace_back(form_decode(pair.substr(0, equals)),
                           equals == std::string_view::npos ? std::string() : form_decode(pair.substr(equals + 1)));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    }
    return pairs;
}

// What the decoder makes of a TC3 request: common parameters from the X-TC-* headers.
inline ApiRequest tc3_api_request(const HttpRequest& http) {
    ApiRequest request;
    request.scheme = SigningScheme::tc3;
    if (const std::string* timestamp = http.header("x-tc-timestamp")) {
        request.timestamp = *timestamp;
        request.timestamp_present = true;
    }
    if (const std::string* token = http.header("x-tc-token")) request.token = *token;
    if (const std::string* action = http.header("x-tc-action")) request.action = *action;
    request.http = &http;
    return request;
}

// What the decoder makes of a v1 request: every parameter from the form body (POST) or the query.
inline ApiRequest v1_api_request(const HttpRequest& http) {
    ApiRequest request;
    request.scheme = SigningScheme::v1;
    const auto question = http.target.find('?');
    const std::string_view source = http.method == "GET"
                                        ? (question == std::string::npos ? std::string_view{}
                                                                         : std::string_view(http.target).substr(question + 1))
                                        : std::string_view(http.body);
    for (auto& [name, value] : form_pairs(source)) {
        if (name == "Signature") {
            request.signature = value;
            continue;
        }
        if (name == "SecretId") request.secret_id = value;
        if (name == "Nonce") request.nonce = value;
        if (name == "SignatureMethod") request.signature_method = value;
        if (name == "Token") request.token = value;
        if (name == "Action") request.action = value;
        if (name == "Timestamp") {
            request.timestamp = value;
            request.timestamp_present = true;
        }
        request.signed_parameters.emplace_back(name, value);
    }
    request.http = &http;
    return request;
}

}  // namespace tcaplus_mock::testing
