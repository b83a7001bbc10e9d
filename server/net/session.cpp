#include "server/net/session.hpp"

#include "server/core/text.hpp"
#include "server/net/net_log.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/rfc7230.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <limits>
#include <string_view>
#include <utility>

namespace tcaplus_mock {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using BeastRequest = http::request<http::string_body>;
using BeastResponse = http::response<http::string_body>;

constexpr std::size_t read_chunk = 16 * 1024;
// Draining what a client still sends after its answer: like nginx's lingering close, bounded in
// bytes, in total time and in the silence between two reads.
constexpr std::size_t linger_bytes = 64 * 1024 * 1024;
constexpr std::chrono::seconds linger_total{30};
constexpr std::chrono::seconds linger_silence{2};

// Beast stores a field's name and value with 16-bit lengths and throws for anything longer.
constexpr std::size_t max_field_bytes = 65533;

// The request parser, which refuses a header field Beast could not store as an oversized header
// (the request is answered RequestSizeLimitExceeded) instead of letting Beast throw from inside
// the read and leave the connection unanswered.
class RequestParser : public http::request_parser<http::string_body> {
public:
    bool field_too_large() const { return field_too_large_; }

private:
    void on_field_impl(http::field name, beast::string_view name_string, beast::string_view value,
                       beast::error_code& error) override {
        if (name_string.size() > max_field_bytes || value.size() > max_field_bytes) {
            field_too_large_ = true;
            error = http::error::header_limit;
            return;
        }
        get().insert(name, name_string, value);
    }

    bool field_too_large_ = false;
};

auto capture(beast::error_code& error) { return asio::redirect_error(asio::use_awaitable, error); }

std::string remote_address_of(const tcp::socket& socket) {
    beast::error_code error;
    const auto address = socket.remote_endpoint(error).address();
    if (error) return {};
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
    return address.to_string();
}

bool is_ordinary_disconnect(beast::error_code error) {
    return error == http::error::end_of_stream || error == http::error::partial_message ||
           error == asio::error::eof || error == beast::error::timeout || error == asio::error::operation_aborted ||
           error == asio::error::connection_reset || error == asio::error::broken_pipe ||
           error == asio::error::bad_descriptor || error == asio::error::not_connected;
}

void log_unexpected(beast::error_code error, const std::string& client_address) {
    if (is_ordinary_disconnect(error)) return;
    log_net_error("connection from " + client_address + ": " + error.message());
}

bool is_malformed(beast::error_code error) {
    static constexpr http::error malformed[] = {
        http::error::bad_line_ending,  http::error::bad_method,  http::error::bad_target,
        http::error::bad_version,      http::error::bad_status,  http::error::bad_reason,
        http::error::bad_field,        http::error::bad_value,   http::error::bad_content_length,
        http::error::bad_transfer_encoding, http::error::bad_chunk, http::error::bad_chunk_extension,
        http::error::bad_obs_fold,     http::error::multiple_content_length,
    };
    return std::any_of(std::begin(malformed), std::end(malformed), [&](http::error e) { return error == e; });
}

bool is_oversized(beast::error_code error) {
    return error == http::error::header_limit || error == http::error::body_limit ||
           error == http::error::buffer_overflow;
}

std::uint32_t parser_header_limit(std::size_t limit) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(limit, std::numeric_limits<std::uint32_t>::max()));
}

bool expects_continue(const BeastRequest& message) {
    return message.version() >= 11 && beast::iequals(message[http::field::expect], "100-continue");
}

HttpRequest head_of(const BeastRequest& message, const std::string& client_address) {
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
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
    head.target = target.substr(0, target.find(' '));
    for (auto start = line_end + 2; (line_end = raw.find("\r\n", start)) != std::string_view::npos && line_end > start;
         start = line_end + 2) {
        const auto line = raw.substr(start, line_end - start);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        head.headers.emplace_back(text::lowercase(line.substr(0, colon)), std::string(text::trim_blanks(line.substr(colon + 1))));
    }
    return head;
}

// A header over header_limit fails before the parser stores anything (or after it stored part of
// it), so what was read comes from the parser when it has the request line, else from the raw bytes.
HttpRequest head_read_so_far(const RequestParser& parser, const beast::flat_buffer& buffer,
                             const std::string& client_address) {
    if (!parser.get().method_string().empty()) return head_of(parser.get(), client_address);
    const auto bytes = buffer.data();
    return head_from_raw({static_cast<const char*>(bytes.data()), bytes.size()}, client_address);
}

HttpResponse json_error(unsigned status, std::string_view message) {
    HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = std::string(R"({"error":")") + std::string(message) + "\"}";
    return response;
}

bool valid_status(const HttpResponse& response, std::string_view which) {
    if (response.status >= 200 && response.status <= 999) return true;
    log_net_error(std::string(which) + " handler answered an invalid status " + std::to_string(response.status));
    return false;
}

void log_handler_failure(std::string_view which) {
    try {
        throw;
    } catch (const std::exception& failure) {
        log_net_error(std::string(which) + " handler failed: " + failure.what());
    } catch (...) {
        log_net_error(std::string(which) + " handler failed with a non-standard exception");
    }
}

HttpResponse internal_server_error() { return json_error(500, "internal server error"); }

HttpResponse call_oversized(const HttpHandlers& handlers, const HttpRequest& head, std::size_t limit) {
    try {
        HttpResponse response = handlers.oversized(head, limit);
        if (valid_status(response, "oversized request")) return response;
    } catch (...) {
        log_handler_failure("oversized request");
    }
    return internal_server_error();
}

asio::awaitable<HttpResponse> call_handle(const HttpHandlers& handlers, HttpRequest request) {
    try {
        HttpResponse response = co_await handlers.handle(std::move(request));
        if (valid_status(response, "request")) co_return response;
    } catch (...) {
        log_handler_failure("request");
    }
    co_return internal_server_error();
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

bool says_close(const BeastResponse& message) {
    return http::token_list(message[http::field::connection]).exists("close");
}

}  // namespace

Session::Session(tcp::socket socket, const SessionContext& context)
    : context_(context),
      stream_(std::move(socket)),
      buffer_(context.settings.header_limit + read_chunk),
      client_address_(remote_address_of(stream_.socket())) {}

asio::awaitable<void> Session::run() {
    const auto self = shared_from_this();
    try {
        Next next = Next::keep_alive;
        while (next == Next::keep_alive) next = co_await serve_request();
        if (next == Next::close_gracefully) co_await close_gracefully();
    } catch (const std::exception& failure) {
        // Nothing may leave a connection unanswered and open: whatever went wrong, close it.
        log_net_error("connection from " + client_address_ + " closed after a failure: " + failure.what());
    }
    close_now();
}

void Session::close_if_idle() {
    beast::error_code ignored;
    if (idle_ || lingering_) stream_.socket().cancel(ignored);
}

void Session::force_close() { stream_.close(); }

asio::awaitable<bool> Session::wait_for_request() {
    if (context_.stopping) co_return false;
    stream_.expires_after(context_.settings.idle_timeout);
    if (buffer_.size() > 0) co_return true;  // pipelined behind the previous request
    idle_ = true;
    beast::error_code error;
    const std::size_t received = co_await stream_.async_read_some(buffer_.prepare(read_chunk), capture(error));
    idle_ = false;
    buffer_.commit(received);
    if (!error) co_return true;
    log_unexpected(error, client_address_);
    co_return false;
}

asio::awaitable<Session::Next> Session::serve_request() {
    if (!co_await wait_for_request()) co_return Next::drop;
    RequestParser parser;
    parser.header_limit(parser_header_limit(context_.settings.header_limit));
    parser.body_limit(context_.settings.body_limit);
    beast::error_code error;
    // A Content-Length over body_limit fails here, once the header is complete, before any body is read.
    co_await http::async_read_header(stream_, buffer_, parser, capture(error));
    if (error) co_return co_await answer_read_error(error, parser);
    stream_.expires_after(context_.settings.read_timeout);
    if (expects_continue(parser.get())) {
        const bool sent = co_await send_continue();
        if (!sent) co_return Next::drop;
    }
    co_await http::async_read(stream_, buffer_, parser, capture(error));
    if (error) co_return co_await answer_read_error(error, parser);
    BeastRequest message = parser.release();
    const unsigned version = message.version();
    const bool keep_alive = message.keep_alive();
    HttpResponse response =
        co_await call_handle(context_.handlers, to_http_request(std::move(message), client_address_));
    if (response.drop_connection) co_return Next::drop;
    co_return co_await respond(std::move(response), version, keep_alive);
}

template <class Parser>
asio::awaitable<Session::Next> Session::answer_read_error(beast::error_code error, const Parser& parser) {
    if (is_oversized(error)) {
        const auto& settings = context_.settings;
        const std::size_t limit = error == http::error::body_limit ? settings.body_limit
                                  : parser.field_too_large()       ? max_field_bytes
                                                                   : settings.header_limit;
        co_return co_await reject_oversized(head_read_so_far(parser, buffer_, client_address_), limit);
    }
    if (is_malformed(error)) co_return co_await reject_malformed();
    log_unexpected(error, client_address_);
    co_return Next::drop;
}

asio::awaitable<Session::Next> Session::reject_oversized(HttpRequest head, std::size_t limit) {
    head.body.clear();
    HttpResponse response = call_oversized(context_.handlers, head, limit);
    co_return co_await respond(std::move(response), 11, false);
}

asio::awaitable<Session::Next> Session::reject_malformed() {
    co_return co_await respond(json_error(400, "malformed HTTP request"), 11, false);
}

asio::awaitable<bool> Session::send_continue() {
    http::response<http::empty_body> interim{http::status::continue_, 11};
    beast::error_code error;
    co_await http::async_write(stream_, interim, capture(error));
    if (!error) co_return true;
    log_unexpected(error, client_address_);
    co_return false;
}

asio::awaitable<Session::Next> Session::respond(HttpResponse response, unsigned version, bool keep_alive) {
    keep_alive = keep_alive && !response.close_connection && !context_.stopping;
    BeastResponse message = to_beast_response(std::move(response), version);
    keep_alive = keep_alive && !says_close(message);
    if (!keep_alive)
        message.set(http::field::connection, "close");
    else if (version < 11)
        message.set(http::field::connection, "keep-alive");
    stream_.expires_after(context_.settings.read_timeout);
    beast::error_code error;
    co_await http::async_write(stream_, message, capture(error));
    if (error) {
        log_unexpected(error, client_address_);
        co_return Next::drop;
    }
    co_return keep_alive ? Next::keep_alive : Next::close_gracefully;
}

// Closing a socket that still has unread input resets the connection, and the reset can destroy
// the answer before the client reads it: a client that sends its whole body before it reads
// (Python's http.client, so the Python SDK and tccli) would see a broken pipe instead of the
// Tencent error. So half-close, then read and discard what the client still sends until it
// closes its side, within the linger bounds.
asio::awaitable<void> Session::close_gracefully() {
    beast::error_code error;
    stream_.socket().shutdown(tcp::socket::shutdown_send, error);
    if (error) co_return;
    const auto give_up_at = std::chrono::steady_clock::now() + linger_total;
    std::size_t discarded = 0;
    lingering_ = true;
    while (!error && discarded < linger_bytes && !context_.stopping) {
        stream_.expires_at(std::min(std::chrono::steady_clock::now() + linger_silence, give_up_at));
        buffer_.clear();
        discarded += co_await stream_.async_read_some(buffer_.prepare(read_chunk), capture(error));
    }
    lingering_ = false;
}

void Session::close_now() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
}

}  // namespace tcaplus_mock
