#pragma once
// Emulator: the composition root. Builds every part of a running emulator from one Config, hands
// them to API request handling and the control plane as one Services struct, loads the seed, and
// routes requests: `/` to the API (RequestHandler), `/_mock/...` to the control plane, anything else
// a JSON 404. The network layer (server/net) only sees handle() and oversized().
//
// Thread safety: handle() and oversized() may be called concurrently from any thread.

#include "server/config/config.hpp"
#include "server/config/config_reference.hpp"
#include "server/control/control_plane.hpp"
#include "server/core/clock.hpp"
#include "server/core/line_writer.hpp"
#include "server/faults/fault_rules.hpp"
#include "server/handling/metrics.hpp"
#include "server/handling/request_handler.hpp"
#include "server/handling/request_journal.hpp"
#include "server/handling/request_log.hpp"
#include "server/handling/services.hpp"
#include "server/throttle/rate_limiter.hpp"
#include "storage/store.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>
#include <vector>

namespace tcaplus_mock {

// Every action's documented frequency limit, in the spec's order: the defaults of rate_limits.<Action>.
std::vector<ActionLimit> documented_frequency_limits();

class Emulator {
public:
    // Opens the database and loads config.seed. Keeps references to `config` and `log_output`
    // (request log lines go there), which must outlive it. Throws (storage::StorageError,
    // std::runtime_error, std::invalid_argument) with a one-line message naming the problem.
    Emulator(const Config& config, LineWriter& log_output);

    boost::asio::awaitable<HttpResponse> handle(HttpRequest http);
    HttpResponse oversized(const HttpRequest& http, SizeLimit limit);

    // Lines for the operator at start-up (an open control plane reachable beyond this machine).
    std::vector<std::string> startup_warnings() const;

    // Every service, for tests that look behind the API.
    Services services() noexcept;

private:
    void load_seed(const std::string& path);

    const Config& config_;
    LineWriter& log_output_;
    VirtualClock clock_;
    storage::Store store_;
    const std::int64_t started_at_;
    RateLimiter rate_limiter_;
    FaultRules faults_;
    RequestJournal journal_;
    Metrics metrics_;
    RequestLog log_;
    RequestHandler api_;
    ControlPlane control_;
};

}  // namespace tcaplus_mock
