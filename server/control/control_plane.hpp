#pragma once
// ControlPlane: the emulator's own HTTP API under /_mock/, for test suites to control and inspect
// it. JSON in and out; errors are JSON `{"error": "...", "message": "..."}` with an HTTP status
// (400 for a bad request naming the problem, 401 without the bearer token, 404 for an unknown path,
// 405 for a method a path does not take, 503 when not ready).
//
//   GET  /_mock/health                   liveness (and whether the last writes failed)
//   GET  /_mock/ready                    the database answers and any seed is loaded (503 otherwise)
//   POST /_mock/reset[?account=NAME]     clears all state, or one account's
//   GET  /_mock/requests?action=&code=&account=&since=&limit=   the request journal, newest first
//   DELETE /_mock/requests               empties it
//   POST /_mock/faults   GET /_mock/faults   DELETE /_mock/faults[/{id}]   fault rules
//   GET  /_mock/clock    POST /_mock/clock   the emulator's clock
//   GET  /_mock/state[?account=NAME]     PUT /_mock/state    export and replace state
//   GET  /_mock/metrics                  Prometheus text format 0.0.4
//
// Control requests never count against the frequency limit and never enter the journal.
// Thread safety: handle() may be called concurrently from any thread.

#include "server/actions/resource_catalog.hpp"
#include "server/config/config.hpp"
#include "server/core/clock.hpp"
#include "server/core/line_writer.hpp"
#include "server/faults/fault_rules.hpp"
#include "server/handling/metrics.hpp"
#include "server/handling/request_journal.hpp"
#include "server/protocol/http_message.hpp"
#include "server/throttle/rate_limiter.hpp"
#include "storage/snapshot_store.hpp"

#include <boost/asio/awaitable.hpp>

#include <atomic>
#include <chrono>
#include <string>

namespace tcaplus_mock {

struct ControlServices {
    VirtualClock& clock;
    storage::SnapshotStore& store;
    ResourceCatalog& resources;
    RateLimiter& rate_limiter;
    FaultRules& faults;
    RequestJournal& journal;
    Metrics& metrics;
    const LineWriter& log_output;  // whose dropped lines the metrics report
};

class ControlPlane {
public:
    // Keeps references to `config` and every service; they must outlive the control plane.
    ControlPlane(const Config& config, ControlServices services);

    // Answers a request whose path starts with /_mock/.
    boost::asio::awaitable<HttpResponse> handle(HttpRequest http);

    // Loads the state document at `path` (config.seed) into the store. Throws std::runtime_error
    // with one line naming the file and the problem. Until it succeeded once, /_mock/ready says no.
    void load_seed(const std::string& path);
    void mark_ready() { ready_ = true; }

private:
    struct Route;
    boost::asio::awaitable<HttpResponse> dispatch(const HttpRequest& http, std::string_view path);
    HttpResponse health() const;
    boost::asio::awaitable<HttpResponse> ready();
    boost::asio::awaitable<HttpResponse> reset(const HttpRequest& http);
    HttpResponse list_requests(const HttpRequest& http) const;
    HttpResponse clear_requests();
    HttpResponse add_fault(const HttpRequest& http);
    HttpResponse list_faults() const;
    HttpResponse delete_faults(std::string_view id);
    HttpResponse read_clock() const;
    HttpResponse set_clock(const HttpRequest& http);
    boost::asio::awaitable<HttpResponse> export_state(const HttpRequest& http);
    boost::asio::awaitable<HttpResponse> import_state(const HttpRequest& http);
    boost::asio::awaitable<HttpResponse> metrics();
    boost::asio::awaitable<std::vector<std::string>> known_accounts();

    const Config& config_;
    ControlServices services_;
    const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    std::atomic<bool> ready_{false};
};

}  // namespace tcaplus_mock
