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

#include "server/auth/authenticator.hpp"
#include "server/core/api_error.hpp"
#include "server/handling/services.hpp"
#include "server/protocol/http_message.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

namespace tcaplus_mock {

struct Action;
struct ApiRequest;
struct HandledRequest;

class RequestHandler {
public:
    // Keeps `services` (references); what they refer to must outlive the handler.
    explicit RequestHandler(Services services);

    // Answers one API request (the path has been routed here: `/`).
    boost::asio::awaitable<HttpResponse> handle(HttpRequest http);

    // The answer to a request over a size limit (RequestSizeLimitExceeded, naming the limit).
    HttpResponse oversized(const HttpRequest& http, SizeLimit limit);

private:
    boost::asio::awaitable<HttpResponse> handle_api(const HttpRequest& http, HandledRequest& handled);
    boost::asio::awaitable<Result<boost::json::object>> run_pipeline(ApiRequest& request, HandledRequest& handled);
    Result<const Action*> check_common_parameters(const ApiRequest& request) const;
    Result<void> authenticate(ApiRequest& request, HandledRequest& handled);
    Result<void> throttle(const ApiRequest& request, HandledRequest& handled);
    boost::asio::awaitable<Result<void>> apply_fault(const ApiRequest& request, HandledRequest& handled);
    void finish(HandledRequest& handled);

    Services services_;
    Authenticator authenticator_;
};

}  // namespace tcaplus_mock
