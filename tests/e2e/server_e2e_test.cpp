// End to end over loopback: the real HttpServer and RequestHandler on port 0, raw HTTP bytes in and out.

#include "tests/support/loopback_client.hpp"

#include "server/config/config.hpp"
#include "server/emulator.hpp"
#include "server/net/http_server.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

namespace tcaplus_mock::testing {
namespace {

namespace json = boost::json;

const std::string seed_body =
    R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"666","TableGroupId":"1",)"
    R"("SnapshotTime":"2020-09-22 00:00:00","TableName":"cl_generic","SnapshotDeadTime":"2020-09-22 00:00:00"}]})";

json::object response_of(const LoopbackResponse& raw) { return json::parse(raw.body).at("Response").as_object(); }

std::string error_code(const LoopbackResponse& raw) {
    const auto response = response_of(raw);
    return response.contains("Error") ? std::string(response.at("Error").at("Code").as_string()) : "";
}

class ServerE2E : public ::testing::Test {
protected:
    ServerE2E() {
        char folder[] = "/tmp/tcaplus-mock-e2e-XXXXXX";
        folder_ = mkdtemp(folder);
        config_.auth.mode = AuthMode::off;
        config_.storage.path = folder_ + "/e2e.db";
        config_.server.port = 0;
        config_.server.threads = 2;
        config_.log.requests = false;
        start();
    }
    ~ServerE2E() override {
        stop();
        std::filesystem::remove_all(folder_);
    }

    void start() {
        emulator_ = std::make_unique<Emulator>(config_, log_sink_);
        server_ = std::make_unique<HttpServer>(
            config_.server,
            HttpHandlers{[this](HttpRequest r) { return emulator_->handle(std::move(r)); },
                         [this](const HttpRequest& r, SizeLimit limit) { return emulator_->oversized(r, limit); }});
        server_->start();
    }
    void stop() {
        if (server_) server_->stop();
        if (emulator_) emulator_->services().store.drain();  // as main.cpp: its callbacks reach the server's io_contexts
        server_.reset();
        emulator_.reset();
    }

    bool stored_exists(const storage::SnapshotKey& key) {
        bool found = false;
        emulator_->services().store.read_now(
            [&](storage::Repository& repository) { found = repository.snapshots().find(key).has_value(); });
        return found;
    }

    LoopbackResponse exchange(const std::string& bytes) {
        LoopbackClient client(server_->port());
        client.send(bytes);
        auto response = client.read_response();
        EXPECT_TRUE(response.has_value());
        return response.value_or(LoopbackResponse{});
    }

    std::string folder_;
    Config config_;
    LineWriter log_sink_{STDERR_FILENO};
    std::unique_ptr<Emulator> emulator_;
    std::unique_ptr<HttpServer> server_;
};

TEST_F(ServerE2E, SeedExampleReturnsTheDocumentedResponse) {
    const auto raw = exchange(post_json(seed_body, "X-TC-TraceId: trace-42\r\n"));
    EXPECT_EQ(raw.status, 200);
    EXPECT_EQ(raw.header_value("content-type"), "application/json");
    EXPECT_EQ(raw.header_value("x-tc-traceid"), "trace-42");
    const auto response = response_of(raw);
    EXPECT_EQ(raw.header_value("x-tc-requestid"), response.at("RequestId").as_string());
    EXPECT_EQ(response.at("TotalCount").to_number<std::uint64_t>(), 1u);
    const auto& item = response.at("TableResults").as_array().at(0).as_object();
    for (const char* field : {"TableGroupId", "TableName", "TaskId", "SnapshotName", "SnapshotTime", "SnapshotDeadTime",
                              "SnapshotCreateTime", "SnapshotSize", "SnapshotStatus", "ApplicationId", "Error"})
        EXPECT_TRUE(item.contains(field)) << field;
    EXPECT_EQ(item.at("Error").at("Code"), "");
}

TEST_F(ServerE2E, KeepAliveServesSeveralRequestsOnOneConnection) {
    LoopbackClient client(server_->port());
    for (int i = 0; i < 3; ++i) {
        client.send(post_json(R"({"ClusterId":"xx"})"));
        const auto raw = client.read_response();
        ASSERT_TRUE(raw) << "request " << i;
        EXPECT_EQ(error_code(*raw), "MissingParameter");
    }
}

TEST_F(ServerE2E, BodyOverTheLimitGetsTheSizeEnvelopeThenTheConnectionCloses) {
    LoopbackClient client(server_->port());
    client.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-TC-Action: "
                    "CreateSnapshots\r\nContent-Length: " + std::to_string(10 * 1024 * 1024 + 1) + "\r\n\r\n{");
    const auto raw = client.read_response();
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->status, 200);
    EXPECT_EQ(error_code(*raw), "RequestSizeLimitExceeded");
    EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerE2E, RequestLevelErrorsOverTheWire) {
    const std::pair<std::string, const char*> cases[] = {
        {post_json(seed_body, "", "NoSuchThing"), "InvalidAction"},
        {"DELETE / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", "UnsupportedProtocol"},
        {post_json("not json"), "InvalidParameter"},
        {"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-TC-Action: CreateSnapshots\r\n"
         "X-TC-Version: 2019-08-23\r\nContent-Length: 2\r\n\r\n{}", "MissingParameter"},
        {"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-TC-Action: CreateSnapshots\r\n"
         "X-TC-Version: 2019-08-23\r\nX-TC-Region: mars-1\r\nContent-Length: 2\r\n\r\n{}", "InvalidParameterValue"},
        {"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-TC-Action: CreateSnapshots\r\n"
         "X-TC-Version: 2020-01-01\r\nX-TC-Region: ap-guangzhou\r\nContent-Length: 2\r\n\r\n{}", "NoSuchVersion"},
    };
    for (const auto& [bytes, code] : cases) {
        const auto raw = exchange(bytes);
        EXPECT_EQ(raw.status, 200) << code;
        EXPECT_EQ(raw.header_value("content-type"), "application/json") << code;
        EXPECT_EQ(error_code(raw), code);
    }
}

TEST_F(ServerE2E, HealthAnswersOk) {
    const auto raw = exchange("GET /_mock/health HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(raw.status, 200);
    EXPECT_EQ(json::parse(raw.body).at("status"), "ok");
}

TEST_F(ServerE2E, ARestartKeepsTheSnapshot) {
    ASSERT_EQ(error_code(exchange(post_json(seed_body))), "");
    stop();
    start();
    const auto again = response_of(exchange(post_json(seed_body)));
    EXPECT_EQ(again.at("TableResults").at(0).at("Error").at("Code"), "FailedOperation");
    EXPECT_TRUE(stored_exists({"default", "xx", "1", "cl_generic", "666"}));
}

}  // namespace
}  // namespace tcaplus_mock::testing
