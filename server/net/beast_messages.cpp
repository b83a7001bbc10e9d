#include "server/net/beast_messages.hpp"

#include "server/core/text.hpp"
#include "server/net/net_log.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>

#include <algorithm>
#include <iterator>

namespace tcaplus_mock {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

// `http://127.0.0.1:8023/?a=b` -> `/?a=b`; any other target as it is.
std::string origin_form(std::string_view target) {
    for (const std::string_view scheme : {"http://", "https://"}) {
        if (target.size() < scheme.size() || !text::iequals(target.substr(0, scheme.size()), scheme)) continue;
        const auto rest = target.substr(scheme.size());
        const auto path = rest.find_first_of("/?");
        if (path == std::string_view::npos) return "/";
        return rest[path] == '?' ? "/" + std::string(rest.substr(path)) : std::string(rest.substr(path));
    }
    return std::string(target);
}

// The request line and the complete field lines among the raw bytes of an unfinished header.
HttpRequest head_from_raw(std::string_view raw, const std::string& client_address) {
    HttpRequest head;
    head.client_address = client_address;
    auto line_end = raw.find("\r\n");
    const auto request_line = raw.substr(0, line_end);
    const auto method_end = request_line.find(' ');
    if (line_end == std::string_view::npos || method_end == std::string_view::npos) return head;
    head.method = request_line.substr(0, method_end);
    const auto target = request_line.substr(method_end + 1);
    head.target = origin_form(target.substr(0, target.find(' ')));
    for (auto start = line_end + 2; (line_end = raw.find("\r\n", start)) != std::string_view::npos && line_end > start;
         start = line_end + 2) {
        const auto line = raw.substr(start, line_end - start);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        head.headers.emplace_back(text::lowercase(line.substr(0, colon)),
                                  std::string(text::trim_blanks(line.substr(colon + 1))));
    }
    return head;
}

}  // namespace

void RequestParser::on_field_impl(http::field name, beast::string_view name_string, beast::string_view value,
                                  beast::error_code& error) {
    if (name_string.size() > max_field_bytes || value.size() > max_field_bytes) {
        field_too_large_ = true;
        error = http::error::header_limit;
        return;
    }
    get().insert(name, name_string, value);
}

HttpRequest head_of(const BeastRequest& message, const std::string& client_address) {
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = origin_form(message.target());
    request.headers.reserve(16);
    for (const auto& field : message)
        request.headers.emplace_back(text::lowercase(field.name_string()), std::string(field.value()));
    request.client_address = client_address;
    return request;
}

HttpRequest to_http_request(BeastRequest&& message, const std::string& client_address) {
    HttpRequest request = head_of(message, client_address);
    request.body = std::move(message.body());
    return request;
}

HttpRequest head_read_so_far(const RequestParser& parser, const beast::flat_buffer& buffer,
                             const std::string& client_address) {
    if (!parser.get().method_string().empty()) return head_of(parser.get(), client_address);
    const auto bytes = buffer.data();
    return head_from_raw({static_cast<const char*>(bytes.data()), bytes.size()}, client_address);
}

BeastResponse to_beast_response(HttpResponse&& response, unsigned version) {
    BeastResponse message;
    message.version(version);
    message.result(response.status);
    for (const auto& [name, value] : response.headers) {
        if (name.size() > max_field_bytes || value.size() > max_field_bytes) {
            log_net_error("response header `" + name.substr(0, 64) + "` of " + std::to_string(value.size()) +
                          " bytes left out: a header value may not exceed " + std::to_string(max_field_bytes) +
                          " bytes");
            continue;
        }
        message.insert(name, value);
    }
    message.body() = std::move(response.body);
    message.content_length(message.body().size());
    return message;
}

bool is_malformed(beast::error_code error) {
    static constexpr http::error malformed[] = {
        http::error::bad_line_ending, http::error::bad_method,         http::error::bad_target,
        http::error::bad_version,     http::error::bad_status,         http::error::bad_reason,
        http::error::bad_field,       http::error::bad_value,          http::error::bad_content_length,
        http::error::bad_transfer_encoding, http::error::bad_chunk,    http::error::bad_chunk_extension,
        http::error::bad_obs_fold,    http::error::multiple_content_length,
    };
    return std::any_of(std::begin(malformed), std::end(malformed), [&](http::error e) { return error == e; });
}

bool is_oversized(beast::error_code error) {
    return error == http::error::header_limit || error == http::error::body_limit ||
           error == http::error::buffer_overflow;
}

bool is_ordinary_disconnect(beast::error_code error) {
    return error == http::error::end_of_stream || error == http::error::partial_message || error == asio::error::eof ||
           error == beast::error::timeout || error == asio::error::operation_aborted ||
           error == asio::error::connection_reset || error == asio::error::broken_pipe ||
           error == asio::error::bad_descriptor || error == asio::error::not_connected;
}

bool expects_continue(const BeastRequest& message) {
    return message.version() >= 11 && beast::iequals(message[http::field::expect], "100-continue");
}

}  // namespace tcaplus_mock
