#pragma once
// Setting: one row of the settings table (settings.hpp). A row names a key, documents it, and
// reads a value for it into a Config from its JSON form; text (environment, flags) is turned into
// JSON first (value_kind.hpp). The file reader, the environment reader, `--set`, `--help` and the
// generated configuration reference all work from the same rows, and a row's default is whatever
// Config{} holds, written back by its kind.

#include "server/config/config.hpp"
#include "server/config/value_kind.hpp"

#include <boost/json/value.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace tcaplus_mock {

struct Setting {
    // Dotted path in the config file. A key ending in ".<Name>" is a family: one entry per name,
    // e.g. "rate_limits.<Action>" holds rate_limits.CreateSnapshots, rate_limits.DeleteSnapshots.
    std::string key;
    std::string flag;  // shorthand flag and its value's name: "port N" for --port N; "" if none
    std::string description;
    std::string expected;  // completes "expected ...", e.g. "an integer from 0 to 65535"
    TextForm text_form = TextForm::string;
    // Stores a value into `config` or throws InvalidValue, leaving `config` unchanged. `entry` is
    // the family entry's name ("CreateSnapshots"), "" for an ordinary row.
    std::function<void(Config& config, std::string_view entry, const boost::json::value& value)> apply;
    // The JSON form of this row's value in `config`; nullopt for a family.
    std::function<std::optional<boost::json::value>(const Config& config)> show;

    std::string flag_name() const;        // "port" for "port N"
    std::string flag_value_name() const;  // "N" for "port N"
    bool is_family() const;
    std::string family_prefix() const;  // "rate_limits." for "rate_limits.<Action>"; "" otherwise
    // TCAPLUS_MOCK_ + the key uppercased with '.' -> '_'. A family's entry name keeps its own
    // spelling: TCAPLUS_MOCK_RATE_LIMITS_<Action>, e.g. TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots.
    std::string env_name() const;
    std::string env_prefix() const;  // a family's env_name() without "<Action>"; "" otherwise
};

// An ordinary row. `field` gives the Config member the row sets: [](Config& c) -> T& { return c.server.port; }.
template <class T, class Field>
Setting make_setting(std::string key, std::string flag, std::string description, ValueKind<T> kind, Field field) {
    static_assert(std::is_same_v<std::invoke_result_t<Field, Config&>, T&>, "the field must have the kind's type");
    auto apply = [read = kind.read, field](Config& config, std::string_view, const boost::json::value& value) {
        field(config) = read(value);
    };
    auto show = [write = kind.write, field](const Config& config) -> std::optional<boost::json::value> {
        Config copy = config;
        return write(field(copy));
    };
    return {std::move(key), std::move(flag), std::move(description), kind.expected, kind.text_form, apply, show};
}

// A family row: `field` also receives the entry's name.
template <class T, class Field>
Setting make_family(std::string key, std::string description, ValueKind<T> kind, Field field) {
    auto apply = [read = kind.read, field](Config& config, std::string_view entry, const boost::json::value& value) {
        field(config, entry) = read(value);
    };
    auto show = [](const Config&) -> std::optional<boost::json::value> { return std::nullopt; };
    return {std::move(key), {}, std::move(description), kind.expected, kind.text_form, apply, show};
}

}  // namespace tcaplus_mock
