#include "server/config/value_kind.hpp"

#include "server/core/datetime.hpp"
#include "server/core/json_text.hpp"
#include "server/core/text.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <arpa/inet.h>

#include <limits>

namespace tcaplus_mock {

namespace json = boost::json;
using std::chrono::seconds;

namespace {

constexpr std::size_t shown_value_length = 60;

std::optional<std::int64_t> unit_seconds(char unit) {
    switch (unit) {
        case 's': return 1;
        case 'm': return 60;
        case 'h': return 3600;
        case 'd': return 86400;
        default: return std::nullopt;
    }
}

// "90", "90s", "15m", "36h", "7d"; nullopt for anything else or an absurd size.
std::optional<std::int64_t> parse_duration_seconds(std::string_view text) {
    std::int64_t unit = 1;
    if (!text.empty() && !text::is_digit(text.back())) {
        const auto found = unit_seconds(text.back());
        if (!found) return std::nullopt;
        unit = *found;
        text.remove_suffix(1);
    }
    if (text.size() > 12 || !text::all_digits(text)) return std::nullopt;
    return *text::parse_whole<std::int64_t>(text) * unit;
}

std::string duration_expected(seconds min, seconds max) {
    return "a duration (seconds, or a number with a unit s, m, h or d, such as 90m or 7d) from " +
           std::to_string(min.count()) + " to " + std::to_string(max.count()) + " seconds";
}

// A duration's seconds from a JSON integer or a string with a unit; nullopt when it is neither.
std::optional<std::int64_t> duration_seconds(const json::value& value) {
    if (value.is_string()) return parse_duration_seconds(value.get_string());
    return json_integer(value);
}

// The JSON a scalar text spells (a number, true, false, null), if it spells one with nothing around.
std::optional<json::value> scalar_of(std::string_view text) {
    if (text.empty() || text.find_first_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
    boost::system::error_code error;
    auto value = json::parse(text, error);
    if (error || value.is_structured() || value.is_string()) return std::nullopt;
    return value;
}

json::value list_of(std::string_view text) {
    json::array items;
    if (text.empty()) return items;
    for (std::size_t start = 0; start <= text.size();) {
        const auto comma = std::min(text.find(',', start), text.size());
        items.emplace_back(text::trim_blanks(text.substr(start, comma - start)));
        start = comma + 1;
    }
    return items;
}

// The JSON form of a kind whose values are strings: `check` throws for a string that does not fit.
template <class Check>
ValueKind<std::string> string_kind(std::string expected, Check check) {
    auto read = [expected, check](const json::value& value) {
        if (!value.is_string()) reject(expected, value);
        std::string text(value.get_string());
        check(text, value, expected);
        return text;
    };
    auto write = [](const std::string& text) { return json::value(json::string(text)); };
    return {std::move(expected), TextForm::string, read, write};
}

}  // namespace

std::string describe_value(const json::value& value) {
    std::string text = json::serialize(value);
    if (text.size() > shown_value_length) text = text.substr(0, shown_value_length - 3) + "...";
    return text;
}

void reject(std::string expected, const json::value& got, std::string path) {
    throw InvalidValue{std::move(path), std::move(expected), describe_value(got)};
}

json::value text_to_json(std::string_view text, TextForm form, const std::string& expected) {
    switch (form) {
        case TextForm::string: return json::string(text);
        case TextForm::scalar: return scalar_of(text).value_or(json::value(json::string(text)));
        case TextForm::list:
            if (!text.starts_with('[')) return list_of(text);
            [[fallthrough]];
        case TextForm::json: {
            boost::system::error_code error;
            auto value = json::parse(text, error, {}, jsonc_options());
            if (error) reject(expected, json::string(text));
            return value;
        }
    }
    return json::string(text);
}

std::optional<std::int64_t> json_integer(const json::value& value) {
    if (value.is_int64()) return value.get_int64();
    if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return static_cast<std::int64_t>(value.get_uint64());
    return std::nullopt;
}

ValueKind<std::string> text_kind(std::string expected) {
    return string_kind(std::move(expected), [](const std::string& text, const json::value& value,
                                               const std::string& what) {
        if (text.empty()) reject(what, value);
    });
}

ValueKind<std::string> any_text_kind(std::string expected) {
    return string_kind(std::move(expected), [](const std::string&, const json::value&, const std::string&) {});
}

ValueKind<std::string> address_kind() {
    return string_kind("an IPv4 or IPv6 address such as 127.0.0.1, 0.0.0.0 or ::",
                       [](const std::string& text, const json::value& value, const std::string& what) {
                           unsigned char buffer[sizeof(in6_addr)];
                           if (inet_pton(AF_INET, text.c_str(), buffer) != 1 &&
                               inet_pton(AF_INET6, text.c_str(), buffer) != 1)
                               reject(what, value);
                       });
}

ValueKind<std::optional<std::size_t>> optional_count_kind(std::int64_t max) {
    const auto count = integer_kind<std::size_t>(0, max);
    auto read = [count](const json::value& value) -> std::optional<std::size_t> {
        const auto number = count.read(value);
        return number == 0 ? std::nullopt : std::optional(number);
    };
    auto write = [](const std::optional<std::size_t>& value) {
        return json::value(static_cast<std::int64_t>(value.value_or(0)));
    };
    return {count.expected + "; 0 for no limit", TextForm::scalar, read, write};
}

ValueKind<bool> boolean_kind() {
    const std::string expected = "true or false (also 1 or 0)";
    auto read = [expected](const json::value& value) {
        if (value.is_bool()) return value.get_bool();
        const auto number = json_integer(value);
        if (number == 0 || number == 1) return *number == 1;
        reject(expected, value);
    };
    auto write = [](const bool& value) { return json::value(value); };
    return {expected, TextForm::scalar, read, write};
}

ValueKind<seconds> duration_kind(seconds min, seconds max) {
    const std::string expected = duration_expected(min, max);
    auto read = [expected, min, max](const json::value& value) {
        const auto number = duration_seconds(value);
        if (!number || *number < min.count() || *number > max.count()) reject(expected, value);
        return seconds{*number};
    };
    auto write = [](const seconds& value) { return json::value(value.count()); };
    return {expected, TextForm::scalar, read, write};
}

ValueKind<std::optional<seconds>> optional_duration_kind(seconds max) {
    const auto duration = duration_kind(seconds{0}, max);
    auto read = [duration](const json::value& value) -> std::optional<seconds> {
        if (value.is_string() && value.get_string().empty()) return std::nullopt;
        const auto length = duration.read(value);
        return length.count() == 0 ? std::nullopt : std::optional(length);
    };
    auto write = [](const std::optional<seconds>& value) { return json::value(value.value_or(seconds{0}).count()); };
    return {duration.expected + "; 0 or \"\" for no limit", TextForm::scalar, read, write};
}

ValueKind<std::chrono::milliseconds> milliseconds_kind(std::int64_t max) {
    const auto count = integer_kind<std::int64_t>(0, max);
    auto read = [count](const json::value& value) { return std::chrono::milliseconds{count.read(value)}; };
    auto write = [](const std::chrono::milliseconds& value) { return json::value(value.count()); };
    return {count.expected + " milliseconds", TextForm::scalar, read, write};
}

ValueKind<seconds> utc_offset_kind() {
    const std::string expected = "a UTC offset such as +08:00, -05:30, +0800, UTC+8 or Z";
    auto read = [expected](const json::value& value) {
        const auto offset = value.is_string() ? parse_utc_offset(value.get_string()) : std::nullopt;
        if (!offset) reject(expected, value);
        return *offset;
    };
    auto write = [](const seconds& value) { return json::value(json::string(format_utc_offset(value))); };
    return {expected, TextForm::string, read, write};
}

}  // namespace tcaplus_mock
