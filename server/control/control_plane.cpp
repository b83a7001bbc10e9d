#include "server/control/control_plane.hpp"

#include "server/actions/store_calls.hpp"
#include "server/auth/authenticator.hpp"
#include "server/auth/crypto.hpp"
#include "server/config/value_kind.hpp"
#include "server/control/json_fields.hpp"
#include "server/control/state_document.hpp"
#include "server/core/datetime.hpp"
#include "server/core/text.hpp"
#include "server/core/version.hpp"
#include "server/protocol/form_parameters.hpp"
#include "server/validation/action_spec.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// A control request that cannot be carried out; answered as JSON with its status.
struct ControlError {
    unsigned status;
    std::string error;
    std::string message;
    std::string allow = {};  // the methods a path takes, for a 405
};

[[noreturn]] void bad_request(std::string message) { throw ControlError{400, "BadRequest", std::move(message)}; }

HttpResponse json_answer(unsigned status, const json::value& body) {
    HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = json::serialize(body);
    return response;
}

HttpResponse error_answer(const ControlError& failure) {
    return json_answer(failure.status,
                       json::object{{"error", failure.error}, {"message", text::sanitize_utf8(failure.message)}});
}

// The body as a JSON value; an empty body is an empty object.
json::value body_of(const HttpRequest& http) {
    if (http.body.find_first_not_of(" \t\r\n") == std::string::npos) return json::object();
    boost::system::error_code error;
    auto value = json::parse(http.body, error);
    if (error) bad_request("the body is not valid JSON: " + error.message());
    return value;
}

// The query parameters, each at most once, all of them from `allowed`.
std::map<std::string, std::string> query_of(const HttpRequest& http, std::initializer_list<std::string_view> allowed) {
    const auto pairs = parse_form_pairs(target_query(http.target));
    if (!pairs) bad_request("the query string cannot be read: " + pairs.error().message.en);
    std::map<std::string, std::string> query;
    for (const auto& [name, value] : *pairs) {
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string names;
            for (const auto key : allowed) names += (names.empty() ? "`" : ", `") + std::string(key) + "`";
            bad_request("unknown query parameter `" + name + "`" +
                        (names.empty() ? std::string("; this path takes none") : "; this path takes " + names));
        }
        if (!query.emplace(name, value).second) bad_request("the query parameter `" + name + "` is given twice");
    }
    return query;
}

std::optional<std::string> take(const std::map<std::string, std::string>& query, const std::string& name) {
    const auto found = query.find(name);
    if (found == query.end()) return std::nullopt;
    return found->second;
}

std::string utf8(std::string_view text) { return text::sanitize_utf8(text); }

json::object journal_entry(const RequestRecord& record, std::chrono::seconds zone) {
    json::array items;
    for (const auto& code : record.items) items.emplace_back(utf8(code));
    json::object entry{
        {"time", format_iso_utc(record.time)},
        {"emulator_time", format_datetime(record.emulator_time, zone)},
        {"request_id", record.request_id},
        {"trace_id", utf8(record.trace_id)},
        {"client", record.client_address},
        {"method", utf8(record.method)},
        {"action", utf8(record.action)},
        {"secret_id", utf8(record.secret_id)},
        {"account", utf8(record.account)},
        {"signature", record.signature},
        {"throttle", record.throttle},
        {"throttle_count", record.throttle_count},
        {"code", record.result == "Success" ? std::string() : utf8(record.result)},
        {"message", utf8(record.message)},
        {"parameter", utf8(record.parameter)},
        {"items", std::move(items)},
        {"fault", record.fault_id.empty() ? json::value(nullptr)
                                          : json::value(json::object{{"id", record.fault_id}, {"type", record.fault_type}})},
        {"http_status", record.http_status},
        {"latency_us", record.latency.count()},
        {"body", utf8(record.body)},
        {"body_bytes", record.body_bytes},
        {"body_truncated", record.body_truncated},
    };
    if (!record.string_to_sign.empty()) {
        entry["canonical_request"] = utf8(record.canonical_request);
        entry["string_to_sign"] = utf8(record.string_to_sign);
    }
    if (!record.signature_problem.empty()) entry["signature_problem"] = utf8(record.signature_problem);
    return entry;
}

std::string_view fault_type_name(FaultType type) {
    switch (type) {
        case FaultType::error: return "error";
        case FaultType::item_error: return "item_error";
        case FaultType::latency: return "latency";
        case FaultType::drop: return "drop";
        case FaultType::http_status: return "http_status";
        case FaultType::garbage: return "garbage";
    }
    return "error";
}

FaultEffect read_effect(const json::value& value) {
    const JsonFields peek(value, "effect", {"type", "code", "message", "ms", "status"});
    const auto type = peek.text("type");
    FaultEffect effect;
    const auto only = [&](std::initializer_list<std::string_view> keys) { JsonFields(value, "effect", keys); };
    if (type == "error" || type == "item_error") {
        only({"type", "code", "message"});
        effect.type = type == "error" ? FaultType::error : FaultType::item_error;
        effect.code = peek.text("code");
        if (effect.code.empty()) peek.fail("code", "a Tencent error code such as `InternalError`");
        effect.message = peek.optional_text("message").value_or("");
    } else if (type == "latency") {
        only({"type", "ms"});
        effect.type = FaultType::latency;
        const auto ms = peek.optional_integer("ms", 0, 600000);
        if (!ms) peek.fail("ms", "milliseconds from 0 to 600000");
        effect.latency = std::chrono::milliseconds(*ms);
    } else if (type == "http_status") {
        only({"type", "status"});
        effect.type = FaultType::http_status;
        const auto status = peek.optional_integer("status", 400, 599);
        if (!status) peek.fail("status", "an HTTP status from 400 to 599");
        effect.status = static_cast<unsigned>(*status);
    } else if (type == "drop" || type == "garbage") {
        only({"type"});
        effect.type = type == "drop" ? FaultType::drop : FaultType::garbage;
    } else {
        peek.fail("type", "one of `error`, `item_error`, `latency`, `drop`, `http_status`, `garbage`");
    }
    return effect;
}

FaultRule read_rule(const json::value& body) {
    const JsonFields fields(body, "", {"action", "secret_id", "account", "table", "effect", "times", "probability", "seed"});
    FaultRule rule;
    rule.action = fields.text("action");
    if (ApiSpec::builtin().find_action(rule.action) == nullptr)
        fields.fail("action", "an action of the API such as `CreateSnapshots`");
    rule.secret_id = fields.optional_text("secret_id");
    rule.account = fields.optional_text("account");
    rule.table = fields.optional_text("table");
    rule.effect = read_effect(fields.value("effect"));
    if (const auto times = fields.optional_integer("times", 1, INT64_MAX)) rule.times = static_cast<std::uint64_t>(*times);
    rule.probability = fields.optional_number("probability", 0.0, 1.0);
    rule.seed = static_cast<std::uint64_t>(fields.optional_integer("seed", 0, INT64_MAX).value_or(0));
    return rule;
}

json::object rule_json(const FaultRule& rule) {
    json::object effect{{"type", fault_type_name(rule.effect.type)}};
    switch (rule.effect.type) {
        case FaultType::error:
        case FaultType::item_error:
            effect["code"] = rule.effect.code;
            effect["message"] = rule.effect.message;
            break;
        case FaultType::latency: effect["ms"] = rule.effect.latency.count(); break;
        case FaultType::http_status: effect["status"] = rule.effect.status; break;
        case FaultType::drop:
        case FaultType::garbage: break;
    }
    json::object entry{{"id", rule.id}, {"action", rule.action}, {"effect", std::move(effect)}, {"fired", rule.fired}};
    if (rule.secret_id) entry["secret_id"] = *rule.secret_id;
    if (rule.account) entry["account"] = *rule.account;
    if (rule.table) entry["table"] = *rule.table;
    if (rule.times) entry["times"] = *rule.times;
    if (rule.probability) entry["probability"] = *rule.probability;
    entry["seed"] = rule.seed;
    return entry;
}

// "1d", "90m", "300", or with a leading `-` to go back.
std::chrono::seconds read_duration(const JsonFields& fields, std::string_view key) {
    const auto& value = fields.value(key);
    const auto kind = duration_kind(std::chrono::seconds(0), std::chrono::seconds(100LL * 365 * 86400));
    try {
        if (value.is_string() && value.get_string().starts_with("-"))
            return -kind.from_text(std::string_view(value.get_string()).substr(1));
        if (value.is_int64() && value.get_int64() < 0) return -kind.from_json(json::value(-value.get_int64()));
        return kind.from_json(value);
    } catch (const InvalidValue&) {
        fields.fail(key, "a duration such as `1d`, `90m` or `300` (seconds), `-` in front to go back");
    }
}

}  // namespace

ControlPlane::ControlPlane(const Config& config, ControlServices services) : config_(config), services_(services) {}

boost::asio::awaitable<HttpResponse> ControlPlane::handle(HttpRequest http) {
    const std::string path(target_path(http.target));
    const bool probe = path == "/_mock/health" || path == "/_mock/ready";
    try {
        if (!probe && !config_.control.enabled)
            throw ControlError{404, "NotFound", "the control plane is switched off (control.enabled is false)"};
        if (!probe && !config_.control.token.empty()) {
            const std::string* authorization = http.header("authorization");
            const std::string expected = "Bearer " + config_.control.token;
            if (authorization == nullptr || !crypto::constant_time_equal(*authorization, expected))
                throw ControlError{401, "Unauthorized",
                                   "this control plane needs the header `Authorization: Bearer <control.token>`"};
        }
        co_return co_await dispatch(http, path);
    } catch (const ControlError& failure) {
        auto response = error_answer(failure);
        if (failure.status == 401) response.headers.emplace_back("WWW-Authenticate", "Bearer");
        if (!failure.allow.empty()) response.headers.emplace_back("Allow", failure.allow);
        co_return response;
    } catch (const JsonFieldError& failure) {
        co_return error_answer({400, "BadRequest", failure.what()});
    } catch (const StateDocumentError& failure) {
        co_return error_answer({400, "BadRequest", failure.what()});
    } catch (const std::exception& failure) {
        log_operator_message("control request " + http.method + " " + path + " failed: " + failure.what());
        co_return error_answer({500, "InternalError", "the request failed: " + std::string(failure.what())});
    }
}

boost::asio::awaitable<HttpResponse> ControlPlane::dispatch(const HttpRequest& http, std::string_view path) {
    const auto& method = http.method;
    const auto allow = [&](std::string_view methods) {
        if (methods.find(method) != std::string_view::npos) return;
        throw ControlError{405, "MethodNotAllowed", "`" + std::string(path) + "` takes " + std::string(methods),
                           std::string(methods)};
    };
    if (path == "/_mock/health") {
        allow("GET");
        query_of(http, {});
        co_return health();
    }
    if (path == "/_mock/ready") {
        allow("GET");
        query_of(http, {});
        co_return co_await ready();
    }
    if (path == "/_mock/reset") {
        allow("POST");
        co_return co_await reset(http);
    }
    if (path == "/_mock/requests") {
        allow("GET, DELETE");
        co_return method == "GET" ? list_requests(http) : clear_requests();
    }
    if (path == "/_mock/faults") {
        allow("GET, POST, DELETE");
        if (method == "GET") co_return list_faults();
        if (method == "POST") co_return add_fault(http);
        co_return delete_faults("");
    }
    if (path.starts_with("/_mock/faults/") && path.size() > 14) {
        allow("DELETE");
        co_return delete_faults(path.substr(14));
    }
    if (path == "/_mock/clock") {
        allow("GET, POST");
        co_return method == "GET" ? read_clock() : set_clock(http);
    }
    if (path == "/_mock/state") {
        allow("GET, PUT");
        // Not a conditional expression: GCC 12 mishandles co_await inside one.
        if (method == "GET") co_return co_await export_state(http);
        co_return co_await import_state(http);
    }
    if (path == "/_mock/metrics") {
        allow("GET");
        co_return co_await metrics();
    }
    throw ControlError{404, "NotFound", "no control path `" + std::string(path) + "`; see the README for the list"};
}

HttpResponse ControlPlane::health() const {
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_);
    const bool failing = services_.store.health().last_write_failed;
    return json_answer(200, json::object{{"status", "ok"},
                                         {"version", version},
                                         {"uptime_seconds", uptime.count()},
                                         {"storage", failing ? "failing" : "ok"}});
}

boost::asio::awaitable<HttpResponse> ControlPlane::ready() {
    if (!ready_) co_return json_answer(503, json::object{{"status", "starting"}, {"reason", "the seed is not loaded yet"}});
    std::string reason;
    try {
        co_await store_read(services_.store, [](storage::SnapshotTables& tables) { tables.database().pragma("schema_version"); });
    } catch (const std::exception& failure) {
        reason = std::string("the database cannot be read: ") + failure.what();
    }
    const auto health = services_.store.health();
    if (reason.empty() && health.last_write_failed) reason = "the last write to the database failed: " + health.last_failure;
    if (!reason.empty()) co_return json_answer(503, json::object{{"status", "unavailable"}, {"storage", "failing"}, {"reason", utf8(reason)}});
    co_return json_answer(200, json::object{{"status", "ready"}, {"storage", "ok"}});
}

boost::asio::awaitable<std::vector<std::string>> ControlPlane::known_accounts() {
    std::set<std::string> accounts{shared_account};
    for (const auto& credential : config_.auth.credentials)
        accounts.insert(credential.sub_account.empty() ? credential.secret_id : credential.sub_account);
    for (auto& account : services_.journal.accounts()) accounts.insert(std::move(account));
    std::vector<std::string> stored;
    co_await store_read(services_.store, [&](storage::SnapshotTables& tables) { stored = tables.accounts(); });
    accounts.insert(stored.begin(), stored.end());
    co_return std::vector<std::string>(accounts.begin(), accounts.end());
}

boost::asio::awaitable<HttpResponse> ControlPlane::reset(const HttpRequest& http) {
    const auto account = take(query_of(http, {"account"}), "account");
    if (!account) {
        co_await store_write(services_.store, [](storage::SnapshotTables& tables) { tables.erase_everything(); });
        services_.resources.replace_all({});
        services_.rate_limiter.reset();
        services_.journal.clear();
        services_.faults.clear();
        services_.clock.reset();
        co_return json_answer(200, json::object{{"reset", "all"}});
    }
    const auto known = co_await known_accounts();
    if (std::find(known.begin(), known.end(), *account) == known.end())
        bad_request("unknown account `" + *account + "`; the accounts known are those of the configured credentials, " +
                    "`default`, and any that stored something or sent a request");
    co_await store_write(services_.store, [&](storage::SnapshotTables& tables) { tables.erase_account(*account); });
    services_.resources.erase_account(*account);
    services_.rate_limiter.reset(*account);
    // With authentication off, frequency limits count per client address, and everyone is `default`.
    if (*account == shared_account && config_.auth.mode == AuthMode::off) services_.rate_limiter.reset();
    services_.journal.clear_account(*account);
    co_return json_answer(200, json::object{{"reset", *account}});
}

HttpResponse ControlPlane::list_requests(const HttpRequest& http) const {
    const auto query = query_of(http, {"action", "code", "account", "since", "limit"});
    RequestJournal::Filter filter;
    filter.action = take(query, "action");
    filter.code = take(query, "code");
    if (filter.code && filter.code->empty()) filter.code = "Success";
    filter.account = take(query, "account");
    if (const auto since = take(query, "since")) {
        double seconds = 0;
        const auto [end, error] = std::from_chars(since->data(), since->data() + since->size(), seconds);
        if (error == std::errc{} && end == since->data() + since->size()) {
            filter.since = std::chrono::system_clock::time_point(
                std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double>(seconds)));
        } else if (const auto when = parse_iso_utc(*since)) {
            filter.since = when;
        } else {
            bad_request("`since`: expected UNIX seconds or a time such as 2026-12-01T21:08:55.123Z, got `" + *since + "`");
        }
    }
    if (const auto limit = take(query, "limit")) {
        std::size_t value = 0;
        const auto [end, error] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
        if (error != std::errc{} || end != limit->data() + limit->size() || value == 0)
            bad_request("`limit`: expected a positive integer, got `" + *limit + "`");
        filter.limit = value;
    }
    json::array entries;
    for (const auto& record : services_.journal.list(filter))
        entries.push_back(journal_entry(record, config_.api.utc_offset));
    return json_answer(200, json::object{{"requests", std::move(entries)}});
}

HttpResponse ControlPlane::clear_requests() {
    const auto cleared = services_.journal.size();
    services_.journal.clear();
    return json_answer(200, json::object{{"cleared", cleared}});
}

HttpResponse ControlPlane::add_fault(const HttpRequest& http) {
    const auto id = services_.faults.add(read_rule(body_of(http)));
    return json_answer(200, json::object{{"id", id}});
}

HttpResponse ControlPlane::list_faults() const {
    json::array rules;
    for (const auto& rule : services_.faults.list()) rules.push_back(rule_json(rule));
    return json_answer(200, json::object{{"faults", std::move(rules)}});
}

HttpResponse ControlPlane::delete_faults(std::string_view id) {
    if (id.empty()) {
        const auto count = services_.faults.list().size();
        services_.faults.clear();
        return json_answer(200, json::object{{"deleted", count}});
    }
    if (!services_.faults.remove(std::string(id)))
        throw ControlError{404, "NotFound", "no fault rule `" + std::string(id) + "`"};
    return json_answer(200, json::object{{"deleted", id}});
}

HttpResponse ControlPlane::read_clock() const {
    const auto reading = services_.clock.read();
    const auto now = unix_seconds(reading.now);
    return json_answer(200, json::object{{"now", now},
                                         {"datetime", format_datetime(now, config_.api.utc_offset)},
                                         {"offset_seconds", std::chrono::round<std::chrono::seconds>(reading.offset).count()},
                                         {"frozen", reading.frozen}});
}

HttpResponse ControlPlane::set_clock(const HttpRequest& http) {
    const auto body = body_of(http);
    const JsonFields fields(body, "", {"advance", "set", "freeze", "reset"});
    if (body.as_object().size() != 1) bad_request("give exactly one of `advance`, `set`, `freeze`, `reset`");
    auto& clock = services_.clock;
    if (fields.has("advance")) {
        clock.advance(read_duration(fields, "advance"));
    } else if (fields.has("set")) {
        const auto when = parse_datetime(fields.text("set"), config_.api.utc_offset);
        if (!when) fields.fail("set", "a datetime `YYYY-MM-DD HH:MM:SS` in api.time_zone");
        clock.set(TimePoint(std::chrono::seconds(*when)));
    } else if (fields.has("freeze")) {
        clock.freeze(fields.boolean("freeze"));
    } else {
        if (!fields.boolean("reset")) fields.fail("reset", "true");
        clock.reset();
    }
    return read_clock();
}

boost::asio::awaitable<HttpResponse> ControlPlane::export_state(const HttpRequest& http) {
    const auto account = take(query_of(http, {"account"}), "account");
    if (account) {
        const auto known = co_await known_accounts();
        if (std::find(known.begin(), known.end(), *account) == known.end())
            bad_request("unknown account `" + *account + "`");
    }
    StateDocument state;
    co_await store_read(services_.store, [&](storage::SnapshotTables& tables) { state = read_state(tables, account); });
    co_return json_answer(200, write_state_document(state, config_.api.utc_offset));
}

boost::asio::awaitable<HttpResponse> ControlPlane::import_state(const HttpRequest& http) {
    const auto state = parse_state_document(body_of(http), config_.api.utc_offset, unix_seconds(services_.clock.now()));
    co_await store_write(services_.store, [&](storage::SnapshotTables& tables) { replace_state(tables, state); });
    std::vector<storage::ResourceRecord> resources;
    co_await store_read(services_.store, [&](storage::SnapshotTables& tables) { resources = tables.all_resources(); });
    services_.resources.replace_all(resources);
    std::size_t snapshots = 0;
    for (const auto& account : state.accounts) snapshots += account.snapshots.size();
    co_return json_answer(200, json::object{{"scope", state.whole ? "all" : "accounts"},
                                            {"accounts", state.accounts.size()},
                                            {"snapshots", snapshots}});
}

boost::asio::awaitable<HttpResponse> ControlPlane::metrics() {
    Metrics::Gauges gauges;
    co_await store_read(services_.store, [&](storage::SnapshotTables& tables) { gauges.snapshots_stored = tables.count_all(); });
    const auto health = services_.store.health();
    gauges.journal_entries = services_.journal.size();
    gauges.journal_capacity = services_.journal.capacity();
    gauges.log_lines_dropped = services_.log_output.dropped();
    gauges.storage_failed_writes = health.failed_writes;
    gauges.storage_failing = health.last_write_failed;
    gauges.uptime_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    HttpResponse response;
    response.headers = {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}};
    response.body = services_.metrics.render(gauges);
    co_return response;
}

void ControlPlane::load_seed(const std::string& path) {
    const auto fail = [&](const std::string& why) { throw std::runtime_error("seed " + path + ": " + why); };
    std::ifstream file(path, std::ios::binary);
    if (!file) fail("cannot be opened");
    std::ostringstream text;
    text << file.rdbuf();
    boost::system::error_code error;
    const auto json = json::parse(text.str(), error);
    if (error) fail("not valid JSON: " + error.message());
    try {
        const auto state = parse_state_document(json, config_.api.utc_offset, unix_seconds(services_.clock.now()));
        services_.store.write_now([&](storage::SnapshotTables& tables) { replace_state(tables, state); });
        std::vector<storage::ResourceRecord> resources;
        services_.store.read_now([&](storage::SnapshotTables& tables) { resources = tables.all_resources(); });
        services_.resources.replace_all(resources);
    } catch (const StateDocumentError& failure) {
        fail(failure.what());
    }
}

}  // namespace tcaplus_mock
