#include "server/handling/metrics.hpp"

#include <algorithm>
#include <charconv>

namespace tcaplus_mock {
namespace {

// A label value as the exposition format needs it: backslash, double quote and newline escaped.
std::string label_value(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (char c : text) {
        if (c == '\\') escaped += "\\\\";
        else if (c == '"') escaped += "\\\"";
        else if (c == '\n') escaped += "\\n";
        else escaped += c;
    }
    return escaped;
}

// The shortest fixed-point text that reads back as `value` ("0.0005", not "5e-04" or
// "0.00050000000000000001").
std::string number(double value) {
    char text[64];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed).ptr;
    return std::string(text, end);
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void sample(std::string& out, std::string_view name, const std::string& labels, std::string_view value) {
    out.append(name);
    if (!labels.empty()) out.append("{").append(labels).append("}");
    out.append(" ").append(value).append("\n");
}

}  // namespace

Metrics::Metrics(std::vector<std::string> actions) : actions_(std::move(actions)) {}

const std::string& Metrics::action_label(std::string_view action) const {
    const auto known = std::find(actions_.begin(), actions_.end(), action);
    return known == actions_.end() ? unknown_ : *known;
}

void Metrics::count_request(std::string_view action, std::string_view result, std::chrono::microseconds latency) {
    const std::string& label = action_label(action);
    const double seconds = static_cast<double>(latency.count()) / 1e6;
    const auto bucket = static_cast<std::size_t>(
        std::lower_bound(latency_buckets.begin(), latency_buckets.end(), seconds) - latency_buckets.begin());
    std::lock_guard lock(mutex_);
    ++requests_[{label, std::string(result)}];
    auto& histogram = latency_[label];
    ++histogram.counts[bucket];
    histogram.sum_seconds += seconds;
    ++histogram.count;
}

void Metrics::count_throttled(std::string_view action) {
    const std::string& label = action_label(action);
    std::lock_guard lock(mutex_);
    ++throttled_[label];
}

void Metrics::count_fault(std::string_view rule_id, std::string_view action) {
    const std::string& label = action_label(action);
    std::lock_guard lock(mutex_);
    ++faults_[{std::string(rule_id), label}];
}

std::string Metrics::render(const Gauges& gauges) const {
    std::string out;
    std::lock_guard lock(mutex_);
    header(out, "tcaplus_mock_requests_total", "counter", "API requests answered, by action and result code.");
    for (const auto& [key, count] : requests_)
        sample(out, "tcaplus_mock_requests_total",
               "action=\"" + label_value(key.first) + "\",code=\"" + label_value(key.second) + "\"",
               std::to_string(count));

    header(out, "tcaplus_mock_request_duration_seconds", "histogram", "Time from a request's arrival to its answer.");
    for (const auto& [action, histogram] : latency_) {
        const std::string action_part = "action=\"" + label_value(action) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < latency_buckets.size(); ++i) {
            cumulative += histogram.counts[i];
            sample(out, "tcaplus_mock_request_duration_seconds_bucket",
                   action_part + ",le=\"" + number(latency_buckets[i]) + "\"", std::to_string(cumulative));
        }
        sample(out, "tcaplus_mock_request_duration_seconds_bucket", action_part + ",le=\"+Inf\"",
               std::to_string(histogram.count));
        sample(out, "tcaplus_mock_request_duration_seconds_sum", action_part, number(histogram.sum_seconds));
        sample(out, "tcaplus_mock_request_duration_seconds_count", action_part, std::to_string(histogram.count));
    }

    header(out, "tcaplus_mock_throttled_requests_total", "counter",
           "Requests refused by the frequency limit (RequestLimitExceeded), by action.");
    for (const auto& [action, count] : throttled_)
        sample(out, "tcaplus_mock_throttled_requests_total", "action=\"" + label_value(action) + "\"",
               std::to_string(count));

    header(out, "tcaplus_mock_faults_fired_total", "counter", "Control-plane fault rules applied, by rule and action.");
    for (const auto& [key, count] : faults_)
        sample(out, "tcaplus_mock_faults_fired_total",
               "rule=\"" + label_value(key.first) + "\",action=\"" + label_value(key.second) + "\"",
               std::to_string(count));

    header(out, "tcaplus_mock_snapshots_stored", "gauge", "Snapshot rows in the database, every account.");
    sample(out, "tcaplus_mock_snapshots_stored", "", std::to_string(gauges.snapshots_stored));
    header(out, "tcaplus_mock_journal_entries", "gauge", "Requests kept in the request journal.");
    sample(out, "tcaplus_mock_journal_entries", "", std::to_string(gauges.journal_entries));
    header(out, "tcaplus_mock_journal_capacity", "gauge", "The most requests the journal keeps (journal.capacity).");
    sample(out, "tcaplus_mock_journal_capacity", "", std::to_string(gauges.journal_capacity));
    header(out, "tcaplus_mock_log_lines_dropped_total", "counter",
           "Log lines dropped because stdout was not being read.");
    sample(out, "tcaplus_mock_log_lines_dropped_total", "", std::to_string(gauges.log_lines_dropped));
    header(out, "tcaplus_mock_storage_failed_writes_total", "counter", "Writes the database refused.");
    sample(out, "tcaplus_mock_storage_failed_writes_total", "", std::to_string(gauges.storage_failed_writes));
    header(out, "tcaplus_mock_storage_failing", "gauge", "1 while the last write to the database failed.");
    sample(out, "tcaplus_mock_storage_failing", "", gauges.storage_failing ? "1" : "0");
    header(out, "tcaplus_mock_uptime_seconds", "gauge", "Seconds since the emulator started.");
    sample(out, "tcaplus_mock_uptime_seconds", "", number(gauges.uptime_seconds));
    return out;
}

}  // namespace tcaplus_mock
