#include "server/control/control_plane.hpp"

#include "server/actions/store_calls.hpp"
#include "server/auth/crypto.hpp"
#include "server/core/datetime.hpp"
#include "server/core/line_writer.hpp"
#include "server/core/text.hpp"
#include "server/core/version.hpp"
#include "server/faults/fault_rule_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <exception>

namespace tcaplus_mock {

namespace json = boost::json;

struct ControlPlane::Route {
    std::string_view path;  // a path ending in `/` takes one more segment (the tail)
    std::string_view method;
    Endpoint endpoint;
    bool probe = false;  // answered even with the control plane off and without the token
};

const std::vector<ControlPlane::Route>& ControlPlane::routes() {
    static const std::vector<Route> table = {
        {"/_mock/health", "GET", &ControlPlane::health, true},
        {"/_mock/ready", "GET", &ControlPlane::ready, true},
        {"/_mock/reset", "POST", &ControlPlane::reset},
        {"/_mock/requests", "GET", &ControlPlane::list_requests},
        {"/_mock/requests", "DELETE", &ControlPlane::clear_requests},
        {"/_mock/faults", "GET", &ControlPlane::list_faults},
        {"/_mock/faults", "POST", &ControlPlane::add_fault},
        {"/_mock/faults", "DELETE", &ControlPlane::delete_faults},
        {"/_mock/faults/", "DELETE", &ControlPlane::delete_faults},
        {"/_mock/clock", "GET", &ControlPlane::read_clock},
        {"/_mock/clock", "POST", &ControlPlane::set_clock},
        {"/_mock/state", "GET", &ControlPlane::export_state},
        {"/_mock/state", "PUT", &ControlPlane::import_state},
        {"/_mock/metrics", "GET", &ControlPlane::metrics},
    };
    return table;
}

namespace {

// The tail of `path` when `route_path` takes it (`/_mock/faults/f1` -> `f1`), or nullopt when the
// route is not this path.
std::optional<std::string_view> match(std::string_view route_path, std::string_view path) {
    if (route_path.ends_with('/'))
        return path.size() > route_path.size() && path.starts_with(route_path) &&
                       path.find('/', route_path.size()) == std::string_view::npos
                   ? std::optional(path.substr(route_path.size()))
                   : std::nullopt;
    return path == route_path ? std::optional(std::string_view{}) : std::nullopt;
}

bool is_probe(std::string_view path) { return path == "/_mock/health" || path == "/_mock/ready"; }

}  // namespace

ControlPlane::ControlPlane(Services services) : services_(services) {}

boost::asio::awaitable<HttpResponse> ControlPlane::handle(HttpRequest http) {
    const std::string path(target_path(http.target));
    ControlReply reply = ControlError{500, "InternalError", "the request failed; the emulator's log says why"};
    try {
        if (auto access = check_access(path, http); !access) {
            reply = access.error();
        } else {
            reply = co_await dispatch(http, path);
        }
    } catch (const std::exception& failure) {
        log_operator_message("control request " + http.method + " " + text::sanitize_utf8(path) +
                             " failed: " + failure.what());
    }
    co_return reply ? std::move(*reply) : error_answer(reply.error());
}

ControlResult<void> ControlPlane::check_access(std::string_view path, const HttpRequest& http) const {
    const auto& control = services_.config.control;
    if (is_probe(path)) return {};
    if (!control.enabled) return not_found("the control plane is switched off (control.enabled is false)");
    if (control.token.empty()) return {};
    const std::string* authorization = http.header("authorization");
    if (authorization == nullptr || !crypto::constant_time_equal(*authorization, "Bearer " + control.token))
        return ControlError{401, "Unauthorized",
                            "this control plane needs the header `Authorization: Bearer <control.token>`"};
    return {};
}

boost::asio::awaitable<ControlReply> ControlPlane::dispatch(const HttpRequest& http, std::string_view path) {
    std::string allowed;
    for (const auto& route : routes()) {
        const auto tail = match(route.path, path);
        if (!tail) continue;
        if (route.method == http.method) co_return co_await (this->*route.endpoint)(http, *tail);
        if (allowed.find(route.method) == std::string::npos) allowed += (allowed.empty() ? "" : ", ") + std::string(route.method);
    }
    if (allowed.empty())
        co_return not_found("no control path `" + std::string(path) + "`; docs/control-plane.md lists them");
    co_return ControlError{405, "MethodNotAllowed", "`" + std::string(path) + "` takes " + allowed, allowed};
}

boost::asio::awaitable<ControlReply> ControlPlane::health(const HttpRequest& http, std::string_view) {
    if (auto query = query_of(http, {}); !query) co_return query.error();
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_);
    const bool failing = services_.store.health().last_write_failed;
    co_return json_answer(200, json::object{{"status", "ok"},
                                            {"version", version},
                                            {"uptime_seconds", uptime.count()},
                                            {"storage", failing ? "failing" : "ok"}});
}

boost::asio::awaitable<ControlReply> ControlPlane::ready(const HttpRequest& http, std::string_view) {
    if (auto query = query_of(http, {}); !query) co_return query.error();
    if (!ready_) co_return json_answer(503, json::object{{"status", "starting"}, {"reason", "the seed is not loaded yet"}});
    std::string reason;
    try {
        co_await store_read(services_.store, [](storage::Repository& repository) {
            repository.database().pragma("schema_version");
        });
    } catch (const std::exception& failure) {
        reason = std::string("the database cannot be read: ") + failure.what();
    }
    const auto health = services_.store.health();
    if (reason.empty() && health.last_write_failed) reason = "the last write to the database failed: " + health.last_failure;
    if (!reason.empty())
        co_return json_answer(503, json::object{{"status", "unavailable"},
                                                {"storage", "failing"},
                                                {"reason", text::sanitize_utf8(reason)}});
    co_return json_answer(200, json::object{{"status", "ready"}, {"storage", "ok"}});
}

boost::asio::awaitable<ControlReply> ControlPlane::list_requests(const HttpRequest& http, std::string_view) {
    const auto query = query_of(http, {"action", "code", "account", "since", "limit"});
    if (!query) co_return query.error();
    RequestJournal::Filter filter;
    filter.action = take(*query, "action");
    filter.code = take(*query, "code");
    filter.account = take(*query, "account");
    if (const auto since = take(*query, "since")) {
        if (const auto seconds = text::parse_whole<double>(*since)) {
            filter.since = std::chrono::system_clock::time_point(
                std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double>(*seconds)));
        } else if (const auto when = parse_iso_utc(*since)) {
            filter.since = when;
        } else {
            co_return bad_request("`since`: expected UNIX seconds or a time such as 2026-12-01T21:08:55.123Z, got `" +
                                  *since + "`");
        }
    }
    if (const auto limit = take(*query, "limit")) {
        const auto value = text::parse_whole<std::size_t>(*limit);
        if (!value || *value == 0) co_return bad_request("`limit`: expected a positive integer, got `" + *limit + "`");
        filter.limit = *value;
    }
    json::array entries;
    for (const auto& record : services_.journal.list(filter))
        entries.push_back(to_json(record, services_.config.api.utc_offset, RecordBody::included));
    co_return json_answer(200, json::object{{"requests", std::move(entries)}});
}

boost::asio::awaitable<ControlReply> ControlPlane::clear_requests(const HttpRequest&, std::string_view) {
    const auto cleared = services_.journal.size();
    services_.journal.clear();
    co_return json_answer(200, json::object{{"cleared", cleared}});
}

boost::asio::awaitable<ControlReply> ControlPlane::add_fault(const HttpRequest& http, std::string_view) {
    const auto body = body_of(http);
    if (!body) co_return body.error();
    auto rule = fault_rule_from_json(*body);
    if (!rule) co_return bad_request(rule.error());
    co_return json_answer(200, json::object{{"id", services_.faults.add(std::move(*rule))}});
}

boost::asio::awaitable<ControlReply> ControlPlane::list_faults(const HttpRequest&, std::string_view) {
    json::array rules;
    for (const auto& rule : services_.faults.list()) rules.push_back(to_json(rule));
    co_return json_answer(200, json::object{{"faults", std::move(rules)}});
}

boost::asio::awaitable<ControlReply> ControlPlane::delete_faults(const HttpRequest&, std::string_view id) {
    if (id.empty()) {
        const auto count = services_.faults.list().size();
        services_.faults.clear();
        co_return json_answer(200, json::object{{"deleted", count}});
    }
    if (!services_.faults.remove(std::string(id))) co_return not_found("no fault rule `" + std::string(id) + "`");
    co_return json_answer(200, json::object{{"deleted", id}});
}

boost::asio::awaitable<ControlReply> ControlPlane::metrics(const HttpRequest&, std::string_view) {
    Metrics::Gauges gauges;
    co_await store_read(services_.store, [&](storage::Repository& repository) {
        gauges.snapshots_stored = repository.snapshots().count_all();
    });
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

}  // namespace tcaplus_mock
