#include "server/handling/metrics.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

TEST(Metrics, CountsRequestsByActionAndCodeWithACumulativeHistogram) {
    Metrics metrics({"CreateSnapshots", "DescribeSnapshots"});
    metrics.count_request("CreateSnapshots", "Success", std::chrono::microseconds(300));
    metrics.count_request("CreateSnapshots", "Success", std::chrono::microseconds(3000));
    metrics.count_request("CreateSnapshots", "InternalError", std::chrono::microseconds(7'000'000));
    metrics.count_request("NoSuchAction\"\n", "InvalidAction", std::chrono::microseconds(10));
    metrics.count_throttled("CreateSnapshots");
    metrics.count_fault("f1", "CreateSnapshots");
    Metrics::Gauges gauges;
    gauges.snapshots_stored = 7;
    gauges.journal_entries = 3;
    gauges.journal_capacity = 1000;
    const auto text = metrics.render(gauges);

    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_requests_total{action="CreateSnapshots",code="Success"} 2)")) << text;
    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_requests_total{action="CreateSnapshots",code="InternalError"} 1)"));
    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_requests_total{action="unknown",code="InvalidAction"} 1)"))
        << "a name that is not an action must not become a label";
    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_request_duration_seconds_bucket{action="CreateSnapshots",le="0.0005"} 1)")) << text;
    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_request_duration_seconds_bucket{action="CreateSnapshots",le="0.005"} 2)"));
    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_request_duration_seconds_bucket{action="CreateSnapshots",le="5"} 2)"));
    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_request_duration_seconds_bucket{action="CreateSnapshots",le="+Inf"} 3)"));
    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_request_duration_seconds_count{action="CreateSnapshots"} 3)"));
    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_throttled_requests_total{action="CreateSnapshots"} 1)"));
    EXPECT_TRUE(has_line(text, R"(tcaplus_mock_faults_fired_total{rule="f1",action="CreateSnapshots"} 1)"));
    EXPECT_TRUE(has_line(text, "tcaplus_mock_snapshots_stored 7"));
    EXPECT_TRUE(has_line(text, "tcaplus_mock_journal_entries 3"));
    EXPECT_TRUE(has_line(text, "# TYPE tcaplus_mock_request_duration_seconds histogram"));
}

}  // namespace
}  // namespace tcaplus_mock::testing
