#pragma once
// HttpServer: the HTTP/1.1 front door. Accepts connections, reads each request within the size limits
// and deadlines of Config::Server, hands it to HttpHandlers as a plain HttpRequest and writes the
// HttpResponse back, keeping connections alive between requests.

#include "server/config/config.hpp"
#include "server/protocol/http_message.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <functional>
#include <memory>

namespace tcaplus_mock {

struct HttpHandlers {
    // Answers one request: a coroutine, awaited on the connection's executor, so it may await other
    // work (storage) without blocking the I/O thread. Thread safe: called concurrently.
    std::function<boost::asio::awaitable<HttpResponse>(HttpRequest)> handle;
    // Builds the answer to a request that broke a size limit (SizeLimit says which): gets the request
    // with whatever header fields were read and an empty body. Thread safe like `handle`. The answer is
    // sent with `Connection: close`.
    std::function<HttpResponse(const HttpRequest&, SizeLimit limit)> oversized;
};

// The connections are shared among settings.threads workers, each a thread with an io_context of
// its own; a connection stays on the worker that accepted it.
//
// Deadlines per connection: idle_timeout from the moment it waits for a request until that request's
// header is complete; read_timeout for the body; read_timeout again for writing each response; none
// while a request is being handled. They are checked every quarter second.
//
// Memory: the bodies of all connections together stay within settings.body_memory: a request whose
// body does not fit (its Content-Length, or body_limit for a chunked body) is refused before its body
// is read (the oversized handler, SizeLimit::Kind::body_memory).
// Connections the server closes after an answer (a limit broken, a malformed message, `Connection:
// close`) are closed gracefully: the send side is shut down and what the client still sends is read
// and discarded until it closes its side, up to 64 MiB, 30 s in all and 2 s of silence, so a client
// that sends its whole body before reading can read the answer. A response header value longer than
// 65,533 bytes is left out (and logged): an answer is never lost to it.
//
// A response goes out with its status and headers exactly as given, plus Content-Length, and
// `Connection: close` when the connection closes after it: when the request or the response asks for
// it (close_connection, or a Connection header), or the server is stopping. A response with
// drop_connection is not written: the connection is closed at once.
//
// A malformed message is answered 400 with a small JSON body. An exception thrown by a handler, or a
// status outside 200..999, is logged to stderr and answered 500 with a small JSON body; the server
// keeps serving. A socket error drops that connection only.
class HttpServer {
public:
    HttpServer(Config::Server settings, HttpHandlers handlers);
    ~HttpServer();  // stops if running
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens, starts the worker threads (settings.threads, 0 = the machine's cores), returns.
    // Throws std::runtime_error naming "address:port" and the reason when it cannot listen.
    // Call once; a server does not start again after stop().
    void start();

    // The bound port, valid after start() (settings.port 0 picks a free one).
    std::uint16_t port() const;

    // Graceful: stops accepting (new connections are refused); closes at once every connection that has
    // not delivered a whole request (idle, still sending its header or body, or lingering after an
    // answer); requests being handled or answered are answered, then their connections close. After
    // settings.shutdown_grace the remaining connections are force-closed. Joins the worker threads.
    // Idempotent and thread safe; must not be called from inside a handler.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tcaplus_mock
