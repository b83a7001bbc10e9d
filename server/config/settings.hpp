#pragma once
// The settings table: every setting of the emulator, one row each, in the order the help text
// and the README list them. Adding a setting = adding a field to Config and a row in settings.cpp.

#include "server/config/setting.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

// The whole table; built on first use, then immutable (safe to read from any thread).
const std::vector<Setting>& settings();

// The environment variable that names a config file; not a setting itself.
inline constexpr const char* config_file_env_name = "TCAPLUS_MOCK_CONFIG";
inline constexpr const char* env_name_prefix = "TCAPLUS_MOCK_";

// A row found for a key or an environment variable; `entry` is the family entry's name.
struct SettingMatch {
    const Setting* setting;
    std::string entry;
};

// Family entry names are ASCII letters only (action names such as CreateSnapshots).
bool is_entry_name(std::string_view name);

// "server.port" -> its row; "rate_limits.CreateSnapshots" -> the family row with entry
// "CreateSnapshots"; nullopt for anything else.
std::optional<SettingMatch> find_setting(std::string_view key);
// "TCAPLUS_MOCK_SERVER_PORT" -> its row; "TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots" -> the family
// row with entry "CreateSnapshots"; nullopt for anything else.
std::optional<SettingMatch> find_setting_by_env(std::string_view env_name);
// The row whose shorthand flag is `flag` ("port"); nullptr if none.
const Setting* find_setting_by_flag(std::string_view flag);

// Whether `path` is a group of keys in the file ("server", "rate_limits").
bool is_section(std::string_view path);
// A sentence to append to "unknown setting `key`": a close known key, or how a family is spelled.
std::string unknown_key_hint(std::string_view key);
// The same for an unknown TCAPLUS_MOCK_* environment variable.
std::string unknown_env_hint(std::string_view env_name);

}  // namespace tcaplus_mock
