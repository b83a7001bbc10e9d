#include "server/core/datetime.hpp"

#include "server/core/text.hpp"

#include <charconv>
#include <cstdio>

namespace tcaplus_mock {
namespace {

using namespace std::chrono;

// Reads exactly `width` ASCII digits at `text[position]`.
std::optional<int> read_digits(std::string_view text, std::size_t position, std::size_t width) {
    int value = 0;
    for (std::size_t i = position; i < position + width; ++i) {
        if (!text::is_digit(text[i])) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool separators_match(std::string_view text) {
    return text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' && text[16] == ':';
}

// Writes `value` (non-negative, below 10^width) as `width` zero-padded digits at `text[position]`.
void write_digits(std::string& text, std::size_t position, std::size_t width, long long value) {
    for (std::size_t i = position + width; i > position; --i, value /= 10) text[i - 1] = static_cast<char>('0' + value % 10);
}

}  // namespace

std::optional<long long> parse_datetime(std::string_view text, seconds utc_offset) {
    if (text.size() != 19 || !separators_match(text)) return std::nullopt;
    auto year = read_digits(text, 0, 4), month = read_digits(text, 5, 2), day = read_digits(text, 8, 2);
    auto hour = read_digits(text, 11, 2), minute = read_digits(text, 14, 2), second = read_digits(text, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    const year_month_day date{std::chrono::year{*year}, std::chrono::month(static_cast<unsigned>(*month)),
                              std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok() || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
    const auto local = sys_days{date}.time_since_epoch() + hours{*hour} + minutes{*minute} + seconds{*second};
    return duration_cast<seconds>(local - utc_offset).count();
}

std::string format_datetime(long long unix_seconds, seconds utc_offset) {
    const sys_seconds local{seconds{unix_seconds} + utc_offset};
    const auto day_start = floor<days>(local);
    const year_month_day date{day_start};
    const hh_mm_ss time{local - day_start};
    const int year = static_cast<int>(date.year());
    if (year < 0 || year > 9999) {  // outside what the API can state; spelled out, never cut
        char text[64];
        std::snprintf(text, sizeof text, "%d-%02u-%02u %02ld:%02ld:%02lld", year, static_cast<unsigned>(date.month()),
                      static_cast<unsigned>(date.day()), static_cast<long>(time.hours().count()),
                      static_cast<long>(time.minutes().count()), static_cast<long long>(time.seconds().count()));
        return text;
    }
    // Written digit by digit: this runs three times for every snapshot a response lists.
    std::string text = "0000-00-00 00:00:00";
    write_digits(text, 0, 4, year);
    write_digits(text, 5, 2, static_cast<unsigned>(date.month()));
    write_digits(text, 8, 2, static_cast<unsigned>(date.day()));
    write_digits(text, 11, 2, time.hours().count());
    write_digits(text, 14, 2, time.minutes().count());
    write_digits(text, 17, 2, time.seconds().count());
    return text;
}

std::string format_utc_date(long long unix_seconds) { return format_datetime(unix_seconds, seconds{0}).substr(0, 10); }

std::string format_iso_utc(system_clock::time_point when) {
    const auto millis = duration_cast<milliseconds>(when.time_since_epoch()).count();
    const auto whole = millis >= 0 ? millis / 1000 : (millis - 999) / 1000;
    std::string text = format_datetime(whole, seconds{0});
    text[10] = 'T';
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03dZ", static_cast<int>(millis - whole * 1000));
    return text + fraction;
}

std::optional<system_clock::time_point> parse_iso_utc(std::string_view text) {
    if (text.size() < 20 || text.back() != 'Z' || text[10] != 'T') return std::nullopt;
    std::string datetime(text.substr(0, 19));
    datetime[10] = ' ';
    const auto whole = parse_datetime(datetime, seconds{0});
    if (!whole) return std::nullopt;
    auto when = system_clock::time_point(seconds(*whole));
    std::string_view fraction = text.substr(19, text.size() - 20);
    if (fraction.empty()) return when;
    if (fraction[0] != '.' || fraction.size() < 2 || fraction.size() > 10) return std::nullopt;
    long long nanos = 0;
    for (std::size_t i = 1; i < 10; ++i) {
        const char digit = i < fraction.size() ? fraction[i] : '0';
        if (!text::is_digit(digit)) return std::nullopt;
        nanos = nanos * 10 + (digit - '0');
    }
    return when + duration_cast<system_clock::duration>(nanoseconds(nanos));
}

std::optional<seconds> parse_utc_offset(std::string_view text) {
    if (text == "Z" || text == "UTC" || text == "utc") return seconds{0};
    if (text.starts_with("UTC") || text.starts_with("utc")) text.remove_prefix(3);
    if (text.empty() || (text[0] != '+' && text[0] != '-')) return std::nullopt;
    const int sign = text[0] == '-' ? -1 : 1;
    text.remove_prefix(1);
    int hours_part = 0, minutes_part = 0;
    auto [rest, error] = std::from_chars(text.data(), text.data() + text.size(), hours_part);
    if (error != std::errc{}) return std::nullopt;
    std::string_view tail(rest, text.data() + text.size() - rest);
    const auto digits_used = text.size() - tail.size();
    if (tail.empty() && digits_used == 4) {  // "+0800"
        minutes_part = hours_part % 100;
        hours_part /= 100;
    } else if (!tail.empty()) {
        if (tail[0] != ':' || tail.size() != 3) return std::nullopt;
        auto minute = read_digits(tail, 1, 2);
        if (!minute) return std::nullopt;
        minutes_part = *minute;
    } else if (digits_used > 2) {
        return std::nullopt;
    }
    if (minutes_part > 59 || hours_part * 60 + minutes_part > 14 * 60) return std::nullopt;
    return seconds{sign * (hours_part * 3600 + minutes_part * 60)};
}

std::string format_utc_offset(seconds offset) {
    const long long minutes = offset.count() / 60;
    const long long magnitude = minutes < 0 ? -minutes : minutes;
    std::string text = minutes < 0 ? "-00:00" : "+00:00";
    write_digits(text, 1, 2, magnitude / 60);
    write_digits(text, 4, 2, magnitude % 60);
    return text;
}

}  // namespace tcaplus_mock
