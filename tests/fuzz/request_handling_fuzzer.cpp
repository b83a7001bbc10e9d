// Fuzzes request handling as a whole, without sockets: each input is an HTTP request as text (see
// fuzz::request_from_text) handed to an Emulator over a `:memory:` database, exactly as the
// network layer hands it over: decoding, authentication, throttling, validation, the actions and
// storage for `/`, the control plane for `/_mock/`. Every JSON answer must be UTF-8 JSON, and an
// API answer must be a Tencent envelope with a RequestId.

#include "server/emulator.hpp"
#include "server/validation/action_spec.hpp"
#include "tests/fuzz/fuzz_support.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/value.hpp>

#include <fcntl.h>

#include <memory>

using namespace tcaplus_mock;

namespace {

Config fuzzing_config() {
    Config config;
    config.storage.path = ":memory:";
    config.auth.mode = AuthMode::any;
    config.auth.credentials = {{"AKIDfuzz", "fuzz-secret-key", "", ""}};
    config.auth.timestamp_window = std::chrono::hours(24 * 365 * 10);  // seeds stay on time for years
    for (const auto& action : ApiSpec::builtin().action_names()) config.rate_limits[std::string(action)] = 0;
    config.log.requests = false;
    config.journal.capacity = 100;
    return config;
}

struct Emulated {
    Config config = fuzzing_config();
    LineWriter log{::open("/dev/null", O_WRONLY)};
    Emulator emulator{config, log};
    std::size_t runs = 0;
};

HttpResponse handle(Emulator& emulator, HttpRequest request) {
    boost::asio::io_context io;
    auto answer = boost::asio::co_spawn(io, emulator.handle(std::move(request)), boost::asio::use_future);
    io.run();
    return answer.get();
}

bool is_json(const HttpResponse& response) {
    for (const auto& [name, value] : response.headers)
        if (name == "Content-Type") return value.starts_with("application/json");
    return false;
}

// A drop, http_status or garbage fault rule (set through /_mock/faults) answers unreadably on
// purpose; its answers say so.
bool answered_by_a_fault_rule(const HttpResponse& response) {
    return response.drop_connection || response.body.find("a tcaplus-mock fault rule") != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static auto* emulated = new Emulated;  // lives for the whole run, like the server's
    if (++emulated->runs % 1000 == 0)      // keep the database small, so runs stay fast
        emulated->emulator.services().store.write_now(
            [](storage::Repository& repository) { repository.erase_everything(); });

    HttpRequest request = fuzz::request_from_text(std::string_view(reinterpret_cast<const char*>(data), size));
    const bool api = target_path(request.target) == "/";
    const HttpResponse response = handle(emulated->emulator, std::move(request));
    if (answered_by_a_fault_rule(response) || !is_json(response)) return 0;
    fuzz::require_readable_json(response.body);
    if (api) {
        fuzz::require(response.status == 200, "an API answer is HTTP 200");
        const auto envelope = boost::json::parse(response.body);
        const auto* id = envelope.as_object().at("Response").as_object().if_contains("RequestId");
        fuzz::require(id != nullptr && id->is_string(), "an API answer carries a RequestId");
    }
    return 0;
}
