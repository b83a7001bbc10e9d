#pragma once
// The conversions between Beast's HTTP messages and the plain HttpRequest / HttpResponse that
// request handling sees, and the classification of Beast's read errors. Internal to the network layer.

#include "server/protocol/http_message.hpp"

#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace tcaplus_mock {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Beast stores a field's name and value with 16-bit lengths and throws for anything longer.
inline constexpr std::size_t max_field_bytes = 65533;

// The request parser, which refuses a header field Beast could not store as an oversized header
// (the request is then answered RequestSizeLimitExceeded) instead of letting Beast throw from inside
// the read and leave the connection unanswered.
class RequestParser : public boost::beast::http::request_parser<boost::beast::http::string_body> {
public:
    bool field_too_large() const noexcept { return field_too_large_; }

private:
    void on_field_impl(boost::beast::http::field name, boost::beast::string_view name_string,
                       boost::beast::string_view value, boost::beast::error_code& error) override;

    bool field_too_large_ = false;
};

// The request's method, target (an absolute-form target, `http://host/path`, made origin-form
// `/path`), headers (names lowercased) and `client_address`, without the body.
HttpRequest head_of(const BeastRequest& message, const std::string& client_address);
HttpRequest to_http_request(BeastRequest&& message, const std::string& client_address);

// What was read of a request whose header broke a limit: from the parser when it has the request
// line, else from the raw bytes in `buffer`.
HttpRequest head_read_so_far(const RequestParser& parser, const boost::beast::flat_buffer& buffer,
                             const std::string& client_address);

// A Beast response for `response`; a header whose name or value Beast cannot keep is left out and
// logged.
BeastResponse to_beast_response(HttpResponse&& response, unsigned version);

bool is_malformed(boost::beast::error_code error);
bool is_oversized(boost::beast::error_code error);
// A client going away, a timeout or a cancellation: nothing worth a log line.
bool is_ordinary_disconnect(boost::beast::error_code error);
bool expects_continue(const BeastRequest& message);

}  // namespace tcaplus_mock
