#include "server/net/http_server.hpp"

#include "tests/unit/net/net_test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace tcaplus_mock::net_test {
namespace {

using namespace std::chrono_literals;

class HttpServerLimitsTest : public ::testing::Test {
protected:
    void SetUp() override { server_.start(); }

    // The connection is answered 413 by the oversized handler, told to close, then closed.
    static void expect_oversized_answer_then_close(TestClient& client, const std::string& expected_body) {
        const auto response = client.read_response();
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 413);
        EXPECT_EQ(response->body, expected_body);
        ASSERT_TRUE(response->header("connection"));
        EXPECT_EQ(*response->header("connection"), "close");
        EXPECT_TRUE(client.closed_by_server());
    }

    HttpServer server_{test_settings(), echo_handlers()};  // header_limit 4096, body_limit 1024
};

TEST_F(HttpServerLimitsTest, AcceptsABodyAtTheLimit) {
    TestClient client(server_.port());
    const std::string body(1024, 'b');
    ASSERT_TRUE(client.send(request_text("POST", "/", "", body)));

    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body.substr(response->body.size() - body.size()), body);
}

TEST_F(HttpServerLimitsTest, RejectsABodyOverTheLimitWithTheOversizedAnswer) {
    TestClient client(server_.port());
    ASSERT_TRUE(client.send(request_text("POST", "/big", "X-Probe: 1\r\n", std::string(1025, 'b'))));
    expect_oversized_answer_then_close(client, "oversized POST /big x-probe=1");
}

TEST_F(HttpServerLimitsTest, RejectsAContentLengthOverTheLimitBeforeTheBodyIsSent) {
    TestClient client(server_.port());
    ASSERT_TRUE(client.send("PUT /huge HTTP/1.1\r\nHost: x\r\nX-Probe: 2\r\nContent-Length: 10000000\r\n\r\n"));
    expect_oversized_answer_then_close(client, "oversized PUT /huge x-probe=2");
}

TEST_F(HttpServerLimitsTest, RejectsAChunkedBodyGrowingOverTheLimit) {
    TestClient client(server_.port());
    std::string request = "POST /chunked HTTP/1.1\r\nHost: x\r\nX-Probe: 3\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) request += "200\r\n" + std::string(0x200, 'c') + "\r\n";
    request += "0\r\n\r\n";
    ASSERT_TRUE(client.send(request));
    expect_oversized_answer_then_close(client, "oversized POST /chunked x-probe=3");
}

TEST_F(HttpServerLimitsTest, RejectsAHeaderOverTheLimit) {
    TestClient client(server_.port());
    ASSERT_TRUE(client.send("GET /long-header HTTP/1.1\r\nHost: x\r\nX-Probe: 4\r\nX-Filler: " + std::string(5000, 'h') +
                            "\r\n\r\n"));
    expect_oversized_answer_then_close(client, "oversized GET /long-header x-probe=4");
}

TEST_F(HttpServerLimitsTest, RejectsAnUnfinishedHeaderOverTheLimit) {
    TestClient client(server_.port());
    ASSERT_TRUE(client.send("GET /unfinished HTTP/1.1\r\nHost: x\r\nX-Probe: 5\r\nX-Filler: " + std::string(5000, 'h')));
    expect_oversized_answer_then_close(client, "oversized GET /unfinished x-probe=5");
}

TEST(HttpServerDeadlineTest, ClosesAConnectionIdleForIdleTimeout) {
    auto settings = test_settings();
    settings.idle_timeout = 1s;
    HttpServer server(settings, echo_handlers());
    server.start();

    TestClient kept_alive(server.port(), 10s);
    ASSERT_TRUE(kept_alive.send(request_text("GET", "/")));
    ASSERT_TRUE(kept_alive.read_response());
    TestClient silent(server.port(), 10s);

    EXPECT_TRUE(kept_alive.closed_by_server());
    EXPECT_TRUE(silent.closed_by_server());
}

TEST(HttpServerDeadlineTest, ClosesAConnectionWhoseBodyArrivesSlowerThanReadTimeout) {
    auto settings = test_settings();
    settings.read_timeout = 1s;
    HttpServer server(settings, echo_handlers());  // idle_timeout stays 30 s
    server.start();

    TestClient slow(server.port(), 10s);
    ASSERT_TRUE(slow.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten.."));
    EXPECT_TRUE(slow.closed_by_server());
}

}  // namespace
}  // namespace tcaplus_mock::net_test
