#pragma once
// Session: one client connection. Reads requests one after another with a fresh parser per message,
// within the size limits and deadlines of Config::Server and the shared body budget; answers each
// through HttpHandlers; keeps the connection alive while both sides allow it. Internal to the
// network layer.
//
// A session belongs to one worker: its coroutine and every member function run on that worker's
// thread (its io_context), which also checks the session's deadline every quarter second. Deadlines
// are a stored time, not a timer per operation: cheap to move on every read and write.

#include "server/config/config.hpp"
#include "server/net/body_budget.hpp"
#include "server/net/http_server.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

namespace tcaplus_mock {

class RequestParser;

// What a session shares with its server; the server outlives all of its sessions' work.
struct SessionContext {
    const Config::Server& settings;
    const HttpHandlers& handlers;
    const std::atomic<bool>& stopping;  // set once stop() begins
    BodyBudget& body_budget;
};

class Session : public std::enable_shared_from_this<Session> {
public:
    using Clock = std::chrono::steady_clock;

    Session(boost::asio::ip::tcp::socket socket, const SessionContext& context);

    // Serves requests until the connection closes. Never throws.
    boost::asio::awaitable<void> run();

    // Cancels what the connection waits for once its deadline has passed (a request being handled
    // has none).
    void check_deadline(Clock::time_point now);
    // For a stop: closes the connection at once unless a request is being handled or answered;
    // those close after their answer.
    void close_unless_busy();
    // Closes the connection whatever it is doing.
    void force_close();

private:
    enum class Next { keep_alive, close_gracefully, drop };
    enum class Phase { waiting, reading, handling, writing, lingering };

    boost::asio::awaitable<bool> wait_for_request();
    boost::asio::awaitable<Next> serve_request();
    boost::asio::awaitable<Next> answer_read_error(boost::beast::error_code error, const RequestParser& parser);
    boost::asio::awaitable<Next> reject_oversized(HttpRequest head, SizeLimit limit);
    boost::asio::awaitable<bool> send_continue();
    boost::asio::awaitable<Next> respond(HttpResponse response, unsigned version, bool keep_alive);
    boost::asio::awaitable<void> close_gracefully();
    // The bytes of body budget the request in `parser` needs, 0 when it has no body.
    std::size_t body_bytes_needed(const RequestParser& parser) const;
    void enter(Phase phase, std::chrono::steady_clock::duration allowed);
    void close_now();

    const SessionContext& context_;
    boost::asio::ip::tcp::socket socket_;
    boost::beast::flat_buffer buffer_;
    std::string client_address_;
    Phase phase_ = Phase::waiting;
    Clock::time_point deadline_;
};

}  // namespace tcaplus_mock
