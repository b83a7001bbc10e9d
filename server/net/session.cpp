#include "server/net/session.hpp"

#include "server/net/beast_messages.hpp"
#include "server/net/net_log.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/rfc7230.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <exception>
#include <limits>
#include <utility>

namespace tcaplus_mock {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t read_chunk = 16 * 1024;
// Draining what a client still sends after its answer: like nginx's lingering close, bounded in
// bytes, in total time and in the silence between two reads.
constexpr std::size_t linger_bytes = 64 * 1024 * 1024;
constexpr std::chrono::seconds linger_total{30};
constexpr std::chrono::seconds linger_silence{2};

auto capture(beast::error_code& error) { return asio::redirect_error(asio::use_awaitable, error); }

std::string remote_address_of(const tcp::socket& socket) {
    beast::error_code error;
    const auto address = socket.remote_endpoint(error).address();
    if (error) return {};
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
    return address.to_string();
}

void log_unexpected(beast::error_code error, const std::string& client_address) {
    if (is_ordinary_disconnect(error)) return;
    log_net_error("connection from " + client_address + ": " + error.message());
}

std::uint32_t parser_header_limit(std::size_t limit) {
    return static_cast<std::uint32_t>(std::min<std::size_t>(limit, std::numeric_limits<std::uint32_t>::max()));
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

HttpResponse internal_server_error() {
    return json_error_response(500, "InternalError", "the request failed; the emulator's log says why");
}

HttpResponse call_oversized(const HttpHandlers& handlers, const HttpRequest& head, SizeLimit limit) {
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

bool says_close(const BeastResponse& message) {
    return http::token_list(message[http::field::connection]).exists("close");
}

}  // namespace

Session::Session(tcp::socket socket, const SessionContext& context)
    : context_(context),
      socket_(std::move(socket)),
      buffer_(context.settings.header_limit + read_chunk),
      client_address_(remote_address_of(socket_)) {}

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

void Session::enter(Phase phase, std::chrono::steady_clock::duration allowed) {
    phase_ = phase;
    deadline_ = Clock::now() + allowed;
}

void Session::check_deadline(Clock::time_point now) {
    if (phase_ == Phase::handling || now < deadline_) return;
    beast::error_code ignored;
    socket_.cancel(ignored);
}

void Session::close_unless_busy() {
    if (phase_ == Phase::handling || phase_ == Phase::writing) return;
    beast::error_code ignored;
    socket_.cancel(ignored);
}

void Session::force_close() {
    beast::error_code ignored;
    socket_.close(ignored);
}

asio::awaitable<bool> Session::wait_for_request() {
    if (context_.stopping) co_return false;
    enter(Phase::waiting, context_.settings.idle_timeout);
    if (buffer_.size() > 0) co_return true;  // pipelined behind the previous request
    beast::error_code error;
    const std::size_t received = co_await socket_.async_read_some(buffer_.prepare(read_chunk), capture(error));
    buffer_.commit(received);
    if (!error) co_return !context_.stopping;
    log_unexpected(error, client_address_);
    co_return false;
}

std::size_t Session::body_bytes_needed(const RequestParser& parser) const {
    // A chunked body may grow to the limit; a Content-Length body is reserved whole (Beast's string
    // body reserves that much as soon as it starts).
    if (parser.chunked()) return context_.settings.body_limit;
    const auto length = parser.content_length();
    return length ? static_cast<std::size_t>(std::min<std::uint64_t>(*length, context_.settings.body_limit)) : 0;
}

asio::awaitable<Session::Next> Session::serve_request() {
    if (!co_await wait_for_request()) co_return Next::drop;
    phase_ = Phase::reading;  // the header is still within the idle deadline
    RequestParser parser;
    parser.header_limit(parser_header_limit(context_.settings.header_limit));
    parser.body_limit(context_.settings.body_limit);
    beast::error_code error;
    // A Content-Length over body_limit fails here, once the header is complete, before any body is read.
    co_await http::async_read_header(socket_, buffer_, parser, capture(error));
    if (error) co_return co_await answer_read_error(error, parser);

    const std::size_t body_bytes = body_bytes_needed(parser);
    BodyBudget::Reservation reservation;
    if (body_bytes > 0) {
        if (!context_.body_budget.try_reserve(body_bytes))
            co_return co_await reject_oversized(head_of(parser.get(), client_address_),
                                                {SizeLimit::Kind::body_memory, context_.body_budget.limit()});
        reservation = BodyBudget::Reservation(context_.body_budget, body_bytes);
    }
    enter(Phase::reading, context_.settings.read_timeout);
    if (expects_continue(parser.get()) && !co_await send_continue()) co_return Next::drop;
    co_await http::async_read(socket_, buffer_, parser, capture(error));
    if (error) co_return co_await answer_read_error(error, parser);

    BeastRequest message = parser.release();
    const unsigned version = message.version();
    const bool keep_alive = message.keep_alive();
    phase_ = Phase::handling;
    HttpResponse response = co_await call_handle(context_.handlers, to_http_request(std::move(message), client_address_));
    reservation.reset();
    if (response.drop_connection) co_return Next::drop;
    co_return co_await respond(std::move(response), version, keep_alive);
}

asio::awaitable<Session::Next> Session::answer_read_error(beast::error_code error, const RequestParser& parser) {
    if (is_oversized(error)) {
        const auto& settings = context_.settings;
        const SizeLimit limit = error == http::error::body_limit ? SizeLimit{SizeLimit::Kind::body, settings.body_limit}
                                : parser.field_too_large()
                                    ? SizeLimit{SizeLimit::Kind::field, max_field_bytes}
                                    : SizeLimit{SizeLimit::Kind::header, settings.header_limit};
        co_return co_await reject_oversized(head_read_so_far(parser, buffer_, client_address_), limit);
    }
    if (is_malformed(error)) co_return co_await respond(json_error_response(400, "BadRequest", "malformed HTTP request"), 11, false);
    log_unexpected(error, client_address_);
    co_return Next::drop;
}

asio::awaitable<Session::Next> Session::reject_oversized(HttpRequest head, SizeLimit limit) {
    head.body.clear();
    HttpResponse response = call_oversized(context_.handlers, head, limit);
    co_return co_await respond(std::move(response), 11, false);
}

asio::awaitable<bool> Session::send_continue() {
    http::response<http::empty_body> interim{http::status::continue_, 11};
    beast::error_code error;
    co_await http::async_write(socket_, interim, capture(error));
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
    enter(Phase::writing, context_.settings.read_timeout);
    beast::error_code error;
    co_await http::async_write(socket_, message, capture(error));
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
// closes its side, within the linger bounds (a stop cuts it short).
asio::awaitable<void> Session::close_gracefully() {
    beast::error_code error;
    socket_.shutdown(tcp::socket::shutdown_send, error);
    if (error || context_.stopping) co_return;
    const auto give_up_at = Clock::now() + linger_total;
    std::size_t discarded = 0;
    while (!error && discarded < linger_bytes && !context_.stopping) {
        phase_ = Phase::lingering;
        deadline_ = std::min(Clock::now() + linger_silence, give_up_at);
        buffer_.clear();
        discarded += co_await socket_.async_read_some(buffer_.prepare(read_chunk), capture(error));
    }
}

void Session::close_now() {
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
}

}  // namespace tcaplus_mock
