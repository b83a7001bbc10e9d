#include "server/net/http_server.hpp"

#include "tests/support/loopback_client.hpp"

#include <boost/asio/awaitable.hpp>
#include <gtest/gtest.h>

#include <memory>

#include <chrono>
#include <string>

namespace tcaplus_mock::testing {
namespace {

using namespace std::chrono_literals;

class HttpServerLimitsTest : public ::testing::Test {
protected:
    void SetUp() override { server_.start(); }

    // The connection is answered 413 by the oversized handler, told to close, then closed.
    static void expect_oversized_answer_then_close(LoopbackClient& client, const std::string& expected_body) {
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
    LoopbackClient client(server_.port());
    const std::string body(1024, 'b');
    ASSERT_TRUE(client.send(request_text("POST", "/", "", body)));

    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body.substr(response->body.size() - body.size()), body);
}

TEST_F(HttpServerLimitsTest, RejectsABodyOverTheLimitWithTheOversizedAnswer) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send(request_text("POST", "/big", "X-Probe: 1\r\n", std::string(1025, 'b'))));
    expect_oversized_answer_then_close(client, "oversized POST /big x-probe=1 limit=1024");
}

TEST_F(HttpServerLimitsTest, RejectsAContentLengthOverTheLimitBeforeTheBodyIsSent) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send("PUT /huge HTTP/1.1\r\nHost: x\r\nX-Probe: 2\r\nContent-Length: 10000000\r\n\r\n"));
    expect_oversized_answer_then_close(client, "oversized PUT /huge x-probe=2 limit=1024");
}

TEST_F(HttpServerLimitsTest, RejectsAChunkedBodyGrowingOverTheLimit) {
    LoopbackClient client(server_.port());
    std::string request = "POST /chunked HTTP/1.1\r\nHost: x\r\nX-Probe: 3\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) request += "200\r\n" + std::string(0x200, 'c') + "\r\n";
    request += "0\r\n\r\n";
    ASSERT_TRUE(client.send(request));
    expect_oversized_answer_then_close(client, "oversized POST /chunked x-probe=3 limit=1024");
}

TEST_F(HttpServerLimitsTest, RejectsAHeaderOverTheLimit) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send("GET /long-header HTTP/1.1\r\nHost: x\r\nX-Probe: 4\r\nX-Filler: " + std::string(5000, 'h') +
                            "\r\n\r\n"));
    expect_oversized_answer_then_close(client, "oversized GET /long-header x-probe=4 limit=4096");
}

TEST_F(HttpServerLimitsTest, RejectsAnUnfinishedHeaderOverTheLimit) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send("GET /unfinished HTTP/1.1\r\nHost: x\r\nX-Probe: 5\r\nX-Filler: " + std::string(5000, 'h')));
    expect_oversized_answer_then_close(client, "oversized GET /unfinished x-probe=5 limit=4096");
}

// Beast keeps a header field's value in at most 65,533 bytes and throws beyond that; with a raised
// header_limit such a field must still be answered (and the connection closed), not leaked.
TEST(HttpServerFieldLimitTest, AFieldLongerThanBeastKeepsIsAnsweredAsOversized) {
    auto settings = test_settings();
    settings.header_limit = 1024 * 1024;
    settings.shutdown_grace = 1s;
    auto server = std::make_unique<HttpServer>(settings, echo_handlers());
    server->start();
    LoopbackClient client(server->port());
    ASSERT_TRUE(client.send("GET /field HTTP/1.1\r\nHost: x\r\nX-Probe: 6\r\nX-Filler: " + std::string(70000, 'f') +
                            "\r\n\r\n"));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_EQ(response->body, "oversized GET /field x-probe=6 limit=65533");
    EXPECT_TRUE(client.closed_by_server());
    const auto started = std::chrono::steady_clock::now();
    server.reset();
    EXPECT_LT(std::chrono::steady_clock::now() - started, 3s) << "no connection may be left behind";
}

TEST(HttpServerFieldLimitTest, AResponseHeaderTooLongToSendIsLeftOutNotTheAnswer) {
    HttpHandlers handlers = echo_handlers();
    handlers.handle = [](HttpRequest) -> boost::asio::awaitable<HttpResponse> {
        HttpResponse response;
        response.headers = {{"Content-Type", "text/plain"}, {"X-Huge", std::string(70000, 'v')}, {"X-Kept", "yes"}};
        response.body = "the answer";
        co_return response;
    };
    HttpServer server(test_settings(), handlers);
    server.start();
    LoopbackClient client(server.port());
    ASSERT_TRUE(client.send(request_text("GET", "/")));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "the answer");
    EXPECT_EQ(response->header("x-huge"), nullptr);
    ASSERT_NE(response->header("x-kept"), nullptr);
}

// A client that sends its whole body before it reads (Python's http.client) must find the answer:
// the server reads and discards the rest of an over-limit body instead of resetting the connection.
TEST(HttpServerDrainTest, AnOverLimitBodySentInFullStillGetsItsAnswer) {
    HttpServer server(test_settings(), echo_handlers());  // body_limit 1024
    server.start();
    LoopbackClient client(server.port(), 10s);
    const std::string body(6 * 1024 * 1024, 'd');  // more than the kernel buffers and the old 4 MiB linger
    ASSERT_TRUE(client.send("POST /drain HTTP/1.1\r\nHost: x\r\nX-Probe: 7\r\nContent-Length: " +
                            std::to_string(body.size()) + "\r\n\r\n"));
    ASSERT_TRUE(client.send(body)) << "the server must keep reading the body it refused";
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
    EXPECT_EQ(response->body, "oversized POST /drain x-probe=7 limit=1024");
}

TEST(HttpServerDeadlineTest, ClosesAConnectionIdleForIdleTimeout) {
    auto settings = test_settings();
    settings.idle_timeout = 1s;
    HttpServer server(settings, echo_handlers());
    server.start();

    LoopbackClient kept_alive(server.port(), 10s);
    ASSERT_TRUE(kept_alive.send(request_text("GET", "/")));
    ASSERT_TRUE(kept_alive.read_response());
    LoopbackClient silent(server.port(), 10s);

    EXPECT_TRUE(kept_alive.closed_by_server());
    EXPECT_TRUE(silent.closed_by_server());
}

TEST(HttpServerDeadlineTest, ClosesAConnectionWhoseBodyArrivesSlowerThanReadTimeout) {
    auto settings = test_settings();
    settings.read_timeout = 1s;
    HttpServer server(settings, echo_handlers());  // idle_timeout stays 30 s
    server.start();

    LoopbackClient slow(server.port(), 10s);
    ASSERT_TRUE(slow.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten.."));
    EXPECT_TRUE(slow.closed_by_server());
}

}  // namespace
}  // namespace tcaplus_mock::testing
