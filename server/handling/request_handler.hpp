#pragma once
// RequestHandler: the whole life of one API request, as a plain coroutine of an HttpRequest.
//
//   decode (protocol) -> common parameters: action, version, region -> authenticate (auth)
//   -> frequency limit (throttle) -> validate against the action's spec (validation)
//   -> control-plane faults (faults) -> run the action (actions -> storage)
//   -> encode the Tencent envelope (protocol) -> log line, journal entry, metrics
//
// Every API outcome, success or error, is HTTP 200 with `Content-Type: application/json` and a
// `{"Response": ...}` body whose RequestId is also in the X-TC-RequestId header; only a fault rule
// answers otherwise (another status, a body that is not JSON, or no answer at all).
//
// handle() is a coroutine: it runs on the caller's executor and awaits storage (which runs on the
// store's threads) and an injected latency, so the thread that called it is never blocked.
//
// Thread safety: handle() and oversized() may be called concurrently from any thread.
// Failure: never throws; a broken database or invariant becomes an InternalError envelope and
// the details go to the operator's log only.

#include "server/actions/action_context.hpp"
#include "server/actions/resource_catalog.hpp"
#include "server/auth/authenticator.hpp"
#include "server/config/config.hpp"
#include "server/core/clock.hpp"
#include "server/faults/fault_rules.hpp"
#include "server/handling/metrics.hpp"
#include "server/handling/request_journal.hpp"
#include "server/handling/request_log.hpp"
#include "server/protocol/http_message.hpp"
#include "server/throttle/rate_limiter.hpp"
#include "storage/snapshot_store.hpp"

#include <boost/asio/awaitable.hpp>

#include <map>
#include <string>

namespace tcaplus_mock {

struct ApiRequest;
struct HandledRequest;

// What request handling shares with the control plane; the caller owns all of it, and all of it
// must outlive the handler.
struct HandlingServices {
    const Clock& clock;
    storage::SnapshotStore& store;
    ResourceCatalog& resources;
    RateLimiter& rate_limiter;
    FaultRules& faults;
    RequestLog& log;
    RequestJournal& journal;
    Metrics& metrics;
};

// The frequency limit of every action: its documented limit, or the configuration's rate_limits.
// Throws std::invalid_argument when rate_limits names an action the API does not define.
std::map<std::string, unsigned, std::less<>> frequency_limits(const Config& config);

class RequestHandler {
public:
    // Keeps references to `config` and to every service; they must outlive the handler.
    RequestHandler(const Config& config, HandlingServices services);

    // Answers one API request (the path has been routed here: `/`).
    boost::asio::awaitable<HttpResponse> handle(HttpRequest http);

    // The answer to a request over a size limit (RequestSizeLimitExceeded, naming the limit).
    HttpResponse oversized(const HttpRequest& http, SizeLimit limit);

private:
    boost::asio::awaitable<HttpResponse> handle_api(const HttpRequest& http, HandledRequest& handled);
    boost::asio::awaitable<Result<boost::json::object>> run_pipeline(ApiRequest& request, HandledRequest& handled);
    Result<void> authenticate(ApiRequest& request, HandledRequest& handled);
    Result<void> check_common_parameters(const ApiRequest& request) const;
    void finish(HandledRequest& handled);

    const Config& config_;
    HandlingServices services_;
    Authenticator authenticator_;
};

}  // namespace tcaplus_mock
