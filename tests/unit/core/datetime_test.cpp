#include "server/core/datetime.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

constexpr seconds china{8 * 3600};

struct DatetimeCase {
    const char* text;
    bool valid;
};

TEST(ParseDatetime, AcceptsOnlyTheApiShapeAndRealCalendarTimes) {
    const DatetimeCase cases[] = {
        {"2020-09-22 00:00:00", true},  {"2024-02-29 12:30:45", true},  {"2000-02-29 23:59:59", true},
        {"1970-01-01 08:00:00", true},  {"2023-02-29 00:00:00", false}, {"1900-02-29 00:00:00", false},
        {"2020-04-31 00:00:00", false}, {"2020-13-01 00:00:00", false}, {"2020-00-10 00:00:00", false},
        {"2020-01-00 00:00:00", false}, {"2020-09-22 24:00:00", false}, {"2020-09-22 12:60:00", false},
        {"2020-09-22 12:00:60", false}, {"2020-9-22 00:00:00", false},  {"2020-09-22T00:00:00", false},
        {"2020-09-22 00:00:00 ", false}, {" 2020-09-22 00:00:00", false}, {"2020-09-22", false},
        {"", false},                    {"2020/09/22 00:00:00", false}, {"2020-09-22 0a:00:00", false},
        {"+020-09-22 00:00:00", false},
    };
    for (const auto& c : cases) EXPECT_EQ(parse_datetime(c.text, china).has_value(), c.valid) << c.text;
}

TEST(ParseDatetime, ReadsWallTimeInTheGivenZone) {
    EXPECT_EQ(parse_datetime("1970-01-01 08:00:00", china), 0);
    EXPECT_EQ(parse_datetime("1970-01-01 00:00:00", seconds{0}), 0);
    EXPECT_EQ(parse_datetime("2020-09-22 00:00:00", china), 1600704000);
    EXPECT_EQ(parse_datetime("2020-09-22 00:00:00", seconds{-5 * 3600}), 1600704000 + 13 * 3600);
}

TEST(FormatDatetime, RoundTripsWithParse) {
    const long long samples[] = {0, 1600704000, 1709164800, 4102444799};
    for (auto offset : {china, seconds{0}, seconds{-(9 * 3600 + 30 * 60)}})
        for (auto value : samples) EXPECT_EQ(parse_datetime(format_datetime(value, offset), offset), value);
    EXPECT_EQ(format_datetime(1600704000, china), "2020-09-22 00:00:00");
    EXPECT_EQ(format_datetime(1600704000, seconds{0}), "2020-09-21 16:00:00");
}

TEST(FormatUtcDate, IsTheScopeDate) {
    EXPECT_EQ(format_utc_date(1551113065), "2019-02-25");
    EXPECT_EQ(format_utc_date(0), "1970-01-01");
}

struct OffsetCase {
    const char* text;
    std::optional<long long> seconds_east;
};

TEST(ParseUtcOffset, AcceptsCommonSpellings) {
    const OffsetCase cases[] = {
        {"+08:00", 8 * 3600}, {"-05:30", -(5 * 3600 + 1800)}, {"+0800", 8 * 3600}, {"UTC+8", 8 * 3600},
        {"Z", 0},             {"UTC", 0},                     {"+00:00", 0},       {"+14:00", 14 * 3600},
        {"+15:00", {}},       {"08:00", {}},                  {"+8:0", {}},        {"+08:60", {}},
        {"", {}},             {"+", {}},                      {"UTC+", {}},        {"+08:00x", {}},
    };
    for (const auto& c : cases) {
        auto parsed = parse_utc_offset(c.text);
        ASSERT_EQ(parsed.has_value(), c.seconds_east.has_value()) << c.text;
        if (parsed) {
            EXPECT_EQ(parsed->count(), *c.seconds_east) << c.text;
        }
    }
}

TEST(IsoUtc, WritesAndReadsMillisecondTimes) {
    using namespace std::chrono;
    const system_clock::time_point when{milliseconds(1795888387123)};
    EXPECT_EQ(format_iso_utc(when), "2026-11-28T17:53:07.123Z");
    EXPECT_EQ(parse_iso_utc("2026-11-28T17:53:07.123Z"), when);
    EXPECT_EQ(parse_iso_utc("2026-11-28T17:53:07Z"), when - milliseconds(123));
    for (const char* bad : {"2026-11-28 14:33:07Z", "2026-11-28T17:53:07", "2026-11-28T17:53:07.Z", "x"})
        EXPECT_FALSE(parse_iso_utc(bad).has_value()) << bad;
}

}  // namespace
}  // namespace tcaplus_mock::testing
