#include "server/net/http_server.hpp"

#include "server/net/connection_registry.hpp"
#include "server/net/endpoint_text.hpp"
#include "server/net/net_log.hpp"
#include "server/net/session.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace tcaplus_mock {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds accept_retry_delay{100};
constexpr std::chrono::seconds force_close_wait{2};

unsigned worker_count(unsigned configured) {
    if (configured > 0) return configured;
    return std::max(1u, std::thread::hardware_concurrency());
}

void log_exception(const std::exception_ptr& failure, const std::string& while_doing) {
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& exception) {
        log_net_error(while_doing + ": " + exception.what());
    } catch (...) {
        log_net_error(while_doing + ": non-standard exception");
    }
}

}  // namespace

struct HttpServer::Impl {
    Impl(Config::Server settings_in, HttpHandlers handlers_in)
        : settings(std::move(settings_in)), handlers(std::move(handlers_in)) {}

    void start();
    void stop();
    void run_until_signal();

    void open_acceptor();
    asio::awaitable<void> accept_loop();
    void start_session(tcp::socket socket);
    void close_connections(Clock::time_point deadline);
    void run_worker();

    const Config::Server settings;
    const HttpHandlers handlers;
    std::atomic<bool> stopping{false};
    const SessionContext context{settings, handlers, stopping};

    // Declared after the io_context so they are destroyed before it: sockets must not outlive it.
    asio::io_context io_context;
    asio::strand<asio::io_context::executor_type> acceptor_strand{asio::make_strand(io_context)};
    tcp::acceptor acceptor{acceptor_strand};
    ConnectionRegistry connections;

    std::promise<void> accept_loop_done;
    std::future<void> accept_loop_finished = accept_loop_done.get_future();
    std::vector<std::thread> workers;
    std::atomic<std::uint16_t> bound_port{0};

    asio::io_context signal_context;  // run only by run_until_signal(); stop() ends its wait

    std::mutex lifecycle_mutex;
    enum class State { created, running, stopped } state = State::created;
};

void HttpServer::Impl::start() {
    std::lock_guard lock(lifecycle_mutex);
    if (state != State::created) throw std::logic_error("HttpServer::start: the server was already started");
    open_acceptor();
    asio::co_spawn(acceptor_strand, accept_loop(), [this](const std::exception_ptr& failure) {
        if (failure) log_exception(failure, "accepting connections");
        accept_loop_done.set_value();
    });
    const unsigned count = worker_count(settings.threads);
    for (unsigned i = 0; i < count; ++i) workers.emplace_back([this] { run_worker(); });
    state = State::running;
}

void HttpServer::Impl::open_acceptor() {
    try {
        tcp::resolver resolver(io_context);
        const auto endpoints = resolver.resolve(settings.bind, std::to_string(settings.port),
                                                tcp::resolver::passive | tcp::resolver::numeric_service);
        const tcp::endpoint endpoint = *endpoints.begin();
        acceptor.open(endpoint.protocol());
        acceptor.set_option(asio::socket_base::reuse_address(true));
        acceptor.bind(endpoint);
        acceptor.listen(asio::socket_base::max_listen_connections);
        bound_port = acceptor.local_endpoint().port();
    } catch (const boost::system::system_error& failure) {
        boost::system::error_code ignored;
        acceptor.close(ignored);
        throw std::runtime_error("cannot listen on " + endpoint_text(settings.bind, settings.port) + ": " +
                                 failure.code().message());
    }
}

asio::awaitable<void> HttpServer::Impl::accept_loop() {
    while (!stopping && acceptor.is_open()) {
        tcp::socket socket(asio::make_strand(io_context));
        boost::system::error_code error;
        co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, error));
        if (stopping || error == asio::error::operation_aborted) co_return;
        if (!error) {
            start_session(std::move(socket));
            continue;
        }
        // Typically out of file descriptors: pause instead of spinning.
        log_net_error("accepting a connection: " + error.message());
        asio::steady_timer pause(acceptor_strand, accept_retry_delay);
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, error));
    }
}

void HttpServer::Impl::start_session(tcp::socket socket) {
    auto session = std::make_shared<Session>(std::move(socket), context);
    connections.add(session);
    asio::co_spawn(session->executor(), session->run(), [this, session](const std::exception_ptr& failure) {
        if (failure) log_exception(failure, "serving a connection");
        connections.remove(session.get());
    });
}

void HttpServer::Impl::run_worker() {
    for (;;) {
        try {
            io_context.run();
            return;
        } catch (const std::exception& failure) {
            log_net_error(std::string("worker thread: ") + failure.what());
        }
    }
}

void HttpServer::Impl::stop() {
    std::lock_guard lock(lifecycle_mutex);
    signal_context.stop();
    if (state != State::running) {
        state = State::stopped;
        return;
    }
    state = State::stopped;
    const auto deadline = Clock::now() + settings.shutdown_grace;
    stopping = true;
    asio::post(acceptor_strand, [this] {
        boost::system::error_code ignored;
        acceptor.close(ignored);
    });
    accept_loop_finished.wait_until(deadline);
    close_connections(deadline);
    io_context.stop();
    for (auto& worker : workers) worker.join();
    workers.clear();
    connections.clear();
}

// Idle connections close now, busy ones after their answer (they see `stopping`); whatever is left
// at the deadline is closed by force.
void HttpServer::Impl::close_connections(Clock::time_point deadline) {
    for (auto& session : connections.snapshot())
        asio::post(session->executor(), [session] { session->close_if_idle(); });
    if (connections.wait_until_empty(deadline)) return;
    for (auto& session : connections.snapshot())
        asio::post(session->executor(), [session] { session->force_close(); });
    connections.wait_until_empty(Clock::now() + force_close_wait);
}

void HttpServer::Impl::run_until_signal() {
    asio::signal_set signals(signal_context, SIGINT, SIGTERM);
    signals.async_wait([](const boost::system::error_code&, int) {});
    signal_context.run();
    stop();
}

HttpServer::HttpServer(Config::Server settings, HttpHandlers handlers)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(handlers))) {}

HttpServer::~HttpServer() { impl_->stop(); }

void HttpServer::start() { impl_->start(); }

std::uint16_t HttpServer::port() const { return impl_->bound_port; }

void HttpServer::stop() { impl_->stop(); }

void HttpServer::run_until_signal() { impl_->run_until_signal(); }

}  // namespace tcaplus_mock
