#include "server/handling/request_handler.hpp"

#include "server/actions/action_registry.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/regions.hpp"
#include "server/faults/fault_rule_json.hpp"
#include "server/protocol/envelope.hpp"
#include "server/protocol/form_parameters.hpp"
#include "server/protocol/request_decoder.hpp"
#include "server/validation/spec_validator.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <exception>

namespace tcaplus_mock {

namespace json = boost::json;

// What one request leaves behind: its record (log line, journal entry, metrics) and what its
// response needs.
struct HandledRequest {
    RequestRecord record;
    Language language = Language::en_us;
    std::string trace_id;
    SignatureDiagnostics diagnostics;
    const Action* action = nullptr;  // found once the common parameters are checked
    std::optional<FiredFault> fault;
    std::optional<ItemFault> item_fault;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    // The answer's JSON: bump-allocated, freed at once with the request (no per-value free).
    boost::json::monotonic_resource memory{8192};
};

namespace {

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
    if (!diagnostics.problem.empty())
        response.headers.emplace_back("X-TC-Mock-Signature-Problem", debug_header_value(diagnostics.problem));
}

// What the journal keeps of the body: JSON as sent; form bodies and query strings with their
// Signature and Token values redacted.
std::string journal_body(const HttpRequest& http) {
    const std::string* content_type = http.header("content-type");
    const bool is_form = content_type != nullptr && content_type->find("x-www-form-urlencoded") != std::string::npos;
    if (http.method == "GET") return redacted_form(target_query(http.target));
    return is_form ? redacted_form(http.body) : http.body;
}

void start_record(const HttpRequest& http, const Clock& clock, HandledRequest& handled) {
    auto& record = handled.record;
    record.time = std::chrono::system_clock::now();
    record.emulator_time = unix_seconds(clock.now());
    record.request_id = new_request_id();
    record.client_address = http.client_address;
    record.method = http.method;
    record.body_bytes = http.method == "GET" ? target_query(http.target).size() : http.body.size();
    record.body = journal_body(http);
    // The language and trace id an answer needs, read even when the request cannot be decoded.
    if (const auto* language = http.header("x-tc-language")) handled.language = parse_language(*language);
    if (const auto* trace = http.header("x-tc-traceid")) handled.trace_id = *trace;
    record.trace_id = handled.trace_id;
}

// Every TableName the request names (items of its table lists, the imported snapshot, a Describe filter).
std::vector<std::string_view> tables_named(const json::object& params) {
    std::vector<std::string_view> tables;
    for (const auto* list_name : {"SelectedTables", "TableMemos", "TableQuotas"})
        if (const auto* list = params.if_contains(list_name); list && list->is_array())
            for (const auto& item : list->get_array())
                if (const auto* name = item.is_object() ? item.get_object().if_contains("TableName") : nullptr)
                    if (name->is_string()) tables.push_back(name->get_string());
    if (const auto* snapshot = params.if_contains("Snapshots"); snapshot && snapshot->is_object())
        if (const auto* name = snapshot->get_object().if_contains("TableName"); name && name->is_string())
            tables.push_back(name->get_string());
    if (const auto* name = params.if_contains("TableName"); name && name->is_string()) tables.push_back(name->get_string());
    return tables;
}

ApiError injected_error(const FaultEffect& effect) {
    const std::string message =
        effect.message.empty() ? "The request failed: an injected fault (" + effect.code + ")." : effect.message;
    return ApiError{effect.code, LocalizedText{message, message}, {}};
}

bool answers_outside_the_api(const std::optional<FiredFault>& fault) {
    if (!fault) return false;
    const auto type = fault->effect.type;
    return type == FaultType::drop || type == FaultType::http_status || type == FaultType::garbage;
}

// The answer of a drop, http_status or garbage fault, which takes the place of the API's.
HttpResponse fault_response(const FaultEffect& effect, RequestRecord& record) {
    HttpResponse response;
    if (effect.type == FaultType::drop) {
        response.drop_connection = true;
        record.code = "Fault.Drop";
    } else if (effect.type == FaultType::http_status) {
        response.status = effect.status;
        response.headers = {{"Content-Type", "text/plain"}};
        response.body = "HTTP " + std::to_string(effect.status) + " (a tcaplus-mock fault rule)\n";
        record.code = "Fault.HttpStatus";
    } else {
        response.headers = {{"Content-Type", "application/json"}};
        response.body = "<html><head><title>502 Bad Gateway</title></head><body>a tcaplus-mock fault rule</body></html>";
        record.code = "Fault.Garbage";
    }
    record.message = "answered by fault rule " + record.fault_id + " instead of the API";
    return response;
}

// The per-item codes of a list action's answer.
// The error code of each item of a list answer (TableResults, IdlFileInfos, Rows...): the first member
// that is a list of objects with an `Error`; "" for an item whose Error is null or has an empty Code.
std::vector<std::string> item_codes(const json::object& fields) {
    std::vector<std::string> codes;
    for (const auto& [name, value] : fields) {
        const auto* items = value.if_array();
        if (items == nullptr || items->empty() || !items->front().is_object() ||
            !items->front().get_object().contains("Error"))
            continue;
        for (const auto& item : *items) {
            const auto* object = item.if_object();
            const auto* error = object ? object->if_contains("Error") : nullptr;
            const auto* code = error && error->is_object() ? error->get_object().if_contains("Code") : nullptr;
            codes.emplace_back(code && code->is_string() ? std::string(code->get_string()) : std::string());
        }
        break;
    }
    return codes;
}

}  // namespace

RequestHandler::RequestHandler(Services services)
    : services_(services), authenticator_(services.config.auth, services.clock) {}

boost::asio::awaitable<HttpResponse> RequestHandler::handle(HttpRequest http) {
    HandledRequest handled;
    start_record(http, services_.clock, handled);
    auto response = co_await handle_api(http, handled);
    handled.record.http_status = response.drop_connection ? 0 : response.status;
    finish(handled);
    co_return response;
}

void RequestHandler::finish(HandledRequest& handled) {
    auto& record = handled.record;
    record.latency =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - handled.started);
    services_.metrics.count_request(record.action, record.code.empty() ? "Success" : record.code, record.latency);
    if (record.throttle == "limited") services_.metrics.count_throttled(record.action);
    if (!record.fault_id.empty()) services_.metrics.count_fault(record.fault_id, record.action);
    services_.log.write(record);
    services_.journal.record(std::move(record));
}

boost::asio::awaitable<HttpResponse> RequestHandler::handle_api(const HttpRequest& http, HandledRequest& handled) {
    Result<json::object> outcome = errors::internal_error();
    auto& record = handled.record;
    try {
        auto request = decode_api_request(http, &handled.memory);
        if (request) {
            handled.language = request->language;
            outcome = co_await run_pipeline(*request, handled);
        } else {
            outcome = request.error();
        }
    } catch (const std::exception& failure) {
        log_operator_message("request " + record.request_id + " failed: " + failure.what());
        outcome = errors::internal_error();
    }
    if (answers_outside_the_api(handled.fault)) co_return fault_response(handled.fault->effect, record);

    if (outcome) {
        record.items = item_codes(*outcome);
    } else {
        record.code = outcome.error().code;
        record.message = outcome.error().message.in(handled.language);
        record.parameter = outcome.error().parameter;
    }
    auto body = outcome ? encode_success(std::move(*outcome), record.request_id)
                        : encode_error(outcome.error(), handled.language, record.request_id);
    auto response = make_api_response(std::move(body), record.request_id, handled.trace_id);
    if (services_.config.auth.debug) add_signature_debug_headers(response, handled.diagnostics);
    co_return response;
}

boost::asio::awaitable<Result<json::object>> RequestHandler::run_pipeline(ApiRequest& request,
                                                                          HandledRequest& handled) {
    auto& record = handled.record;
    record.action = request.action;
    record.secret_id = request.secret_id;
    const auto action = check_common_parameters(request);
    if (!action) co_return action.error();
    handled.action = *action;
    if (auto identity = authenticate(request, handled); !identity) co_return identity.error();
    if (auto allowed = throttle(request, handled); !allowed) co_return allowed.error();

    const auto& config = services_.config;
    const ValidationLimits limits{config.limits.max_batch, config.api.utc_offset};
    if (auto valid = validate_request(*handled.action->spec, request.params, request.params_from_form, limits); !valid)
        co_return valid.error();
    if (auto faulted = co_await apply_fault(request, handled); !faulted) co_return faulted.error();

    const ActionContext context{request.action,     request.params,   request.language,     record.account,
                                request.region,     config,           services_.clock,      services_.started_at,
                                services_.store,    handled.item_fault, &handled.memory};
    co_return co_await handled.action->handler(context);
}

Result<void> RequestHandler::throttle(const ApiRequest& request, HandledRequest& handled) {
    auto& record = handled.record;
    const auto& subject = services_.config.auth.mode == AuthMode::off ? request.http->client_address : record.account;
    const auto decision = services_.rate_limiter.try_acquire(request.action, subject);
    record.throttle = decision.limit == 0 ? "off" : decision.allowed ? "passed" : "limited";
    record.throttle_count = decision.count;
    if (!decision.allowed) return errors::request_limit_exceeded(decision.count, decision.limit);
    return {};
}

// A fault rule that fires on the request: an error now, an item fault for the action, a delay, or
// an answer outside the API (drop, http_status, garbage), which handle_api() writes instead.
boost::asio::awaitable<Result<void>> RequestHandler::apply_fault(const ApiRequest& request, HandledRequest& handled) {
    auto& record = handled.record;
    handled.fault = services_.faults.fire({request.action, record.secret_id, record.account, tables_named(request.params)});
    if (!handled.fault) co_return Result<void>{};
    const auto& effect = handled.fault->effect;
    record.fault_id = handled.fault->rule_id;
    record.fault_type = to_string(effect.type);
    switch (effect.type) {
        case FaultType::error: co_return injected_error(effect);
        case FaultType::item_error:
            if (!handled.action->answers_per_table_item) co_return injected_error(effect);
            handled.item_fault = ItemFault{handled.fault->table.value_or(""), injected_error(effect)};
            break;
        case FaultType::latency: {
            boost::asio::steady_timer delay(co_await boost::asio::this_coro::executor, effect.latency);
            co_await delay.async_wait(boost::asio::use_awaitable);
            break;
        }
        case FaultType::drop:
        case FaultType::http_status:
        case FaultType::garbage: co_return errors::internal_error();  // replaced by the fault's answer
    }
    co_return Result<void>{};
}

Result<void> RequestHandler::authenticate(ApiRequest& request, HandledRequest& handled) {
    auto& record = handled.record;
    auto identity = authenticator_.authenticate(request, &handled.diagnostics);
    record.canonical_request = handled.diagnostics.canonical_request;
    record.string_to_sign = handled.diagnostics.string_to_sign;
    record.signature_problem = handled.diagnostics.problem;
    if (!identity) {
        record.signature = record.string_to_sign.empty() ? "refused" : "mismatch";
        record.secret_id = readable_secret_id(request);
        return identity.error();
    }
    record.signature = services_.config.auth.mode == AuthMode::off ? "off"
                       : identity->signature_verified  ? "verified"
                                                       : "unverified";
    if (!identity->secret_id.empty()) record.secret_id = identity->secret_id;
    record.account = identity->account;
    return {};
}

Result<const Action*> RequestHandler::check_common_parameters(const ApiRequest& request) const {
    if (request.action.empty()) return errors::missing_parameter("Action");
    if (request.version.empty()) return errors::missing_parameter("Version");
    if (request.version != ApiSpec::builtin().version()) return errors::no_such_version(request.version);
    const Action* action = find_action(request.action);
    if (action == nullptr) return errors::invalid_action(request.action);
    if (!request.region_present) return errors::missing_parameter("Region");
    if (!is_region_id(request.region)) return errors::invalid_region(request.region_parameter_name());
    const auto& offered = services_.config.api.regions;
    if (!offered.empty() && std::find(offered.begin(), offered.end(), request.region) == offered.end())
        return errors::unsupported_region();
    return action;
}

HttpResponse RequestHandler::oversized(const HttpRequest& http, SizeLimit limit) {
    HandledRequest handled;
    start_record(http, services_.clock, handled);
    if (const auto* action = http.header("x-tc-action")) handled.record.action = *action;
    const auto error = limit.kind == SizeLimit::Kind::body_memory ? errors::body_memory_exhausted(limit.bytes)
                                                                  : errors::request_size_limit_exceeded(limit.bytes);
    handled.record.code = error.code;
    handled.record.message = error.message.in(handled.language);
    auto response = make_api_response(encode_error(error, handled.language, handled.record.request_id),
                                      handled.record.request_id, handled.trace_id);
    response.close_connection = true;
    finish(handled);
    return response;
}

}  // namespace tcaplus_mock
