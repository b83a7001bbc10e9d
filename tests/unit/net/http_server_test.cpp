#include "server/net/http_server.hpp"

#include "tests/support/loopback_client.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace tcaplus_mock::testing {
namespace {

class HttpServerTest : public ::testing::Test {
protected:
    void SetUp() override { server_.start(); }

    HttpServer server_{test_settings(), echo_handlers()};
};

TEST_F(HttpServerTest, AnswersOneRequestWithTheHandlersResponse) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.connected());
    ASSERT_TRUE(client.send(request_text("POST", "/path?Action=Echo&x=1", "X-Mixed-Case:  Some Value\r\n", "hello")));

    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    ASSERT_TRUE(response->header("content-type"));
    EXPECT_EQ(*response->header("content-type"), "text/plain");
    ASSERT_TRUE(response->header("content-length"));
    EXPECT_EQ(*response->header("content-length"), std::to_string(response->body.size()));
    EXPECT_EQ(response->header("connection"), nullptr);
    EXPECT_EQ(response->body,
              "POST /path?Action=Echo&x=1\n"
              "host: localhost\n"
              "x-mixed-case: Some Value\n"
              "content-length: 5\n"
              "client: 127.0.0.1\n\n"
              "hello");
}

TEST_F(HttpServerTest, KeepsTheConnectionAliveBetweenRequests) {
    LoopbackClient client(server_.port());
    for (int i = 0; i < 3; ++i) {
        const std::string target = "/request/" + std::to_string(i);
        ASSERT_TRUE(client.send(request_text("GET", target)));
        const auto response = client.read_response();
        ASSERT_TRUE(response) << "request " << i;
        EXPECT_EQ(response->body.substr(0, response->body.find('\n')), "GET " + target);
    }
}

TEST_F(HttpServerTest, AnswersPipelinedRequestsInOrder) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send(request_text("POST", "/first", "", "one") + request_text("POST", "/second", "", "two")));

    const auto first = client.read_response();
    const auto second = client.read_response();
    ASSERT_TRUE(first);
    ASSERT_TRUE(second);
    EXPECT_EQ(first->body.substr(0, 11), "POST /first");
    EXPECT_EQ(first->body.substr(first->body.size() - 3), "one");
    EXPECT_EQ(second->body.substr(0, 12), "POST /second");
    EXPECT_EQ(second->body.substr(second->body.size() - 3), "two");
}

TEST_F(HttpServerTest, HonoursConnectionCloseFromTheClient) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send(request_text("GET", "/", "Connection: close\r\n")));

    const auto response = client.read_response();
    ASSERT_TRUE(response);
    ASSERT_TRUE(response->header("connection"));
    EXPECT_EQ(*response->header("connection"), "close");
    EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerTest, ClosesWhenTheResponseAsksTo) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send(request_text("GET", "/close")));

    const auto response = client.read_response();
    ASSERT_TRUE(response);
    ASSERT_TRUE(response->header("connection"));
    EXPECT_EQ(*response->header("connection"), "close");
    EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerTest, ClosesAfterAnHttp10RequestWithoutKeepAlive) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send("GET /old HTTP/1.0\r\n\r\n"));

    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerTest, SendsContinueBeforeReadingABodyWhenAsked) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send("POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"));
    const auto interim = client.read_response();
    ASSERT_TRUE(interim);
    EXPECT_EQ(interim->status, 100);

    ASSERT_TRUE(client.send("data"));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body.substr(response->body.size() - 4), "data");
}

TEST_F(HttpServerTest, AnswersAMalformedRequestWith400AndCloses) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send("GET / HTTP/1.1\r\nBad Header Without Colon\r\n\r\n"));

    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400);
    ASSERT_TRUE(response->header("content-type"));
    EXPECT_EQ(*response->header("content-type"), "application/json");
    EXPECT_EQ(response->body.front(), '{');
    EXPECT_TRUE(client.closed_by_server());
}

TEST_F(HttpServerTest, AnswersAThrowingHandlerWith500AndKeepsServing) {
    LoopbackClient client(server_.port());
    ASSERT_TRUE(client.send(request_text("GET", "/throw")));
    const auto failed = client.read_response();
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->status, 500);
    EXPECT_EQ(failed->body.front(), '{');

    ASSERT_TRUE(client.send(request_text("GET", "/after")));
    const auto next = client.read_response();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 200);
}

TEST_F(HttpServerTest, ServesConcurrentClients) {
    constexpr int clients = 8;
    constexpr int requests_each = 20;
    std::atomic<int> answered{0};
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            LoopbackClient client(server_.port());
            for (int r = 0; r < requests_each; ++r) {
                const std::string body = "client " + std::to_string(c) + " request " + std::to_string(r);
                if (!client.send(request_text("POST", "/", "", body))) return;
                const auto response = client.read_response();
                if (!response || response->body.size() < body.size() ||
                    response->body.substr(response->body.size() - body.size()) != body)
                    return;
                ++answered;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(answered, clients * requests_each);
}

TEST(HttpServerStartTest, FailsNamingTheAddressWhenThePortIsTaken) {
    HttpServer first(test_settings(), echo_handlers());
    first.start();
    auto settings = test_settings();
    settings.port = first.port();
    HttpServer second(settings, echo_handlers());
    try {
        second.start();
        FAIL() << "start() should have thrown";
    } catch (const std::runtime_error& failure) {
        EXPECT_NE(std::string(failure.what()).find("127.0.0.1:" + std::to_string(first.port())), std::string::npos)
            << failure.what();
    }
}

TEST(HttpServerStartTest, PicksAFreePortForPortZero) {
    HttpServer server(test_settings(), echo_handlers());
    server.start();
    EXPECT_NE(server.port(), 0);
    EXPECT_TRUE(can_connect(server.port()));
}

}  // namespace
}  // namespace tcaplus_mock::testing
