#pragma once
// ValueKind<T>: how one kind of setting value is read, from its JSON form (the config file) and
// from its text form (an environment variable or a `--set`), into a T. The settings table
// (settings.cpp) pairs a kind with a key; the loader never looks inside a kind.

#include "server/config/config.hpp"

#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
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
std::string describe_text(std::string_view text);

[[noreturn]] void reject(std::string expected, const boost::json::value& got, std::string path = {});
[[noreturn]] void reject_text(std::string expected, std::string_view got);

// Both readers throw InvalidValue; neither keeps state, so a kind may be copied and shared freely.
template <class T>
struct ValueKind {
    std::string expected;
    std::function<T(const boost::json::value&)> from_json;
    std::function<T(std::string_view)> from_text;
};

// A non-empty string.
ValueKind<std::string> text_kind(std::string expected = "a non-empty string");
// Any string, the empty one included.
ValueKind<std::string> any_text_kind(std::string expected);
// An IPv4 or IPv6 address literal (what a listener binds to).
ValueKind<std::string> address_kind();
// An integer in [min, max]: a JSON integer, or decimal digits as text.
ValueKind<std::int64_t> integer_kind(std::int64_t min, std::int64_t max);
// true / false; as text also 1 / 0.
ValueKind<bool> boolean_kind();
// A duration: a whole number of seconds, or a number with a unit s, m, h or d ("90m", "7d"),
// in [min, max]. With `empty_is_zero`, "" also reads as 0 (used where 0 means "no limit").
ValueKind<std::chrono::seconds> duration_kind(std::chrono::seconds min, std::chrono::seconds max,
                                              bool empty_is_zero = false);
// A UTC offset as parse_utc_offset reads it ("+08:00", "-0530", "Z").
ValueKind<std::chrono::seconds> utc_offset_kind();
// Region ids: a JSON array of strings; as text, comma-separated or a JSON array; "" = none.
ValueKind<std::vector<std::string>> region_list_kind();
// auth.credentials: a JSON array of {secret_id, secret_key, token?, sub_account?}; the text form
// is the same JSON. Secret ids must be unique.
ValueKind<std::vector<Credential>> credentials_kind();
// resources.clusters: a JSON array of {id, table_groups?: [{id, tables?: [names]}]}; the text
// form is the same JSON. Ids must be unique within their parent.
ValueKind<std::vector<ClusterDeclaration>> clusters_kind();

// One of a fixed set of names, each standing for a value of T. Names match exactly.
template <class T>
ValueKind<T> choice_kind(std::vector<std::pair<std::string, T>> choices) {
    std::string expected = "one of";
    for (std::size_t i = 0; i < choices.size(); ++i) expected += (i == 0 ? " " : ", ") + choices[i].first;
    auto read_text = [choices, expected](std::string_view text) -> T {
        for (const auto& [name, value] : choices)
            if (name == text) return value;
        reject_text(expected, text);
    };
    auto read_json = [read_text, expected](const boost::json::value& json) -> T {
        if (!json.is_string()) reject(expected, json);
        return read_text(json.get_string());
    };
    return {expected, read_json, read_text};
}

}  // namespace tcaplus_mock
