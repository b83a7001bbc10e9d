#include "server/config/config_loader.hpp"

#include "server/config/settings.hpp"
#include "server/core/files.hpp"
#include "server/core/json_text.hpp"

#include <boost/json/stream_parser.hpp>

#include <algorithm>
#include <stdexcept>

extern char** environ;

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// Where a value came from, for messages.
struct Origin {
    std::string source;     // "config file /x.json", "environment TCAPLUS_MOCK_SERVER_PORT", "command line"
    std::string key;        // "server.port"
    bool source_names_key;  // an environment variable already says which setting it is
};

[[noreturn]] void throw_invalid(const Origin& origin, const InvalidValue& error) {
    std::string message = origin.source + ": ";
    if (!origin.source_names_key || !error.path.empty()) message += "`" + origin.key + error.path + "`: ";
    throw ConfigError(message + "expected " + error.expected + ", got " + error.got);
}

std::string key_of(const SettingMatch& match) {
    return match.setting->is_family() ? match.setting->family_prefix() + match.entry : match.setting->key;
}

void apply_json(Config& config, const SettingMatch& match, const json::value& value, const Origin& origin) {
    try {
        match.setting->apply(config, match.entry, value);
    } catch (const InvalidValue& error) {
        throw_invalid(origin, error);
    }
}

// Text (an environment variable, a flag) is read as its JSON form.
void apply_text(Config& config, const SettingMatch& match, std::string_view text, const Origin& origin) {
    try {
        const auto& setting = *match.setting;
        setting.apply(config, match.entry, text_to_json(text, setting.text_form, setting.expected));
    } catch (const InvalidValue& error) {
        throw_invalid(origin, error);
    }
}

std::string read_config_file(const std::string& path) {
    try {
        return read_whole_file(path);
    } catch (const std::runtime_error& failure) {
        throw ConfigError("config file " + path + ": " + failure.what());
    }
}

std::string line_and_column(std::string_view text, std::size_t offset) {
    const auto before = text.substr(0, std::min(offset, text.size()));
    const auto line = std::count(before.begin(), before.end(), '\n') + 1;
    const auto line_start = before.rfind('\n');
    const auto column = line_start == std::string_view::npos ? before.size() + 1 : before.size() - line_start;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

json::value parse_config_text(std::string_view text, const std::string& source) {
    json::stream_parser parser({}, jsonc_options());
    boost::system::error_code error;
    const std::size_t used = parser.write(text.data(), text.size(), error);
    if (!error) parser.finish(error);
    if (error) throw ConfigError(source + ": invalid JSON at " + line_and_column(text, used) + ": " + error.message());
    return parser.release();
}

void apply_file_object(Config& config, const json::object& object, const std::string& prefix,
                       const std::string& source) {
    for (const auto& member : object) {
        const std::string key = prefix.empty() ? std::string(member.key()) : prefix + "." + std::string(member.key());
        if (const auto match = find_setting(key)) {
            apply_json(config, *match, member.value(), {source, key, false});
        } else if (is_section(key)) {
            if (!member.value().is_object())
                throw_invalid({source, key, false}, {{}, "an object of settings", describe_value(member.value())});
            apply_file_object(config, member.value().get_object(), key, source);
        } else {
            throw ConfigError(source + ": unknown setting `" + key + "`; " + unknown_key_hint(key));
        }
    }
}

std::optional<std::string> config_file_path(const ConfigSources& sources) {
    if (sources.file_path) return sources.file_path;
    for (const auto& [name, value] : sources.environment)
        if (name == config_file_env_name && !value.empty()) return value;
    return std::nullopt;
}

void apply_file(Config& config, const std::string& path) {
    const std::string source = "config file " + path;
    if (path.empty()) throw ConfigError("config file: the path is empty");
    const auto root = parse_config_text(read_config_file(path), source);
    if (!root.is_object())
        throw ConfigError(source + ": expected a JSON object at the top level, got " + describe_value(root));
    apply_file_object(config, root.get_object(), {}, source);
}

// An unknown TCAPLUS_MOCK_* variable is only a warning: CI systems and wrapper scripts set
// variables of their own under the same prefix, and a container must still start.
void apply_environment(Config& config, const NameValueList& environment, std::vector<std::string>* warnings) {
    for (const auto& [name, value] : environment) {
        if (!name.starts_with(env_name_prefix) || name == config_file_env_name) continue;
        const auto match = find_setting_by_env(name);
        if (!match) {
            if (warnings) warnings->push_back("environment " + name + ": unknown setting, ignored; " + unknown_env_hint(name));
            continue;
        }
        apply_text(config, *match, value, {"environment " + name, key_of(*match), true});
    }
}

void apply_overrides(Config& config, const NameValueList& overrides) {
    for (const auto& [key, value] : overrides) {
        const auto match = find_setting(key);
        if (!match) throw ConfigError("command line: unknown setting `" + key + "`; " + unknown_key_hint(key));
        apply_text(config, *match, value, {"command line", key, false});
    }
}

void check_consistency(const Config& config) {
    if (config.server.body_memory < config.server.body_limit)
        throw ConfigError("configuration: server.body_memory (" + std::to_string(config.server.body_memory) +
                          ") is smaller than server.body_limit (" + std::to_string(config.server.body_limit) +
                          "), so a body at the limit could never be read; raise body_memory or lower body_limit");
    if (config.auth.mode == AuthMode::strict && config.auth.credentials.empty())
        throw ConfigError(
            "configuration: auth.mode is strict but auth.credentials is empty, so every request "
            "would be refused; add a credential or choose another auth.mode");
}

}  // namespace

Config load_config(const ConfigSources& sources, std::vector<std::string>* warnings) {
    Config config;
    if (const auto path = config_file_path(sources)) apply_file(config, *path);
    apply_environment(config, sources.environment, warnings);
    apply_overrides(config, sources.overrides);
    check_consistency(config);
    return config;
}

NameValueList current_environment() {
    NameValueList environment;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view text(*entry);
        const auto equals = text.find('=');
        if (equals == std::string_view::npos) continue;
        environment.emplace_back(text.substr(0, equals), text.substr(equals + 1));
    }
    return environment;
}

}  // namespace tcaplus_mock
