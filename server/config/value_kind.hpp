#pragma once
// ValueKind<T>: how one kind of setting value is read from its JSON form into a T, and written back.
// A value given as text (an environment variable, a `--set`, a shorthand flag) is first turned into
// JSON by text_to_json, as the kind's TextForm says, so every kind has exactly one reader. The
// settings table (settings.cpp) pairs a kind with a key; the loader never looks inside a kind.

#include "server/config/config.hpp"

#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tcaplus_mock {

// Thrown by a kind when a value does not fit. The loader adds the source and the key.
struct InvalidValue {
    std::string path;      // where inside the value, e.g. "[0].secret_key"; "" = the value itself
    std::string expected;  // completes "expected ...", e.g. "an integer from 0 to 65535"
    std::string got;       // the offending value as JSON, shortened: "\"abc\"", "12", "{...}"
};

// The offending value as shown in messages: a JSON rendering cut to a readable length.
std::string describe_value(const boost::json::value& value);

[[noreturn]] void reject(std::string expected, const boost::json::value& got, std::string path = {});

// How the text of a value becomes its JSON form.
enum class TextForm {
    string,  // a JSON string holding the text as it is
    scalar,  // the JSON number, true or false the text spells, else a JSON string ("8023" -> 8023, "7d" -> "7d")
    list,    // the text as JSON when it starts with `[`, else an array of its comma-separated items
    json,    // the text is JSON (comments and trailing commas allowed)
};

// The JSON form of `text`. Throws InvalidValue naming `expected` when a json or list text does not
// parse.
boost::json::value text_to_json(std::string_view text, TextForm form, const std::string& expected);

// `read` throws InvalidValue; neither function keeps state, so a kind may be copied and shared freely.
template <class T>
struct ValueKind {
    std::string expected;  // completes "expected ...", for messages and the reference
    TextForm text_form;
    std::function<T(const boost::json::value&)> read;
    std::function<boost::json::value(const T&)> write;  // the JSON form the reader reads back as the same T
};

// A non-empty string; any string, the empty one included; an IPv4 or IPv6 address literal.
ValueKind<std::string> text_kind(std::string expected = "a non-empty string");
ValueKind<std::string> any_text_kind(std::string expected);
ValueKind<std::string> address_kind();
// A JSON integer in [min, max] (as text, decimal digits), stored as an Integer.
template <class Integer>
ValueKind<Integer> integer_kind(std::int64_t min, std::int64_t max);
// 0 is "no limit" (nullopt); otherwise an integer up to `max`.
ValueKind<std::optional<std::size_t>> optional_count_kind(std::int64_t max);
// true or false; 1 and 0 too.
ValueKind<bool> boolean_kind();
// A duration: a whole number of seconds, or a string of a number with a unit s, m, h or d ("90m",
// "7d"), in [min, max].
ValueKind<std::chrono::seconds> duration_kind(std::chrono::seconds min, std::chrono::seconds max);
// As duration_kind from 0, where 0 or "" is "no limit" (nullopt).
ValueKind<std::optional<std::chrono::seconds>> optional_duration_kind(std::chrono::seconds max);
// Milliseconds, a JSON integer in [0, max].
ValueKind<std::chrono::milliseconds> milliseconds_kind(std::int64_t max);
// A UTC offset as parse_utc_offset reads it ("+08:00", "-0530", "Z"); written "+08:00".
ValueKind<std::chrono::seconds> utc_offset_kind();
// Region ids of Tencent Cloud (core/regions.hpp): a JSON array of them; as text comma-separated.
ValueKind<std::vector<std::string>> region_list_kind();
// auth.credentials: a JSON array of {secret_id, secret_key, token?, sub_account?}; secret ids unique.
ValueKind<std::vector<Credential>> credentials_kind();
// resources.clusters: a JSON array of {id, table_groups?: [{id, tables?: [names]}]}; ids unique
// within their parent.
ValueKind<std::vector<ClusterDeclaration>> clusters_kind();

// One of a fixed set of names, each standing for a value of T. Names match exactly.
template <class T>
ValueKind<T> choice_kind(std::vector<std::pair<std::string, T>> choices) {
    std::string expected = "one of";
    for (std::size_t i = 0; i < choices.size(); ++i) expected += (i == 0 ? " " : ", ") + choices[i].first;
    auto read = [choices, expected](const boost::json::value& json) -> T {
        if (json.is_string())
            for (const auto& [name, value] : choices)
                if (name == json.get_string()) return value;
        reject(expected, json);
    };
    auto write = [choices](const T& value) -> boost::json::value {
        for (const auto& [name, choice] : choices)
            if (choice == value) return boost::json::string(name);
        return nullptr;
    };
    return {expected, TextForm::string, read, write};
}

// ---- implementation of the templates ----

std::optional<std::int64_t> json_integer(const boost::json::value& value);

template <class Integer>
ValueKind<Integer> integer_kind(std::int64_t min, std::int64_t max) {
    const std::string expected = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
    auto read = [expected, min, max](const boost::json::value& value) {
        const auto number = json_integer(value);
        if (!number || *number < min || *number > max) reject(expected, value);
        return static_cast<Integer>(*number);
    };
    auto write = [](const Integer& value) { return boost::json::value(static_cast<std::int64_t>(value)); };
    return {expected, TextForm::scalar, read, write};
}

}  // namespace tcaplus_mock
