#include "server/net/http_server.hpp"

#include "server/net/endpoint_text.hpp"
#include "server/net/net_log.hpp"
#include "server/net/session.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tcaplus_mock {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds accept_retry_delay{100};
constexpr std::chrono::milliseconds deadline_sweep{250};
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

// How many connections are open, and a way to wait until none is.
class OpenConnections {
public:
    void opened() {
        std::lock_guard lock(mutex_);
        ++count_;
    }
    void closed() {
        std::lock_guard lock(mutex_);
        if (--count_ == 0) none_.notify_all();
    }
    bool wait_until_none(Clock::time_point deadline) {
        std::unique_lock lock(mutex_);
        return none_.wait_until(lock, deadline, [this] { return count_ == 0; });
    }

private:
    std::mutex mutex_;
    std::condition_variable none_;
    std::size_t count_ = 0;
};

// One thread with its own io_context and the connections it serves. Sessions never move between
// workers, so none of them needs a strand, and their deadlines are checked here.
struct Worker {
    asio::io_context io{1};
    // Touched on this worker's thread only.
    std::unordered_map<const Session*, std::shared_ptr<Session>> sessions;
    std::thread thread;

    template <class Each>
    void for_each_session(Each each) {
        for (auto& [key, session] : sessions) each(*session);
    }
};

}  // namespace

struct HttpServer::Impl {
    Impl(Config::Server settings_in, HttpHandlers handlers_in)
        : settings(std::move(settings_in)), handlers(std::move(handlers_in)), body_budget(settings.body_memory) {
        for (unsigned i = 0; i < worker_count(settings.threads); ++i) workers.push_back(std::make_unique<Worker>());
    }

    void start();
    void stop();

    void open_acceptor();
    asio::awaitable<void> accept_loop();
    asio::awaitable<void> sweep_deadlines(Worker& worker);
    void start_session(Worker& worker, tcp::socket socket);
    void close_connections(Clock::time_point deadline);
    void on_every_worker(void (Session::*action)());
    static void run_worker(Worker& worker);

    const Config::Server settings;
    const HttpHandlers handlers;
    std::atomic<bool> stopping{false};
    BodyBudget body_budget;
    const SessionContext context{settings, handlers, stopping, body_budget};

    std::vector<std::unique_ptr<Worker>> workers;  // before the acceptor: its socket uses workers[0]
    std::unique_ptr<tcp::acceptor> acceptor;
    OpenConnections connections;
    std::size_t next_worker = 0;

    std::promise<void> accept_loop_done;
    std::future<void> accept_loop_finished = accept_loop_done.get_future();
    std::atomic<std::uint16_t> bound_port{0};


    std::mutex lifecycle_mutex;
    enum class State { created, running, stopped } state = State::created;
};

void HttpServer::Impl::start() {
    std::lock_guard lock(lifecycle_mutex);
    if (state != State::created) throw std::logic_error("HttpServer::start: the server was already started");
    open_acceptor();
    asio::co_spawn(workers.front()->io, accept_loop(), [this](const std::exception_ptr& failure) {
        if (failure) log_exception(failure, "accepting connections");
        accept_loop_done.set_value();
    });
    for (auto& worker : workers) {
        asio::co_spawn(worker->io, sweep_deadlines(*worker), asio::detached);
        worker->thread = std::thread([&worker = *worker] { run_worker(worker); });
    }
    state = State::running;
}

void HttpServer::Impl::open_acceptor() {
    auto& io = workers.front()->io;
    acceptor = std::make_unique<tcp::acceptor>(io);
    try {
        tcp::resolver resolver(io);
        const auto endpoints = resolver.resolve(settings.bind, std::to_string(settings.port),
                                                tcp::resolver::passive | tcp::resolver::numeric_service);
        const tcp::endpoint endpoint = *endpoints.begin();
        acceptor->open(endpoint.protocol());
        acceptor->set_option(asio::socket_base::reuse_address(true));
        acceptor->bind(endpoint);
        acceptor->listen(asio::socket_base::max_listen_connections);
        bound_port = acceptor->local_endpoint().port();
    } catch (const boost::system::system_error& failure) {
        boost::system::error_code ignored;
        acceptor->close(ignored);
        throw std::runtime_error("cannot listen on " + endpoint_text(settings.bind, settings.port) + ": " +
                                 failure.code().message());
    }
}

asio::awaitable<void> HttpServer::Impl::accept_loop() {
    while (!stopping && acceptor->is_open()) {
        Worker& worker = *workers[next_worker++ % workers.size()];
        boost::system::error_code error;
        // The new socket belongs to the worker that will serve it.
        tcp::socket socket = co_await acceptor->async_accept(worker.io, asio::redirect_error(asio::use_awaitable, error));
        if (stopping || error == asio::error::operation_aborted) co_return;
        if (!error) {
            connections.opened();
            asio::post(worker.io, [this, &worker, socket = std::move(socket)]() mutable {
                start_session(worker, std::move(socket));
            });
            continue;
        }
        // Typically out of file descriptors: pause instead of spinning.
        log_net_error("accepting a connection: " + error.message());
        asio::steady_timer pause(acceptor->get_executor(), accept_retry_delay);
        co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, error));
    }
}

// Deadlines are stored times; every quarter second each worker cancels what waits past its own.
asio::awaitable<void> HttpServer::Impl::sweep_deadlines(Worker& worker) {
    asio::steady_timer timer(worker.io);
    for (;;) {
        timer.expires_after(deadline_sweep);
        boost::system::error_code error;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, error));
        if (error) co_return;
        const auto now = Clock::now();
        worker.for_each_session([now](Session& session) { session.check_deadline(now); });
    }
}

void HttpServer::Impl::start_session(Worker& worker, tcp::socket socket) {
    auto session = std::make_shared<Session>(std::move(socket), context);
    worker.sessions.emplace(session.get(), session);
    asio::co_spawn(worker.io, session->run(), [this, &worker, key = session.get()](const std::exception_ptr& failure) {
        if (failure) log_exception(failure, "serving a connection");
        worker.sessions.erase(key);
        connections.closed();
    });
}

void HttpServer::Impl::run_worker(Worker& worker) {
    for (;;) {
        try {
            worker.io.run();
            return;
        } catch (const std::exception& failure) {
            log_net_error(std::string("worker thread: ") + failure.what());
        }
    }
}

void HttpServer::Impl::stop() {
    std::lock_guard lock(lifecycle_mutex);
    if (state != State::running) {
        state = State::stopped;
        return;
    }
    state = State::stopped;
    const auto deadline = Clock::now() + settings.shutdown_grace;
    stopping = true;
    asio::post(workers.front()->io, [this] {
        boost::system::error_code ignored;
        acceptor->close(ignored);
    });
    accept_loop_finished.wait_until(deadline);
    close_connections(deadline);
    for (auto& worker : workers) worker->io.stop();
    for (auto& worker : workers) worker->thread.join();
    for (auto& worker : workers) worker->sessions.clear();
}

void HttpServer::Impl::on_every_worker(void (Session::*action)()) {
    for (auto& worker : workers)
        asio::post(worker->io, [&worker = *worker, action] {
            worker.for_each_session([action](Session& session) { (session.*action)(); });
        });
}

// Connections that have not delivered a whole request (idle, or still sending it) close at once;
// those whose request is being handled or answered get the grace, then are closed by force.
void HttpServer::Impl::close_connections(Clock::time_point deadline) {
    on_every_worker(&Session::close_unless_busy);
    if (connections.wait_until_none(deadline)) return;
    on_every_worker(&Session::force_close);
    connections.wait_until_none(Clock::now() + force_close_wait);
}

HttpServer::HttpServer(Config::Server settings, HttpHandlers handlers)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(handlers))) {}

HttpServer::~HttpServer() { impl_->stop(); }

void HttpServer::start() { impl_->start(); }

std::uint16_t HttpServer::port() const { return impl_->bound_port; }

void HttpServer::stop() { impl_->stop(); }


}  // namespace tcaplus_mock
