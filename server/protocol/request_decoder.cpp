#include "server/protocol/request_decoder.hpp"

#include "server/core/api_errors.hpp"
#include "server/core/text.hpp"
#include "server/protocol/form_parameters.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace tcaplus_mock {
namespace {

namespace json = boost::json;

// "application/json; charset=utf-8" -> "application/json"
std::string_view media_type(std::string_view content_type) {
    return text::trim_blanks(content_type.substr(0, content_type.find(';')));
}

// Copies a header's trimmed value into `target`; returns whether the header was present.
bool read_header(const HttpRequest& http, std::string_view lowercase_name, std::string& target) {
    const std::string* value = http.header(lowercase_name);
    if (value == nullptr) return false;
    target = std::string(text::trim_blanks(*value));
    return true;
}

void read_tc3_common_headers(const HttpRequest& http, ApiRequest& request) {
    request.scheme = SigningScheme::tc3;
    read_header(http, "x-tc-action", request.action);
    read_header(http, "x-tc-version", request.version);
    request.region_present = read_header(http, "x-tc-region", request.region);
    request.timestamp_present = read_header(http, "x-tc-timestamp", request.timestamp);
    read_header(http, "x-tc-token", request.token);
    read_header(http, "x-tc-requestclient", request.request_client);
    std::string language;
    read_header(http, "x-tc-language", language);
    request.language = parse_language(language);
}

ApiRequest new_request(const HttpRequest& http, json::storage_ptr memory = {}) {
    ApiRequest request(std::move(memory));
    request.http = &http;
    read_header(http, "x-tc-traceid", request.trace_id);
    return request;
}

Result<ApiRequest> decode_json_post(const HttpRequest& http, const json::storage_ptr& memory) {
    ApiRequest request = new_request(http, memory);
    read_tc3_common_headers(http, request);

    // The real service's answer to an empty body is not documented; an empty body is not JSON.
    if (http.body.find_first_not_of(" \t\r\n") == std::string::npos)
        return errors::body_not_json("the body is empty");
    boost::system::error_code ec;
    json::value body = json::parse(http.body, ec, memory);
    if (ec) return errors::body_not_json(ec.message());
    if (!body.is_object()) return errors::body_not_object();
    request.params = std::move(body.as_object());
    return request;
}

// One v1 common parameter: where its value goes, and whether it has been seen.
struct CommonParameter {
    std::string_view name;
    std::string* value;
    bool* present;
    bool seen = false;
};

// Moves the v1 common parameters out of `pairs` into `request`; the rest are business parameters.
Result<FormPairs> take_v1_common_parameters(FormPairs pairs, ApiRequest& request) {
    std::string language;
    std::array<CommonParameter, 11> common = {{
        {"Action", &request.action, nullptr},
        {"Version", &request.version, nullptr},
        {"Region", &request.region, &request.region_present},
        {"Timestamp", &request.timestamp, &request.timestamp_present},
        {"Nonce", &request.nonce, nullptr},
        {"SecretId", &request.secret_id, nullptr},
        {"SignatureMethod", &request.signature_method, nullptr},
        {"Signature", &request.signature, nullptr},
        {"Token", &request.token, nullptr},
        {"Language", &language, nullptr},
        {"RequestClient", &request.request_client, nullptr},
    }};

    FormPairs business;
    for (auto& [name, value] : pairs) {
        if (name != "Signature") request.signed_parameters.emplace_back(name, value);
        const std::string_view wanted = name;  // a lambda cannot capture a structured binding before clang 16
        auto it = std::find_if(common.begin(), common.end(), [wanted](const auto& c) { return c.name == wanted; });
        if (it == common.end()) {
            business.emplace_back(std::move(name), std::move(value));
            continue;
        }
        if (it->seen) return errors::form_parameter_conflict(name);
        it->seen = true;
        *it->value = std::move(value);
        if (it->present != nullptr) *it->present = true;
    }
    request.language = parse_language(language);
    return business;
}

// A form body or a query string, TC3 when an X-TC-Action header is present, v1 otherwise.
Result<ApiRequest> decode_form(const HttpRequest& http, std::string_view encoded) {
    ApiRequest request = new_request(http);
    request.params_from_form = true;

    auto pairs = parse_form_pairs(encoded);
    if (pairs.has_error()) return pairs.error();
    if (http.header("x-tc-action") != nullptr) {
        read_tc3_common_headers(http, request);
    } else {
        request.scheme = SigningScheme::v1;
        auto business = take_v1_common_parameters(std::move(*pairs), request);
        if (business.has_error()) return business.error();
        *pairs = std::move(*business);
    }

    auto params = unflatten_parameters(*pairs);
    if (params.has_error()) return params.error();
    request.params = std::move(*params);
    return request;
}

Result<ApiRequest> decode_get(const HttpRequest& http) {
    const std::string_view query = target_query(http.target);
    if (query.size() > max_get_query_bytes) return errors::request_size_limit_exceeded(max_get_query_bytes);
    return decode_form(http, query);
}

Result<ApiRequest> decode_post(const HttpRequest& http, const json::storage_ptr& memory) {
    const std::string* content_type = http.header("content-type");
    const auto type = content_type == nullptr ? std::string_view() : media_type(*content_type);
    if (text::iequals(type, "application/json")) return decode_json_post(http, memory);
    if (!text::iequals(type, "application/x-www-form-urlencoded"))
        return errors::unsupported_content_type(content_type == nullptr ? std::string_view()
                                                                        : text::trim_blanks(*content_type));

    const bool is_v1 = http.header("x-tc-action") == nullptr;
    if (is_v1 && http.body.size() > max_v1_form_body_bytes)
        return errors::request_size_limit_exceeded(max_v1_form_body_bytes);
    return decode_form(http, http.body);
}

}  // namespace

Result<ApiRequest> decode_api_request(const HttpRequest& http, const json::storage_ptr& memory) {
    if (http.method == "POST") return decode_post(http, memory);
    if (http.method == "GET") return decode_get(http);
    return errors::unsupported_protocol(http.method);
}

}  // namespace tcaplus_mock
