#include "server/control/control_plane.hpp"

#include "server/actions/store_calls.hpp"
#include "server/auth/crypto.hpp"
#include "server/core/datetime.hpp"
#include "server/core/line_writer.hpp"
#include "server/core/text.hpp"
#include "server/core/version.hpp"
#include "server/faults/fault_rule_json.hpp"
#include "server/validation/action_spec.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <exception>

namespace tcaplus_mock {

namespace json = boost::json;

enum class ControlPlane::Access {
    probe,  // answered even with the control plane off and without the token
    page,   // needs control.enabled but not the token: what holds no state (the index, the dashboard's files)
    token,  // needs control.enabled and, when control.token is set, the token
};

struct ControlPlane::Route {
    std::string_view path;  // a path ending in `{...}` takes one more segment (the tail)
    std::string_view method;
    Endpoint endpoint;
    Access access = Access::token;
};

struct ControlPlane::RouteMatch {
    const Route* route;
    std::string_view tail;
};

const std::vector<ControlPlane::Route>& ControlPlane::routes() {
    static const std::vector<Route> table = {
        {"/_mock/", "GET", &ControlPlane::route_index, Access::page},
        {"/_mock/ui", "GET", &ControlPlane::dashboard, Access::page},
        {"/_mock/ui/{file}", "GET", &ControlPlane::dashboard, Access::page},
        {"/_mock/health", "GET", &ControlPlane::health, Access::probe},
        {"/_mock/ready", "GET", &ControlPlane::ready, Access::probe},
        {"/_mock/reset", "POST", &ControlPlane::reset},
        {"/_mock/requests", "GET", &ControlPlane::list_requests},
        {"/_mock/requests", "DELETE", &ControlPlane::clear_requests},
        {"/_mock/faults", "GET", &ControlPlane::list_faults},
        {"/_mock/faults", "POST", &ControlPlane::add_fault},
        {"/_mock/faults", "DELETE", &ControlPlane::delete_faults},
        {"/_mock/faults/{id}", "DELETE", &ControlPlane::delete_faults},
        {"/_mock/clock", "GET", &ControlPlane::read_clock},
        {"/_mock/clock", "POST", &ControlPlane::set_clock},
        {"/_mock/state", "GET", &ControlPlane::export_state},
        {"/_mock/state", "PUT", &ControlPlane::import_state},
        {"/_mock/accounts", "GET", &ControlPlane::accounts},
        {"/_mock/resources", "GET", &ControlPlane::resources},
        {"/_mock/metrics", "GET", &ControlPlane::metrics},
    };
    return table;
}

std::vector<std::string> ControlPlane::route_names() {
    std::vector<std::string> names;
    for (const auto& route : routes()) names.push_back(std::string(route.method) + " " + std::string(route.path));
    return names;
}

namespace {

// The tail of `path` when `route_path` takes it (`/_mock/faults/f1` -> `f1`), or nullopt when the
// route is not this path.
std::optional<std::string_view> match(std::string_view route_path, std::string_view path) {
    if (route_path.ends_with('}')) {
        const auto prefix = route_path.substr(0, route_path.rfind('{'));
        return path.size() > prefix.size() && path.starts_with(prefix) &&
                       path.find('/', prefix.size()) == std::string_view::npos
                   ? std::optional(path.substr(prefix.size()))
                   : std::nullopt;
    }
    return path == route_path ? std::optional(std::string_view{}) : std::nullopt;
}

constexpr std::string_view dashboard_path = "/_mock/ui";

// A browser opening the address asks for HTML first; a test suite's client does not.
bool prefers_html(const HttpRequest& http) {
    const std::string* accept = http.header("accept");
    return accept != nullptr && accept->find("text/html") != std::string::npos;
}

bool changes_state(std::string_view method) { return method != "GET" && method != "HEAD"; }

// A request that changes state must say it sends JSON: a form or a plain `fetch` of another site's
// page cannot, without a CORS preflight the emulator never grants.
ControlResult<void> require_json(const HttpRequest& http) {
    const std::string* content_type = http.header("content-type");
    const auto media_type =
        content_type == nullptr ? std::string_view{} : text::trim_blanks(std::string_view(*content_type).substr(0, content_type->find(';')));
    if (text::iequals(media_type, "application/json")) return {};
    return ControlError{415, "UnsupportedMediaType",
                        "a " + http.method + " to the control plane needs `Content-Type: application/json` (which a page " +
                            "of another site cannot send); this one has " +
                            (content_type == nullptr ? std::string("none") : "`" + text::sanitize_utf8(*content_type) + "`")};
}

}  // namespace

ControlPlane::ControlPlane(Services services) : services_(services) {}

boost::asio::awaitable<HttpResponse> ControlPlane::handle(HttpRequest http) {
    const std::string path(target_path(http.target));
    ControlReply reply = ControlError{500, "InternalError", "the request failed; the emulator's log says why"};
    try {
        reply = co_await dispatch(http, path);
    } catch (const std::exception& failure) {
        log_operator_message("control request " + http.method + " " + text::sanitize_utf8(path) +
                             " failed: " + failure.what());
    }
    co_return reply ? std::move(*reply) : error_answer(reply.error());
}

ControlResult<ControlPlane::RouteMatch> ControlPlane::find_route(std::string_view path, std::string_view method) {
    std::string allowed;
    for (const auto& route : routes()) {
        const auto tail = match(route.path, path);
        if (!tail) continue;
        if (route.method == method) return RouteMatch{&route, *tail};
        if (allowed.find(route.method) == std::string::npos) allowed += (allowed.empty() ? "" : ", ") + std::string(route.method);
    }
    if (allowed.empty()) return not_found("no control path `" + std::string(path) + "`; docs/control-plane.md lists them");
    return ControlError{405, "MethodNotAllowed", "`" + std::string(path) + "` takes " + allowed, allowed};
}

// The access of the path's routes, whatever the method; a path of no route needs the token, so that
// without it every path looks alike.
ControlResult<void> ControlPlane::check_access(std::string_view path, const HttpRequest& http) const {
    const auto& control = services_.config.control;
    Access access = Access::token;
    for (const auto& route : routes())
        if (match(route.path, path)) access = route.access;
    if (access == Access::probe) return {};
    if (!control.enabled) return not_found("the control plane is switched off (control.enabled is false)");
    if (access == Access::page || control.token.empty()) return {};
    const std::string* authorization = http.header("authorization");
    if (authorization == nullptr || !crypto::constant_time_equal(*authorization, "Bearer " + control.token))
        return ControlError{401, "Unauthorized",
                            "this control plane needs the header `Authorization: Bearer <control.token>`"};
    return {};
}

boost::asio::awaitable<ControlReply> ControlPlane::dispatch(const HttpRequest& http, std::string_view path) {
    if (auto access = check_access(path, http); !access) co_return access.error();
    const auto found = find_route(path, http.method);
    if (!found) co_return found.error();
    if (changes_state(http.method))
        if (auto json = require_json(http); !json) co_return json.error();
    co_return co_await (this->*found->route->endpoint)(http, found->tail);
}

boost::asio::awaitable<ControlReply> ControlPlane::route_index(const HttpRequest& http, std::string_view) {
    if (auto query = query_of(http, {}); !query) co_return query.error();
    if (prefers_html(http)) co_return index_page();
    json::array paths;
    for (const auto& route : routes()) paths.push_back(json::object{{"method", route.method}, {"path", route.path}});
    json::array actions;
    for (const auto& name : ApiSpec::builtin().action_names()) actions.emplace_back(name);
    co_return json_answer(200, json::object{{"service", "tcaplus-mock"},
                                            {"version", version},
                                            {"dashboard", dashboard_path},
                                            {"routes", std::move(paths)},
                                            {"actions", std::move(actions)}});
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

namespace {

ControlResult<std::optional<std::chrono::system_clock::time_point>> read_since(const QueryParameters& query) {
    const auto since = take(query, "since");
    if (!since) return std::nullopt;
    if (const auto seconds = text::parse_whole<double>(*since))
        return std::optional(std::chrono::system_clock::time_point(
            std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double>(*seconds))));
    if (const auto when = parse_iso_utc(*since)) return std::optional(*when);
    return bad_request("`since`: expected UNIX seconds or a time such as 2026-12-01T21:08:55.123Z, got `" + *since + "`");
}

// A query parameter that must be a whole number of at least `least`, when given.
template <class Number>
ControlResult<std::optional<Number>> read_number(const QueryParameters& query, std::string_view name, Number least) {
    const auto given = take(query, name);
    if (!given) return std::nullopt;
    const auto value = text::parse_whole<Number>(*given);
    if (!value || *value < least)
        return bad_request("`" + std::string(name) + "`: expected " + (least == 0 ? "a whole number" : "a positive integer") +
                           ", got `" + *given + "`");
    return std::optional(*value);
}

ControlResult<RequestJournal::Filter> journal_filter(const QueryParameters& query) {
    RequestJournal::Filter filter;
    filter.action = take(query, "action");
    filter.code = take(query, "code");
    filter.account = take(query, "account");
    const auto since = read_since(query);
    if (!since) return since.error();
    filter.since = *since;
    const auto before = read_number<std::uint64_t>(query, "before", 0);
    if (!before) return before.error();
    filter.before = *before;
    const auto after = read_number<std::uint64_t>(query, "after", 0);
    if (!after) return after.error();
    filter.after = *after;
    const auto limit = read_number<std::size_t>(query, "limit", 1);
    if (!limit) return limit.error();
    filter.limit = limit->value_or(0);
    return filter;
}

}  // namespace

boost::asio::awaitable<ControlReply> ControlPlane::list_requests(const HttpRequest& http, std::string_view) {
    const auto query = query_of(http, {"action", "code", "account", "since", "before", "after", "limit"});
    if (!query) co_return query.error();
    const auto filter = journal_filter(*query);
    if (!filter) co_return filter.error();
    json::array entries;
    for (const auto& record : services_.journal.list(*filter))
        entries.push_back(to_json(record, services_.config.api.utc_offset, RecordBody::included));
    co_return json_answer(200, json::object{{"requests", std::move(entries)}, {"total", services_.journal.count(*filter)}});
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
