#include "server/control/emulator.hpp"

#include "server/core/text.hpp"
#include "server/validation/action_spec.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace tcaplus_mock {
namespace {

storage::StoreOptions store_options(const Config& config) {
    return {config.storage.path, config.storage.synchronous_full, config.storage.busy_timeout, 2};
}

bool is_loopback(const std::string& address) {
    return address == "::1" || address.starts_with("127.");
}

HttpResponse not_found(std::string_view path) {
    HttpResponse response;
    response.status = 404;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = boost::json::serialize(boost::json::object{
        {"error", "NotFound"},
        {"message", "No such path: " + text::sanitize_utf8(path) + "; the API is at `/`, the control plane under `/_mock/`"}});
    return response;
}

}  // namespace

Emulator::Emulator(const Config& config, LineWriter& log_output)
    : config_(config),
      store_(store_options(config)),
      resources_(config.resources),
      rate_limiter_(clock_, frequency_limits(config)),
      journal_(config.journal.capacity, config.journal.max_bytes),
      metrics_(ApiSpec::builtin().action_names()),
      log_(config.log.format, config.log.requests, log_output),
      api_(config, {clock_, store_, resources_, rate_limiter_, faults_, log_, journal_, metrics_}),
      control_(config, {clock_, store_, resources_, rate_limiter_, faults_, journal_, metrics_, log_output}) {
    if (!config.seed.empty()) control_.load_seed(config.seed);
    if (resources_.strict())
        store_.read_now([this](storage::SnapshotTables& tables) { resources_.replace_all(tables.all_resources()); });
    control_.mark_ready();
}

boost::asio::awaitable<HttpResponse> Emulator::handle(HttpRequest http) {
    const auto path = target_path(http.target);
    if (path == "/") co_return co_await api_.handle(std::move(http));
    if (path.starts_with("/_mock/")) co_return co_await control_.handle(std::move(http));
    co_return not_found(path);
}

HttpResponse Emulator::oversized(const HttpRequest& http, SizeLimit limit) { return api_.oversized(http, limit); }

std::vector<std::string> Emulator::startup_warnings() const {
    std::vector<std::string> warnings;
    if (config_.control.enabled && config_.control.token.empty() && !is_loopback(config_.server.bind))
        warnings.push_back("the control plane (/_mock/) is open to every client that reaches " + config_.server.bind +
                           ": anyone can reset, seed or fault this emulator; set control.token, or control.enabled "
                           "false, where that matters");
    return warnings;
}

}  // namespace tcaplus_mock
