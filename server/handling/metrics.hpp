#pragma once
// Metrics: counters of the API requests, kept for the control plane's `GET /_mock/metrics` and
// written in the Prometheus text exposition format (version 0.0.4). Counters run for the life of
// the process (a reset of the emulator's state does not reset them, as Prometheus expects).
//
// Thread safety: every method may be called from any thread.

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tcaplus_mock {

class Metrics {
public:
    // `actions`: the API's action names; any other name is counted as action "unknown", so a
    // client cannot grow the label set.
    explicit Metrics(std::vector<std::string> actions);

    // One answered API request: its action, its result ("Success" or the error code) and latency.
    void count_request(std::string_view action, std::string_view result, std::chrono::microseconds latency);
    void count_throttled(std::string_view action);
    void count_fault(std::string_view rule_id, std::string_view action);

    // Values read when the metrics are written.
    struct Gauges {
        std::size_t snapshots_stored = 0;
        std::size_t journal_entries = 0;
        std::size_t journal_capacity = 0;
        std::uint64_t log_lines_dropped = 0;
        std::uint64_t storage_failed_writes = 0;
        bool storage_failing = false;
        double uptime_seconds = 0;
    };
    std::string render(const Gauges& gauges) const;

    // The latency histogram's upper bounds, in seconds (then +Inf).
    static constexpr std::array<double, 13> latency_buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                            0.1,    0.25,  0.5,    1.0,   2.5,   5.0};

private:
    struct Histogram {
        std::array<std::uint64_t, latency_buckets.size() + 1> counts{};  // not cumulative; last is +Inf
        double sum_seconds = 0;
        std::uint64_t count = 0;
    };
    const std::string& action_label(std::string_view action) const;

    const std::vector<std::string> actions_;
    const std::string unknown_ = "unknown";
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, std::string>, std::uint64_t> requests_;  // (action, result)
    std::map<std::string, Histogram> latency_;                               // by action
    std::map<std::string, std::uint64_t> throttled_;                         // by action
    std::map<std::pair<std::string, std::string>, std::uint64_t> faults_;    // (rule, action)
};

}  // namespace tcaplus_mock
