// Fuzzes the protocol and validation stages on their own: any bytes as a JSON body, a TC3 form, a
// v1 form or a query string are decoded (decode_api_request) and, when they decode, checked against
// the spec of one of the five actions (validate_request). Every refusal must be an ApiError whose
// messages are UTF-8, since answers echo them.

#include "server/protocol/request_decoder.hpp"
#include "server/validation/action_spec.hpp"
#include "server/validation/spec_validator.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <array>

using namespace tcaplus_mock;

namespace {

void require_readable(const ApiError& error) {
    fuzz::require(!error.code.empty(), "a refusal has a code");
    fuzz::require(text::is_valid_utf8(error.message.en) && text::is_valid_utf8(error.message.zh),
                  "a refusal's messages are UTF-8");
}

HttpRequest wire_form(FuzzedDataProvider& input, const std::string& action) {
    HttpRequest http;
    http.client_address = "127.0.0.1";
    http.headers = {{"host", "127.0.0.1:8023"}};
    // The wire form is the input's second-to-last byte (FuzzedDataProvider takes integers from the
    // end), the payload all bytes before it: the corpus files are laid out so.
    const int form = input.ConsumeIntegralInRange(0, 3);
    const auto payload = input.ConsumeRemainingBytesAsString();
    switch (form) {
        case 0:  // TC3 JSON
            http.method = "POST";
            http.target = "/";
            http.headers.emplace_back("content-type", "application/json");
            http.headers.emplace_back("x-tc-action", action);
            http.body = payload;
            break;
        case 1:  // TC3 form
            http.method = "POST";
            http.target = "/";
            http.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
            http.headers.emplace_back("x-tc-action", action);
            http.body = payload;
            break;
        case 2:  // v1 form
            http.method = "POST";
            http.target = "/";
            http.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
            http.body = "Action=" + action + "&" + payload;
            break;
        default:  // v1 query
            http.method = "GET";
            http.target = "/?Action=" + action + "&" + payload;
            break;
    }
    return http;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::array<std::string, 5> actions{"CreateSnapshots", "DescribeSnapshots", "ModifySnapshots",
                                                    "DeleteSnapshots", "ImportSnapshots"};
    FuzzedDataProvider input(data, size);
    const std::string& action = actions[input.ConsumeIntegralInRange<std::size_t>(0, actions.size() - 1)];
    const HttpRequest http = wire_form(input, action);

    auto request = decode_api_request(http);
    if (!request) {
        require_readable(request.error());
        return 0;
    }
    const auto* spec = ApiSpec::builtin().find_action(action);
    fuzz::require(spec != nullptr, "the five actions have a spec");
    auto valid = validate_request(*spec, request->params, request->params_from_form, ValidationLimits{});
    if (!valid) require_readable(valid.error());
    return 0;
}
