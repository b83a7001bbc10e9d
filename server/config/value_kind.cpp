#include "server/config/value_kind.hpp"

#include "server/core/datetime.hpp"

#include <boost/json/serialize.hpp>

#include <arpa/inet.h>

#include <cctype>
#include <charconv>
#include <limits>

namespace tcaplus_mock {

namespace json = boost::json;
using std::chrono::seconds;

namespace {

constexpr std::size_t shown_value_length = 60;

std::string shorten(std::string text) {
    if (text.size() > shown_value_length) text = text.substr(0, shown_value_length - 3) + "...";
    return text;
}

std::optional<std::int64_t> read_decimal(std::string_view text) {
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return number;
}

std::optional<std::int64_t> json_integer(const json::value& value) {
    if (value.is_int64()) return value.get_int64();
    if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return static_cast<std::int64_t>(value.get_uint64());
    return std::nullopt;
}

std::optional<std::int64_t> unit_seconds(char unit) {
    switch (unit) {
        case 's':
            return 1;
        case 'm':
            return 60;
        case 'h':
            return 3600;
        case 'd':
            return 86400;
        default:
            return std::nullopt;
    }
}

// "90", "90s", "15m", "36h", "7d"; nullopt for anything else or an absurd size.
std::optional<std::int64_t> parse_duration_seconds(std::string_view text) {
    std::int64_t unit = 1;
    if (!text.empty() && !std::isdigit(static_cast<unsigned char>(text.back()))) {
        const auto found = unit_seconds(text.back());
        if (!found) return std::nullopt;
        unit = *found;
        text.remove_suffix(1);
    }
    if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    return *read_decimal(text) * unit;
}

std::string duration_expected(seconds min, seconds max, bool empty_is_zero) {
    std::string text = "a duration (seconds, or a number with a unit s, m, h or d, such as 90m or 7d) from " +
                       std::to_string(min.count()) + " to " + std::to_string(max.count()) + " seconds";
    if (empty_is_zero) text += "; 0 or \"\" for no limit";
    return text;
}

// The JSON form of a kind whose values are strings: a JSON string, read like the text form.
template <class ReadText>
auto string_reader(ReadText read_text, std::string expected) {
    return [read_text, expected](const json::value& value) {
        if (!value.is_string()) reject(expected, value);
        return read_text(value.get_string());
    };
}

}  // namespace

std::string describe_value(const json::value& value) { return shorten(json::serialize(value)); }

std::string describe_text(std::string_view text) { return shorten(json::serialize(json::string(text))); }

void reject(std::string expected, const json::value& got, std::string path) {
    throw InvalidValue{std::move(path), std::move(expected), describe_value(got)};
}

void reject_text(std::string expected, std::string_view got) {
    throw InvalidValue{{}, std::move(expected), describe_text(got)};
}

ValueKind<std::string> text_kind(std::string expected) {
    auto read_text = [expected](std::string_view text) {
        if (text.empty()) reject_text(expected, text);
        return std::string(text);
    };
    return {expected, string_reader(read_text, expected), read_text};
}

ValueKind<std::string> any_text_kind(std::string expected) {
    auto read_text = [](std::string_view text) { return std::string(text); };
    return {expected, string_reader(read_text, expected), read_text};
}

ValueKind<std::string> address_kind() {
    const std::string expected = "an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::";
    auto read_text = [expected](std::string_view text) {
        const std::string address(text);
        unsigned char buffer[sizeof(in6_addr)];
        if (inet_pton(AF_INET, address.c_str(), buffer) != 1 && inet_pton(AF_INET6, address.c_str(), buffer) != 1)
            reject_text(expected, text);
        return address;
    };
    return {expected, string_reader(read_text, expected), read_text};
}

ValueKind<std::int64_t> integer_kind(std::int64_t min, std::int64_t max) {
    const std::string expected = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
    auto in_range = [min, max](std::optional<std::int64_t> n) { return n && *n >= min && *n <= max; };
    auto read_text = [expected, in_range](std::string_view text) {
        const auto number = read_decimal(text);
        if (!in_range(number)) reject_text(expected, text);
        return *number;
    };
    auto read_json = [expected, in_range](const json::value& value) {
        const auto number = json_integer(value);
        if (!in_range(number)) reject(expected, value);
        return *number;
    };
    return {expected, read_json, read_text};
}

ValueKind<bool> boolean_kind() {
    const std::string expected = "true or false (as text also 1 or 0)";
    auto read_text = [expected](std::string_view text) {
        if (text == "true" || text == "1") return true;
        if (text == "false" || text == "0") return false;
        reject_text(expected, text);
    };
    auto read_json = [expected](const json::value& value) {
        if (!value.is_bool()) reject(expected, value);
        return value.get_bool();
    };
    return {expected, read_json, read_text};
}

ValueKind<seconds> duration_kind(seconds min, seconds max, bool empty_is_zero) {
    const std::string expected = duration_expected(min, max, empty_is_zero);
    auto in_range = [min, max](std::optional<std::int64_t> n) { return n && *n >= min.count() && *n <= max.count(); };
    auto read_text = [expected, in_range, empty_is_zero](std::string_view text) {
        const auto number =
            empty_is_zero && text.empty() ? std::optional<std::int64_t>(0) : parse_duration_seconds(text);
        if (!in_range(number)) reject_text(expected, text);
        return seconds{*number};
    };
    auto read_json = [expected, in_range, read_text](const json::value& value) {
        if (value.is_string()) return read_text(value.get_string());
        const auto number = json_integer(value);
        if (!in_range(number)) reject(expected, value);
        return seconds{*number};
    };
    return {expected, read_json, read_text};
}

ValueKind<seconds> utc_offset_kind() {
    const std::string expected = "a UTC offset such as +08:00, -05:30, +0800, UTC+8 or Z";
    auto read_text = [expected](std::string_view text) {
        const auto offset = parse_utc_offset(text);
        if (!offset) reject_text(expected, text);
        return *offset;
    };
    return {expected, string_reader(read_text, expected), read_text};
}

}  // namespace tcaplus_mock
