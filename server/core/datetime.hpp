#pragma once
// The API's datetime format, `YYYY-MM-DD HH:MM:SS`, read and written in a fixed UTC offset
// (Tencent Cloud shows China time, UTC+8, which is the emulator's default zone).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tcaplus_mock {

// Parses exactly `YYYY-MM-DD HH:MM:SS` (19 characters, zero padded) as a wall time in the zone
// `utc_offset` and returns seconds since the UNIX epoch. Returns nullopt for any other shape
// and for times that do not exist on the calendar (2021-02-29, 24:00:00, 12:60:00).
std::optional<long long> parse_datetime(std::string_view text, std::chrono::seconds utc_offset);

// Formats UNIX seconds as `YYYY-MM-DD HH:MM:SS` in the zone `utc_offset`.
std::string format_datetime(long long unix_seconds, std::chrono::seconds utc_offset);

// Parses a UTC offset such as "+08:00", "-05:30", "+0800", "UTC+8" or "Z"; nullopt if malformed
// or beyond +-14:00.
std::optional<std::chrono::seconds> parse_utc_offset(std::string_view text);

// Formats a UTC offset of whole minutes (at most 99:59 either way) as "+08:00" or "-05:30".
std::string format_utc_offset(std::chrono::seconds offset);

// Formats the UTC date of UNIX seconds as `YYYY-MM-DD` (the TC3 credential scope date).
std::string format_utc_date(long long unix_seconds);

// `2026-12-01T21:08:55.123Z`: a wall-clock moment in UTC with milliseconds, as log lines write it.
std::string format_iso_utc(std::chrono::system_clock::time_point when);
// Reads what format_iso_utc writes (the fraction optional, up to 9 digits), or nullopt.
std::optional<std::chrono::system_clock::time_point> parse_iso_utc(std::string_view text);

}  // namespace tcaplus_mock
