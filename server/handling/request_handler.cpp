#include "server/handling/request_handler.hpp"

#include "server/actions/action_registry.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/version.hpp"
#include "server/protocol/envelope.hpp"
#include "server/protocol/regions.hpp"
#include "server/protocol/request_decoder.hpp"
#include "server/validation/action_spec.hpp"
#include "server/validation/spec_validator.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <exception>
#include <map>
#include <stdexcept>

namespace tcaplus_mock {

namespace json = boost::json;

// What one request leaves behind for its log line and its response headers.
struct HandledRequest {
    RequestLogEntry log;
    Language language = Language::en_us;
    std::string trace_id;
    SignatureDiagnostics diagnostics;
};

namespace {

std::map<std::string, unsigned, std::less<>> resolve_rate_limits(const Config& config) {
    const auto& spec = ApiSpec::builtin();
    std::map<std::string, unsigned, std::less<>> limits;
    for (const auto& name : spec.action_names()) limits[std::string(name)] = spec.find_action(name)->frequency_limit;
    for (const auto& [action, limit] : config.rate_limits) {
        if (!spec.find_action(action))
            throw std::invalid_argument("rate_limits: `" + action + "` is not an action of the API");
        limits[action] = limit;
    }
    return limits;
}

// The language and trace id a response needs, read even when the request cannot be decoded.
void read_reply_headers(const HttpRequest& http, HandledRequest& handled) {
    if (const auto* language = http.header("x-tc-language")) handled.language = parse_language(*language);
    if (const auto* trace = http.header("x-tc-traceid")) handled.trace_id = *trace;
}

HttpResponse json_response(unsigned status, const json::object& body) {
    HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = json::serialize(body);
    return response;
}

// A debug header longer than this is cut: HTTP clients and proxies refuse long headers (8 KiB is
// common), and the request log has the whole text anyway.
constexpr std::size_t max_debug_header_bytes = 8192;

std::string debug_header_value(std::string_view text) {
    std::string value = escape_for_one_line(text);
    if (value.size() <= max_debug_header_bytes) return value;
    const auto whole = std::to_string(value.size());
    value.resize(max_debug_header_bytes);
    while (!value.empty() && (value.back() == '\\' || static_cast<unsigned char>(value.back()) >= 0x80))
        value.pop_back();  // never end inside an escape or a UTF-8 sequence
    return value + "...[cut: " + whole + " bytes in all; the request log has the whole text]";
}

void add_signature_debug_headers(HttpResponse& response, const SignatureDiagnostics& diagnostics) {
    if (diagnostics.string_to_sign.empty()) return;
    response.headers.emplace_back("X-TC-Mock-String-To-Sign", debug_header_value(diagnostics.string_to_sign));
    response.headers.emplace_back("X-TC-Mock-Canonical-Request", debug_header_value(diagnostics.canonical_request));
}

}  // namespace

RequestHandler::RequestHandler(const Config& config, const Clock& clock, storage::SnapshotStore& store, RequestLog& log)
    : config_(config),
      clock_(clock),
      store_(store),
      log_(log),
      resources_(config.resources),
      authenticator_(config.auth, clock),
      rate_limiter_(clock, resolve_rate_limits(config)),
      started_(std::chrono::steady_clock::now()) {
    if (resources_.strict())
        store_.read_now([this](storage::SnapshotTables& tables) { resources_.replace_all(tables.all_resources()); });
}

boost::asio::awaitable<HttpResponse> RequestHandler::handle(HttpRequest http) {
    const auto path = target_path(http.target);
    if (path == "/_mock/health") co_return health();
    if (path != "/")
        co_return json_response(404, {{"error", "NotFound"}, {"message", "No such path: " + std::string(path)}});

    const auto started = std::chrono::steady_clock::now();
    HandledRequest handled;
    handled.log.request_id = new_request_id();
    handled.log.client_address = http.client_address;
    handled.log.method = http.method;
    read_reply_headers(http, handled);
    auto response = co_await handle_api(http, handled);
    handled.log.latency =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    log_.write(handled.log);
    co_return response;
}

boost::asio::awaitable<HttpResponse> RequestHandler::handle_api(const HttpRequest& http, HandledRequest& handled) {
    Result<json::object> outcome = errors::internal_error();
    try {
        auto request = decode_api_request(http);
        if (request) {
            handled.language = request->language;
            handled.trace_id = request->trace_id;
            outcome = co_await run_pipeline(*request, handled);
        } else {
            outcome = request.error();
        }
    } catch (const std::exception& failure) {
        log_operator_message("request " + handled.log.request_id + " failed: " + failure.what());
        outcome = errors::internal_error();
    }
    const auto& request_id = handled.log.request_id;
    handled.log.result = outcome ? "Success" : outcome.error().code;
    auto body = outcome ? encode_success(std::move(*outcome), request_id)
                        : encode_error(outcome.error(), handled.language, request_id);
    auto response = make_api_response(std::move(body), request_id, handled.trace_id);
    if (config_.auth.debug) add_signature_debug_headers(response, handled.diagnostics);
    co_return response;
}

boost::asio::awaitable<Result<json::object>> RequestHandler::run_pipeline(ApiRequest& request,
                                                                          HandledRequest& handled) {
    handled.log.action = request.action;
    handled.log.secret_id = request.secret_id;
    if (auto common = check_common_parameters(request); !common) co_return common.error();

    auto identity = authenticator_.authenticate(request, &handled.diagnostics);
    handled.log.canonical_request = handled.diagnostics.canonical_request;
    handled.log.string_to_sign = handled.diagnostics.string_to_sign;
    if (!identity) co_return identity.error();
    if (!identity->secret_id.empty()) handled.log.secret_id = identity->secret_id;

    const auto& subject = config_.auth.mode == AuthMode::off ? request.http->client_address : identity->sub_account;
    const auto decision = rate_limiter_.try_acquire(request.action, subject);
    if (!decision.allowed) co_return errors::request_limit_exceeded(decision.count, decision.limit);

    const auto* spec = ApiSpec::builtin().find_action(request.action);
    const ValidationLimits limits{config_.limits.max_batch, config_.api.utc_offset};
    if (auto valid = validate_request(*spec, request.params, request.params_from_form, limits); !valid)
        co_return valid.error();

    const ActionContext context{request.params, request.language, identity->account, config_,
                                clock_,         resources_,       store_,            no_item_fault_};
    co_return co_await find_action_handler(request.action)(context);
}

Result<void> RequestHandler::check_common_parameters(const ApiRequest& request) const {
    if (request.action.empty()) return errors::missing_parameter("Action");
    if (request.version.empty()) return errors::missing_parameter("Version");
    if (request.version != ApiSpec::builtin().version()) return errors::no_such_version(request.version);
    if (!find_action_handler(request.action) || !ApiSpec::builtin().find_action(request.action))
        return errors::invalid_action(request.action);
    if (!request.region_present) return errors::missing_parameter("Region");
    if (!is_region_id(request.region)) return errors::invalid_region(request.region_parameter_name());
    const auto& offered = config_.api.regions;
    if (!offered.empty() && std::find(offered.begin(), offered.end(), request.region) == offered.end())
        return errors::unsupported_region();
    return {};
}

HttpResponse RequestHandler::oversized(const HttpRequest& http, std::size_t limit) {
    HandledRequest handled;
    handled.log.request_id = new_request_id();
    handled.log.client_address = http.client_address;
    handled.log.method = http.method;
    if (const auto* action = http.header("x-tc-action")) handled.log.action = *action;
    read_reply_headers(http, handled);
    const auto error = errors::request_size_limit_exceeded(limit);
    handled.log.result = error.code;
    log_.write(handled.log);
    auto response = make_api_response(encode_error(error, handled.language, handled.log.request_id),
                                      handled.log.request_id, handled.trace_id);
    response.close_connection = true;
    return response;
}

HttpResponse RequestHandler::health() const {
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_);
    return json_response(200, {{"status", "ok"}, {"version", version}, {"uptime_seconds", uptime.count()}});
}

}  // namespace tcaplus_mock
