#pragma once
// The whole emulator (its composition root) over a fresh `:memory:` database, its clock frozen at
// fixed_now() until a test moves it, and helpers to send it requests as plain HttpRequest values and
// read the answers back, without sockets.

#include "server/auth/tc3_signature.hpp"
#include "server/config/config.hpp"
#include "server/core/clock.hpp"
#include "server/core/datetime.hpp"
#include "server/emulator.hpp"
#include "storage/store.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <unistd.h>
#include <memory>
#include <string>

namespace tcaplus_mock::testing {

namespace json = boost::json;

// 2026-11-28 12:00:00 in UTC+8.
inline TimePoint fixed_now() { return TimePoint(std::chrono::seconds(*parse_datetime("2026-11-28 12:00:00", std::chrono::hours(8)))); }

inline const char* seed_body() {
    return R"({"ClusterId":"xx","SelectedTables":[{"SnapshotName":"666","TableGroupId":"1",)"
           R"("SnapshotTime":"2020-09-22 00:00:00","TableName":"cl_generic","SnapshotDeadTime":"2020-09-22 00:00:00"}]})";
}

inline Config unsigned_config() {
    Config config;
    config.auth.mode = AuthMode::off;
    config.storage.path = ":memory:";
    config.log.requests = false;
    return config;
}

struct Reply {
    HttpResponse http;
    json::value body;       // the answer parsed, null when it is not JSON
    json::object response;  // its "Response" member (API answers)

    const json::object& object() const { return body.as_object(); }
    std::string header(std::string_view name) const {
        for (const auto& [key, value] : http.headers)
            if (key == name) return value;
        return "";
    }

    std::string error_code() const {
        auto* error = response.if_contains("Error");
        return error ? std::string(error->at("Code").as_string()) : "";
    }
    std::string error_message() const { return std::string(response.at("Error").at("Message").as_string()); }
    const json::object& item(std::size_t i) const { return response.at("TableResults").as_array().at(i).as_object(); }
    std::string item_code(std::size_t i) const { return std::string(item(i).at("Error").at("Code").as_string()); }
};

// Runs a request's coroutine on a private io_context until it is answered.
inline HttpResponse run_to_completion(boost::asio::awaitable<HttpResponse> awaitable) {
    boost::asio::io_context io;
    auto answer = boost::asio::co_spawn(io, std::move(awaitable), boost::asio::use_future);
    io.run();
    return answer.get();
}

// Adds X-TC-Timestamp and a TC3 Authorization header signing `request` as `secret_id` with
// `secret_key` at `timestamp`, for the Host 127.0.0.1:8023 and the service tcaplusdb.
inline void sign_tc3(HttpRequest& request, const std::string& secret_id, const std::string& secret_key,
                     long long timestamp) {
    const auto timestamp_text = std::to_string(timestamp);
    const auto date = format_utc_date(timestamp);
    request.headers.emplace_back("x-tc-timestamp", timestamp_text);
    const auto header = "TC3-HMAC-SHA256 Credential=" + secret_id + "/" + date +
                        "/tcaplusdb/tc3_request, SignedHeaders=content-type;host, Signature=" + std::string(64, '0');
    auto authorization = parse_tc3_authorization(header).value();
    const auto canonical = tc3_canonical_request(request, authorization, "127.0.0.1:8023");
    const auto string_to_sign = tc3_string_to_sign(timestamp_text, date, "tcaplusdb", canonical);
    const auto signature = tc3_signature(secret_key, date, "tcaplusdb", string_to_sign);
    request.headers.emplace_back("authorization", header.substr(0, header.size() - 64) + signature);
}

// The account requests land in when authentication is off.
inline const std::string shared = "default";

class EmulatorFixture : public ::testing::Test {
public:
    // A new emulator over the same configuration; its clock stands where the old one stood.
    void rebuild() {
        const auto now = emulator_ ? emulator_->services().clock.now() : fixed_now();
        emulator_.reset();
        emulator_ = std::make_unique<Emulator>(config_, log_sink_);
        clock().freeze(true);
        clock().set(now);
    }

    static HttpRequest json_request(std::string body, std::string action = "CreateSnapshots") {
        HttpRequest request{"POST", "/", {}, std::move(body), "127.0.0.1"};
        request.headers = {{"host", "127.0.0.1:8023"},
                           {"content-type", "application/json"},
                           {"x-tc-action", std::move(action)},
                           {"x-tc-version", "2019-08-23"},
                           {"x-tc-region", "ap-guangzhou"}};
        return request;
    }

    static void set_header(HttpRequest& request, const std::string& name, const std::string& value) {
        for (auto& [key, existing] : request.headers)
            if (key == name) { existing = value; return; }
        request.headers.emplace_back(name, value);
    }

    static void remove_header(HttpRequest& request, const std::string& name) {
        std::erase_if(request.headers, [&](const auto& header) { return header.first == name; });
    }

protected:
    explicit EmulatorFixture(Config config = unsigned_config()) : config_(std::move(config)) { rebuild(); }

    VirtualClock& clock() { return emulator_->services().clock; }
    storage::Store& store() { return emulator_->services().store; }
    Emulator& emulator() { return *emulator_; }

    // An API request (path `/`) or a control request, answered as the network layer would send it.
    Reply send(HttpRequest request) {
        Reply reply;
        reply.http = run_to_completion(emulator_->handle(std::move(request)));
        boost::system::error_code error;
        reply.body = json::parse(reply.http.body, error);
        if (error) reply.body = nullptr;
        if (const auto* object = reply.body.if_object())
            if (auto* response = object->if_contains("Response")) reply.response = response->as_object();
        return reply;
    }

    Reply send_json(std::string body) { return send(json_request(std::move(body))); }

    Reply api(const std::string& action, const std::string& body,
              std::vector<std::pair<std::string, std::string>> extra_headers = {}) {
        auto request = json_request(body, action);
        for (auto& header : extra_headers) request.headers.push_back(std::move(header));
        return send(std::move(request));
    }

    // A request as a JSON client sends it: a POST, PUT or DELETE says `Content-Type: application/json`
    // (the control plane refuses one that does not) unless `headers` name a content type.
    Reply call(std::string method, std::string target, std::string body = "",
               std::vector<std::pair<std::string, std::string>> headers = {}) {
        const bool typed = std::any_of(headers.begin(), headers.end(), [](const auto& h) { return h.first == "content-type"; });
        if (method != "GET" && !typed) headers.emplace_back("content-type", "application/json");
        return send({std::move(method), std::move(target), std::move(headers), std::move(body), "127.0.0.1"});
    }

    std::size_t stored_count() {
        std::size_t count = 0;
        store().read_now([&](storage::Repository& repository) { count = repository.snapshots().count_all(); });
        return count;
    }

    std::optional<storage::SnapshotRecord> stored(const storage::SnapshotKey& key) {
        std::optional<storage::SnapshotRecord> record;
        store().read_now([&](storage::Repository& repository) { record = repository.snapshots().find(key); });
        return record;
    }

    Config config_;
    LineWriter log_sink_{STDERR_FILENO};
    std::unique_ptr<Emulator> emulator_;
};

}  // namespace tcaplus_mock::testing
