#pragma once
// Services: every part of a running emulator that API request handling (request_handler.hpp) and the
// control plane (server/control/) share, as one struct of references. The composition root
// (server/emulator.hpp) owns every one of them and builds this struct; all of them must outlive the
// handler and the control plane that hold it.

#include "server/config/config.hpp"
#include "server/core/clock.hpp"
#include "server/core/line_writer.hpp"
#include "server/faults/fault_rules.hpp"
#include "server/handling/metrics.hpp"
#include "server/handling/request_journal.hpp"
#include "server/handling/request_log.hpp"
#include "server/throttle/rate_limiter.hpp"
#include "storage/store.hpp"

#include <cstdint>

namespace tcaplus_mock {

struct Services {
    const Config& config;
    VirtualClock& clock;  // the emulator's clock, which the control plane moves
    storage::Store& store;
    RateLimiter& rate_limiter;
    FaultRules& faults;
    RequestLog& log;
    RequestJournal& journal;
    Metrics& metrics;
    const LineWriter& log_output;  // where log lines go, whose dropped lines the metrics report
    std::int64_t started_at;       // when the emulator started, on its clock
};

}  // namespace tcaplus_mock
