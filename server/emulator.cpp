#include "server/emulator.hpp"

#include "server/control/control_request.hpp"
#include "server/control/state_document.hpp"
#include "server/core/files.hpp"
#include "server/core/text.hpp"
#include "server/validation/action_spec.hpp"

#include <boost/json/parse.hpp>

#include <map>
#include <stdexcept>

namespace tcaplus_mock {
namespace {

storage::StoreOptions store_options(const Config& config) {
    return {config.storage.path, config.storage.synchronous_full, config.storage.busy_timeout, 2};
}

bool is_loopback(const std::string& address) {
    return address == "::1" || address.starts_with("127.");
}

// The frequency limit of every action: its documented limit, or the configuration's rate_limits.
// Throws std::invalid_argument when rate_limits names an action the API does not define.
std::map<std::string, unsigned, std::less<>> frequency_limits(const Config& config) {
    const auto& spec = ApiSpec::builtin();
    std::map<std::string, unsigned, std::less<>> limits;
    for (const auto& [action, per_second] : documented_frequency_limits()) limits[action] = per_second;
    for (const auto& [action, limit] : config.rate_limits) {
        if (!spec.find_action(action))
            throw std::invalid_argument("rate_limits: `" + action + "` is not an action of the API");
        limits[action] = limit;
    }
    return limits;
}

}  // namespace

std::vector<ActionLimit> documented_frequency_limits() {
    const auto& spec = ApiSpec::builtin();
    std::vector<ActionLimit> limits;
    for (const auto& name : spec.action_names()) limits.push_back({name, spec.find_action(name)->frequency_limit});
    return limits;
}

Emulator::Emulator(const Config& config, LineWriter& log_output)
    : config_(config),
      log_output_(log_output),
      store_(store_options(config)),
      started_at_(unix_seconds(clock_.now())),
      rate_limiter_(clock_, frequency_limits(config)),
      journal_(config.journal.capacity, config.journal.max_bytes),
      metrics_(ApiSpec::builtin().action_names()),
      log_(config.log.format, config.log.requests, log_output, config.api.utc_offset),
      api_(services()),
      control_(services()) {
    if (!config.seed.empty()) load_seed(config.seed);
    control_.mark_ready();
}

Services Emulator::services() noexcept {
    return {config_, clock_, store_, rate_limiter_, faults_, log_, journal_, metrics_, log_output_, started_at_};
}

boost::asio::awaitable<HttpResponse> Emulator::handle(HttpRequest http) {
    const auto path = target_path(http.target);
    if (path == "/") co_return co_await api_.handle(std::move(http));
    if (path.starts_with("/_mock/")) co_return co_await control_.handle(std::move(http));
    co_return error_answer(not_found("No such path: " + text::sanitize_utf8(path) +
                                     "; the API is at `/`, the control plane under `/_mock/`"));
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

void Emulator::load_seed(const std::string& path) {
    const auto fail = [&](const std::string& why) { throw std::runtime_error("seed " + path + ": " + why); };
    std::string text;
    try {
        text = read_whole_file(path);
    } catch (const std::runtime_error& failure) {
        fail(failure.what());
    }
    boost::system::error_code error;
    const auto json = boost::json::parse(text, error);
    if (error) fail("not valid JSON: " + error.message());
    const auto state = parse_state_document(json, config_.api.utc_offset, unix_seconds(clock_.now()));
    if (!state) fail(state.error().message);
    store_.write_now([&](storage::Repository& repository) { replace_state(repository, *state); });
}

}  // namespace tcaplus_mock
