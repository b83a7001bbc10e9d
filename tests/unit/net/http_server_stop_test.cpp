#include "server/net/http_server.hpp"

#include "tests/support/loopback_client.hpp"

#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <thread>
#include <utility>

namespace tcaplus_mock::testing {
namespace {

using namespace std::chrono_literals;

// Waits (boundedly) until `condition` holds.
template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds limit = 5000ms) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

// The echo handlers, telling when a request for /slow (300 ms) is being handled.
HttpHandlers echo_handlers_signalling(std::atomic<bool>& slow_request_started) {
    HttpHandlers handlers = echo_handlers();
    handlers.handle = [echo = handlers.handle, &slow_request_started](HttpRequest request) {
        if (request.target == "/slow") slow_request_started = true;
        return echo(std::move(request));
    };
    return handlers;
}

TEST(HttpServerStopTest, AnswersTheRequestInFlightRefusesNewConnectionsAndClosesIdleOnes) {
    std::atomic<bool> slow_request_started{false};
    HttpServer server(test_settings(), echo_handlers_signalling(slow_request_started));  // shutdown_grace 10 s
    server.start();
    const auto port = server.port();

    LoopbackClient idle(port);
    ASSERT_TRUE(idle.send(request_text("GET", "/")));
    ASSERT_TRUE(idle.read_response());
    LoopbackClient in_flight(port);
    ASSERT_TRUE(in_flight.send(request_text("POST", "/slow", "", "payload")));
    ASSERT_TRUE(eventually([&] { return slow_request_started.load(); }));

    const auto began = std::chrono::steady_clock::now();
    auto stopped = std::async(std::launch::async, [&server] { server.stop(); });

    const auto answer = in_flight.read_response();
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 200);
    EXPECT_EQ(answer->body.substr(answer->body.size() - 7), "payload");
    ASSERT_TRUE(answer->header("connection"));
    EXPECT_EQ(*answer->header("connection"), "close");
    EXPECT_TRUE(in_flight.closed_by_server());
    EXPECT_TRUE(idle.closed_by_server());
    EXPECT_TRUE(eventually([port] { return !can_connect(port); }));

    ASSERT_EQ(stopped.wait_for(8s), std::future_status::ready);
    EXPECT_LT(std::chrono::steady_clock::now() - began, 8s) << "stop() waited for the grace period";
}

TEST(HttpServerStopTest, ForceClosesWhatRemainsAfterTheGracePeriod) {
    auto settings = test_settings();
    settings.shutdown_grace = 1s;
    HttpServer server(settings, echo_handlers());
    server.start();

    LoopbackClient stuck(server.port(), 10s);
    ASSERT_TRUE(stuck.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npart"));
    std::this_thread::sleep_for(100ms);

    auto stopped = std::async(std::launch::async, [&server] { server.stop(); });
    EXPECT_TRUE(stuck.closed_by_server());
    EXPECT_EQ(stopped.wait_for(8s), std::future_status::ready);
}

TEST(HttpServerStopTest, StopIsIdempotentAndSafeBeforeStart) {
    HttpServer never_started(test_settings(), echo_handlers());
    never_started.stop();

    HttpServer server(test_settings(), echo_handlers());
    server.start();
    std::thread other([&server] { server.stop(); });
    server.stop();
    other.join();
    server.stop();
    EXPECT_FALSE(can_connect(server.port()));
}

}  // namespace
}  // namespace tcaplus_mock::testing
