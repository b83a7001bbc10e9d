#pragma once
// Setting: one row of the settings table (settings.hpp). A row names a key, documents it, and
// knows how to read a value for it from the config file (JSON) or from text (environment, flags)
// into a Config. The file reader, the environment reader, `--set`, `--help` and the README test
// all work from the same rows.

#include "server/config/config.hpp"
#include "server/config/value_kind.hpp"

#include <boost/json/value.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace tcaplus_mock {

// The documentation half of a row.
struct SettingText {
    // Dotted path in the config file. A key ending in ".<Name>" is a family: one entry per name,
    // e.g. "rate_limits.<Action>" holds rate_limits.CreateSnapshots, rate_limits.DeleteSnapshots.
    std::string key;
    std::string default_text;  // the default in the setting's text form; "" for a family
    std::string flag = {};     // shorthand flag and its value's name: "port N" for --port N; "" if none
    std::string description = {};
};

struct Setting {
    SettingText text;
    std::string expected;  // completes "expected ...", e.g. "an integer from 0 to 65535"
    // Both store a value into `config` or throw InvalidValue, leaving `config` unchanged.
    // `entry` is the family entry's name ("CreateSnapshots"), "" for an ordinary row.
    std::function<void(Config& config, std::string_view entry, const boost::json::value& value)> read_json;
    std::function<void(Config& config, std::string_view entry, std::string_view text)> read_text;

    const std::string& key() const { return text.key; }
    std::string flag_name() const;        // "port" for "port N"
    std::string flag_value_name() const;  // "N" for "port N"
    bool is_family() const;
    std::string family_prefix() const;  // "rate_limits." for "rate_limits.<Action>"; "" otherwise
    // TCAPLUS_MOCK_ + the key uppercased with '.' -> '_'. A family's entry name keeps its own
    // spelling: TCAPLUS_MOCK_RATE_LIMITS_<Action>, e.g. TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots.
    std::string env_name() const;
    std::string env_prefix() const;  // a family's env_name() without "<Action>"; "" otherwise
};

// An ordinary row: `store` receives the value read by `kind`.
template <class T>
Setting make_setting(SettingText text, ValueKind<T> kind, std::type_identity_t<std::function<void(Config&, T)>> store) {
    auto read_json = [from = kind.from_json, store](Config& config, std::string_view, const boost::json::value& value) {
        store(config, from(value));
    };
    auto read_text = [from = kind.from_text, store](Config& config, std::string_view, std::string_view value) {
        store(config, from(value));
    };
    return {std::move(text), kind.expected, read_json, read_text};
}

// A family row: `store` also receives the entry's name.
template <class T>
Setting make_family(SettingText text, ValueKind<T> kind,
                    std::type_identity_t<std::function<void(Config&, std::string_view, T)>> store) {
    auto read_json = [from = kind.from_json, store](Config& config, std::string_view entry,
                                                    const boost::json::value& value) {
        store(config, entry, from(value));
    };
    auto read_text = [from = kind.from_text, store](Config& config, std::string_view entry, std::string_view value) {
        store(config, entry, from(value));
    };
    return {std::move(text), kind.expected, read_json, read_text};
}

}  // namespace tcaplus_mock
