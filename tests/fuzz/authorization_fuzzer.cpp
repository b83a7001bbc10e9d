// Fuzzes the authentication stage: any bytes as a TC3 Authorization header are parsed
// (parse_tc3_authorization) and, when they parse, verified against a fixed request, and the whole
// Authenticator runs on them in `any` and `strict` modes. A refusal's messages must be UTF-8, and
// no made-up signature may verify.

#include "server/auth/authenticator.hpp"
#include "server/auth/tc3_signature.hpp"
#include "server/core/clock.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace tcaplus_mock;

namespace {

constexpr long long fixed_timestamp = 1795888387;  // 2026-11-28

HttpRequest signed_looking_request(std::string authorization) {
    HttpRequest http;
    http.method = "POST";
    http.target = "/";
    http.client_address = "127.0.0.1";
    http.body = R"({"ClusterId":"1234567890"})";
    http.headers = {{"host", "127.0.0.1:8023"},
                    {"content-type", "application/json"},
                    {"x-tc-action", "DescribeSnapshots"},
                    {"x-tc-timestamp", std::to_string(fixed_timestamp)},
                    {"authorization", std::move(authorization)}};
    return http;
}

Config::Auth auth_settings(AuthMode mode) {
    Config::Auth auth;
    auth.mode = mode;
    auth.credentials = {{"AKIDfuzz", "fuzz-secret-key", "", ""}};
    return auth;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ManualClock fixed_clock{TimePoint(std::chrono::seconds(fixed_timestamp))};
    static const Authenticator any(auth_settings(AuthMode::any), fixed_clock);
    static const Authenticator strict(auth_settings(AuthMode::strict), fixed_clock);

    const HttpRequest http = signed_looking_request(std::string(reinterpret_cast<const char*>(data), size));
    const auto parsed = parse_tc3_authorization(*http.header("authorization"));
    if (parsed) {
        SignatureDiagnostics diagnostics;
        fuzz::require(!verify_tc3_signature(http, *parsed, std::to_string(fixed_timestamp), fixed_timestamp,
                                            "fuzz-secret-key", &diagnostics),
                      "a made-up signature never verifies");
        // Header names enter the canonical request lowercased, so a client's `Fuzz-Secret-Key` shows
        // up there as the key's text: what the client wrote, in any case, does not count.
        const bool sent_the_key_text =
            text::lowercase(*http.header("authorization")).find("fuzz-secret-key") != std::string::npos;
        fuzz::require(sent_the_key_text || (diagnostics.string_to_sign.find("fuzz-secret-key") == std::string::npos &&
                                            diagnostics.canonical_request.find("fuzz-secret-key") == std::string::npos),
                      "diagnostics never show the key (unless the client wrote it there itself, in any case)");
    } else {
        fuzz::require(text::is_valid_utf8(parsed.error().message.en), "a refusal's message is UTF-8");
    }

    ApiRequest request;
    request.http = &http;
    request.action = "DescribeSnapshots";
    request.timestamp = std::to_string(fixed_timestamp);
    request.timestamp_present = true;
    for (const Authenticator* authenticator : {&any, &strict}) {
        SignatureDiagnostics diagnostics;
        auto outcome = authenticator->authenticate(request, &diagnostics);
        if (!outcome) fuzz::require(text::is_valid_utf8(outcome.error().message.en), "a refusal's message is UTF-8");
    }
    return 0;
}
