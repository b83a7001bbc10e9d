#pragma once
// Session: one client connection. Reads requests one after another with a fresh parser per message,
// the size limits and the deadlines of Config::Server; answers each through HttpHandlers; keeps the
// connection alive while both sides allow it. Internal to the network layer.
//
// Thread safety: every member function, run() included, must run on the connection's strand
// (executor()); the server posts close_if_idle() and force_close() there.

#include "server/config/config.hpp"
#include "server/net/http_server.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <memory>
#include <string>

namespace tcaplus_mock {

// What a session shares with its server; the server outlives all of its sessions' work.
struct SessionContext {
    const Config::Server& settings;
    const HttpHandlers& handlers;
    const std::atomic<bool>& stopping;  // set once stop() begins: answer what is in flight, then close
};

class Session : public std::enable_shared_from_this<Session> {
public:
    // `socket` is connected and bound to its own strand.
    Session(boost::asio::ip::tcp::socket socket, const SessionContext& context);

    boost::asio::any_io_executor executor() { return stream_.get_executor(); }

    // Serves requests until the connection closes. Never throws for I/O or handler failures.
    boost::asio::awaitable<void> run();

    // Closes the connection now if it is waiting for its next request; otherwise it closes after
    // answering the request in progress (it sees `stopping`).
    void close_if_idle();

    // Closes the connection whatever it is doing; pending operations end with an error.
    void force_close();

private:
    enum class Next { keep_alive, close_gracefully, drop };

    boost::asio::awaitable<bool> wait_for_request();
    boost::asio::awaitable<Next> serve_request();
    template <class Parser>
    boost::asio::awaitable<Next> answer_read_error(boost::beast::error_code error, const Parser& parser);
    boost::asio::awaitable<Next> reject_oversized(HttpRequest head, std::size_t limit);
    boost::asio::awaitable<Next> reject_malformed();
    boost::asio::awaitable<bool> send_continue();
    boost::asio::awaitable<Next> respond(HttpResponse response, unsigned version, bool keep_alive);
    boost::asio::awaitable<void> close_gracefully();
    void close_now();

    const SessionContext& context_;
    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::string client_address_;
    bool idle_ = false;       // waiting for the first byte of the next request
    bool lingering_ = false;  // answered and closing: discarding what the client still sends
};

}  // namespace tcaplus_mock
