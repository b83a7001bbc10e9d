#pragma once
// ControlPlane: the emulator's own HTTP API under /_mock/, for test suites to control and inspect
// it, and the dashboard that shows it in a browser. JSON in and out (control_request.hpp); a refusal
// is `{"error": "...", "message": "..."}` with 400 for a bad request naming the problem, 401 without
// the bearer token, 404 for an unknown path, 405 for a method a path does not take (with `Allow`),
// 415 for a request that changes state without `Content-Type: application/json`, 503 when not ready,
// and 500 (a generic message; the details go to the operator's log) when something unexpected fails.
//
//   GET  /_mock/                         an index: the routes, the API's actions, the dashboard's
//                                        address (as JSON; a browser asking for HTML gets a page that
//                                        links the dashboard)
//   GET  /_mock/ui, /_mock/ui/{file}     the dashboard: its page and files (dashboard_assets.hpp)
//   GET  /_mock/health                   liveness (and whether the last writes failed)
//   GET  /_mock/ready                    the database answers and any seed is loaded (503 otherwise)
//   POST /_mock/reset[?account=NAME]     clears all state, or one account's
//   GET  /_mock/requests?action=&code=&account=&since=&before=&after=&limit=   the request journal,
//                                        newest first, with the number of entries that match
//   DELETE /_mock/requests               empties it
//   POST /_mock/faults   GET /_mock/faults   DELETE /_mock/faults[/{id}]   fault rules
//   GET  /_mock/clock    POST /_mock/clock   the emulator's clock
//   GET  /_mock/state[?account=NAME]     PUT /_mock/state    export and replace state
//   GET  /_mock/accounts                 the accounts a reset or an export may name
//   GET  /_mock/resources?account=NAME[&kind=&offset=&limit=]   what the API shows an account now
//                                        (resource_view.hpp)
//   GET  /_mock/metrics                  Prometheus text format 0.0.4
//
// Access: health and ready always answer; with control.enabled false nothing else does (404). The
// index and the dashboard's files hold no state and answer without control.token; every other path
// needs `Authorization: Bearer <control.token>` when one is set. A POST, PUT or DELETE needs
// `Content-Type: application/json`, which a page of another site cannot send without the CORS
// preflight the emulator never grants.
//
// Control requests never count against the frequency limit and never enter the journal.
// Thread safety: handle() may be called concurrently from any thread.

#include "server/control/control_request.hpp"
#include "server/handling/services.hpp"

#include <boost/asio/awaitable.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

class ControlPlane {
public:
    // Keeps `services` (references); what they refer to must outlive the control plane.
    explicit ControlPlane(Services services);

    // Answers a request whose path starts with /_mock/.
    boost::asio::awaitable<HttpResponse> handle(HttpRequest http);

    // Until called, /_mock/ready answers 503 (the seed is not loaded yet).
    void mark_ready() { ready_ = true; }

private:
    // `tail`: what a route ending in `{...}` leaves of the path (the fault id); "" otherwise.
    using Endpoint = boost::asio::awaitable<ControlReply> (ControlPlane::*)(const HttpRequest& http,
                                                                            std::string_view tail);
    enum class Access;
    struct Route;
    struct RouteMatch;
    static const std::vector<Route>& routes();
    // Each route as `METHOD /path`, in the table's order.
    static std::vector<std::string> route_names();

    static ControlResult<RouteMatch> find_route(std::string_view path, std::string_view method);
    ControlResult<void> check_access(std::string_view path, const HttpRequest& http) const;
    boost::asio::awaitable<ControlReply> dispatch(const HttpRequest& http, std::string_view path);

    boost::asio::awaitable<ControlReply> route_index(const HttpRequest& http, std::string_view tail);
    // control_dashboard.cpp
    boost::asio::awaitable<ControlReply> dashboard(const HttpRequest& http, std::string_view tail);
    static HttpResponse index_page();
    // control_resources.cpp
    boost::asio::awaitable<ControlReply> accounts(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> resources(const HttpRequest& http, std::string_view tail);

    boost::asio::awaitable<ControlReply> health(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> ready(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> reset(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> list_requests(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> clear_requests(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> add_fault(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> list_faults(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> delete_faults(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> read_clock(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> set_clock(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> export_state(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> import_state(const HttpRequest& http, std::string_view tail);
    boost::asio::awaitable<ControlReply> metrics(const HttpRequest& http, std::string_view tail);

    // The accounts a reset or an export may name (control_state.cpp).
    boost::asio::awaitable<std::vector<std::string>> known_accounts();
    HttpResponse clock_answer() const;

    Services services_;
    const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
    std::atomic<bool> ready_{false};
};

}  // namespace tcaplus_mock
