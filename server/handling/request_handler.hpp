#pragma once
// RequestHandler: the whole life of one API request, as a plain function of an HttpRequest.
//
//   decode (protocol) -> common parameters: action, version, region -> authenticate (auth)
//   -> frequency limit (throttle) -> validate against the action's spec (validation)
//   -> run the action (actions -> storage) -> encode the Tencent envelope (protocol)
//
// Every API outcome, success or error, is HTTP 200 with `Content-Type: application/json` and a
// `{"Response": ...}` body whose RequestId is also in the X-TC-RequestId header. Besides the API at
// `/`, it serves `GET /_mock/health`; any other path is a JSON 404.
//
// handle() is a coroutine: it runs on the caller's executor and awaits storage (which runs on the
// store's threads), so the thread that called it is never blocked on a disk or a lock.
//
// Thread safety: handle() and oversized() may be called concurrently from any thread.
// Failure: never throws; a broken database or invariant becomes an InternalError envelope and
// the details go to the log only.

#include "server/actions/action_context.hpp"
#include "server/actions/resource_catalog.hpp"
#include "server/auth/authenticator.hpp"
#include "server/config/config.hpp"
#include "server/core/clock.hpp"
#include "server/handling/request_log.hpp"
#include "server/protocol/http_message.hpp"
#include "server/throttle/rate_limiter.hpp"
#include "storage/snapshot_store.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>

namespace tcaplus_mock {

struct ApiRequest;
struct HandledRequest;

class RequestHandler {
public:
    // Keeps references to all arguments; they must outlive the handler.
    // Throws std::invalid_argument when config.rate_limits names an action the API does not define.
    RequestHandler(const Config& config, const Clock& clock, storage::SnapshotStore& store, RequestLog& log);

    boost::asio::awaitable<HttpResponse> handle(HttpRequest http);

    // The answer to a request over a size limit of `limit` bytes (RequestSizeLimitExceeded).
    HttpResponse oversized(const HttpRequest& http, std::size_t limit);

private:
    boost::asio::awaitable<HttpResponse> handle_api(const HttpRequest& http, HandledRequest& handled);
    boost::asio::awaitable<Result<boost::json::object>> run_pipeline(ApiRequest& request, HandledRequest& handled);
    Result<void> check_common_parameters(const ApiRequest& request) const;
    HttpResponse health() const;

    const Config& config_;
    const Clock& clock_;
    storage::SnapshotStore& store_;
    RequestLog& log_;
    ResourceCatalog resources_;
    const std::optional<ItemFault> no_item_fault_;
    Authenticator authenticator_;
    RateLimiter rate_limiter_;
    std::chrono::steady_clock::time_point started_;
};

}  // namespace tcaplus_mock
