#include "server/net/healthcheck.hpp"

#include "server/net/http_server.hpp"
#include "tests/support/loopback_client.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

using namespace std::chrono_literals;

boost::asio::awaitable<HttpResponse> answer(unsigned status, std::string body, HttpRequest request) {
    HttpResponse response;
    response.status = request.target == "/_mock/health" ? status : 404;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = std::move(body);
    co_return response;
}

HttpHandlers health_handlers(unsigned status, std::string body) {
    HttpHandlers handlers = echo_handlers();
    handlers.handle = [status, body](HttpRequest request) { return answer(status, body, std::move(request)); };
    return handlers;
}

TEST(HealthcheckTest, SucceedsWhenTheServerAnswersOk) {
    HttpServer server(test_settings(), health_handlers(200, R"({"status":"ok"})"));
    server.start();
    EXPECT_EQ(run_healthcheck("127.0.0.1", server.port(), 5s), 0);
}

TEST(HealthcheckTest, ReachesAServerListeningOnEveryAddressThroughLoopback) {
    auto settings = test_settings();
    settings.bind = "0.0.0.0";
    HttpServer server(settings, health_handlers(200, R"({"status":"ok"})"));
    server.start();
    EXPECT_EQ(run_healthcheck("0.0.0.0", server.port(), 5s), 0);
}

TEST(HealthcheckTest, FailsWhenNothingListens) {
    EXPECT_EQ(run_healthcheck("127.0.0.1", unused_port(), 5s), 1);
}

TEST(HealthcheckTest, FailsOnAnErrorStatus) {
    HttpServer server(test_settings(), health_handlers(503, R"({"status":"ok"})"));
    server.start();
    EXPECT_EQ(run_healthcheck("127.0.0.1", server.port(), 5s), 1);
}

TEST(HealthcheckTest, FailsWhenTheAnswerDoesNotSayOk) {
    HttpServer server(test_settings(), health_handlers(200, R"({"status":"starting"})"));
    server.start();
    EXPECT_EQ(run_healthcheck("127.0.0.1", server.port(), 5s), 1);
}

}  // namespace
}  // namespace tcaplus_mock::testing
