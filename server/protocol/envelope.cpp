#include "server/protocol/envelope.hpp"

#include "server/core/text.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <algorithm>
#include <utility>

namespace tcaplus_mock {
namespace {

namespace json = boost::json;

std::string wrap_in_response(json::object response) {
    json::object envelope(response.storage());
    envelope.emplace("Response", std::move(response));
    std::string body = json::serialize(envelope);
    // Boost.JSON writes a string's bytes as they are. Whatever reached an answer unchecked
    // (a header echoed in a message) is repaired here, so every answer is UTF-8; a replaced byte
    // is never one of JSON's own ASCII characters, so the document stays well formed.
    if (!text::is_valid_utf8(body)) body = text::sanitize_utf8(body);
    return body;
}

bool is_safe_header_value(std::string_view value) {
    return text::is_valid_utf8(value) && std::none_of(value.begin(), value.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && byte != '\t') || byte == 0x7f;
    });
}

}  // namespace

std::string new_request_id() {
    // Seeded once per thread from the operating system; the default generator would ask the
    // kernel for fresh entropy (a getrandom system call) for every id.
    thread_local boost::uuids::random_generator_mt19937 generator;
    return boost::uuids::to_string(generator());
}

std::string encode_success(json::object fields, std::string_view request_id) {
    fields.erase("RequestId");
    fields.emplace("RequestId", request_id);
    return wrap_in_response(std::move(fields));
}

std::string encode_error(const ApiError& error, Language language, std::string_view request_id) {
    json::object response;
    response.reserve(2);
    json::object& details = response.emplace("Error", json::object()).first->value().as_object();
    details.reserve(2);
    details.emplace("Code", error.code);
    details.emplace("Message", error.message.in(language));
    response.emplace("RequestId", request_id);
    return wrap_in_response(std::move(response));
}

HttpResponse make_api_response(std::string body, std::string_view request_id, std::string_view trace_id) {
    HttpResponse response;
    response.status = 200;
    response.headers.reserve(3);
    response.headers.emplace_back("Content-Type", "application/json");
    response.headers.emplace_back("X-TC-RequestId", std::string(request_id));
    if (!trace_id.empty() && is_safe_header_value(trace_id))
        response.headers.emplace_back("X-TC-TraceId", std::string(trace_id));
    response.body = std::move(body);
    return response;
}

}  // namespace tcaplus_mock
