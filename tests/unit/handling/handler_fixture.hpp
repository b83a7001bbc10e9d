#pragma once
// A RequestHandler over a fresh `:memory:` database and a ManualClock, plus helpers to send it
// API requests as plain HttpRequest values and read the envelope back.

#include "server/auth/tc3_signature.hpp"
#include "server/config/config.hpp"
#include "server/core/clock.hpp"
#include "server/core/datetime.hpp"
#include "server/handling/request_handler.hpp"
#include "server/handling/request_log.hpp"
#include "server/validation/action_spec.hpp"
#include "storage/snapshot_store.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>

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
    return config;
}

struct Reply {
    HttpResponse http;
    json::object response;  // the "Response" member

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

// Everything a RequestHandler uses, built from one Config over a ManualClock.
struct HandlerServices {
    explicit HandlerServices(const Config& config, const Clock& clock)
        : store({config.storage.path, false, std::chrono::milliseconds(1000)}),
          resources(config.resources),
          rate_limiter(clock, frequency_limits(config)),
          journal(config.journal.capacity, config.journal.max_bytes),
          metrics(ApiSpec::builtin().action_names()) {
        if (resources.strict())
            store.read_now([this](storage::SnapshotTables& tables) { resources.replace_all(tables.all_resources()); });
    }

    HandlingServices view(const Clock& clock, RequestLog& log) {
        return {clock, store, resources, rate_limiter, faults, log, journal, metrics};
    }

    storage::SnapshotStore store;
    ResourceCatalog resources;
    RateLimiter rate_limiter;
    FaultRules faults;
    RequestJournal journal;
    Metrics metrics;
};

class HandlerFixture : public ::testing::Test {
public:
    void rebuild() {
        handler_.reset();
        services_.reset();
        services_ = std::make_unique<HandlerServices>(config_, clock_);
        store_ = &services_->store;
        handler_ = std::make_unique<RequestHandler>(config_, services_->view(clock_, log_));
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
    explicit HandlerFixture(Config config = unsigned_config()) : config_(std::move(config)) { rebuild(); }

    Reply send(HttpRequest request) {
        Reply reply;
        reply.http = run_to_completion(handler_->handle(std::move(request)));
        auto parsed = json::parse(reply.http.body);
        if (auto* response = parsed.as_object().if_contains("Response")) reply.response = response->as_object();
        return reply;
    }

    Reply send_json(std::string body) { return send(json_request(std::move(body))); }

    std::size_t stored_count() {
        std::size_t count = 0;
        store_->read_now([&](storage::SnapshotTables& tables) { count = tables.count_all(); });
        return count;
    }

    std::optional<storage::SnapshotRecord> stored(const storage::SnapshotKey& key) {
        std::optional<storage::SnapshotRecord> record;
        store_->read_now([&](storage::SnapshotTables& tables) { record = tables.find(key); });
        return record;
    }

    Config config_;
    ManualClock clock_{fixed_now()};
    LineWriter log_sink_{STDERR_FILENO};
    RequestLog log_{LogFormat::text, false, log_sink_};
    std::unique_ptr<HandlerServices> services_;
    storage::SnapshotStore* store_ = nullptr;
    std::unique_ptr<RequestHandler> handler_;
};

}  // namespace tcaplus_mock::testing
