// The settings table itself: its naming rules, its defaults, and the reference and example config
// file generated from it.

#include "server/config/config_loader.hpp"

#include "server/config/config_reference.hpp"
#include "server/config/settings.hpp"
#include "server/core/files.hpp"
#include "server/emulator.hpp"
#include "tests/support/temp_files.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <cctype>
#include <set>

namespace tcaplus_mock::testing {
namespace {

namespace json = boost::json;

TEST(SettingsTable, KeysEnvNamesAndFlagsAreUnique) {
    std::set<std::string> keys, env_names, flags;
    for (const auto& setting : settings()) {
        EXPECT_TRUE(keys.insert(setting.key).second) << setting.key;
        EXPECT_TRUE(env_names.insert(setting.env_name()).second) << setting.env_name();
        if (!setting.flag.empty()) {
            EXPECT_TRUE(flags.insert(setting.flag_name()).second) << setting.flag;
        }
    }
}

TEST(SettingsTable, EveryRowIsDocumented) {
    for (const auto& setting : settings()) {
        SCOPED_TRACE(setting.key);
        EXPECT_FALSE(setting.description.empty());
        EXPECT_FALSE(setting.expected.empty());
        EXPECT_TRUE(setting.apply);
        EXPECT_TRUE(setting.show);
    }
}

TEST(SettingsTable, EnvNameIsPrefixPlusKeyUppercasedWithUnderscores) {
    for (const auto& setting : settings()) {
        if (setting.is_family()) continue;
        std::string expected = "TCAPLUS_MOCK_";
        for (char c : setting.key) expected += c == '.' ? '_' : static_cast<char>(std::toupper(c));
        EXPECT_EQ(setting.env_name(), expected);
    }
}

struct NameCase {
    std::string name;
    std::optional<std::string> key;  // the row found; nullopt = none
    std::string entry;
};

TEST(SettingsTable, FindsRowsByKey) {
    const NameCase cases[] = {
        {"server.port", "server.port", ""},
        {"storage.busy_timeout_ms", "storage.busy_timeout_ms", ""},
        {"rate_limits.CreateSnapshots", "rate_limits.<Action>", "CreateSnapshots"},
        {"rate_limits.describesnapshots", "rate_limits.<Action>", "describesnapshots"},
        {"rate_limits.", std::nullopt, ""},
        {"rate_limits", std::nullopt, ""},
        {"rate_limits.Create-Snapshots", std::nullopt, ""},
        {"rate_limits.<Action>", std::nullopt, ""},
        {"server", std::nullopt, ""},
        {"server.prot", std::nullopt, ""},
        {"SERVER.PORT", std::nullopt, ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto match = find_setting(c.name);
        ASSERT_EQ(match.has_value(), c.key.has_value());
        if (!match) continue;
        EXPECT_EQ(match->setting->key, *c.key);
        EXPECT_EQ(match->entry, c.entry);
    }
}

TEST(SettingsTable, FindsRowsByEnvironmentName) {
    const NameCase cases[] = {
        {"TCAPLUS_MOCK_SERVER_PORT", "server.port", ""},
        {"TCAPLUS_MOCK_STORAGE_BUSY_TIMEOUT_MS", "storage.busy_timeout_ms", ""},
        {"TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots", "rate_limits.<Action>", "CreateSnapshots"},
        {"TCAPLUS_MOCK_RATE_LIMITS_", std::nullopt, ""},
        {"TCAPLUS_MOCK_RATE_LIMITS", std::nullopt, ""},
        {"TCAPLUS_MOCK_SERVER_PROT", std::nullopt, ""},
        {"TCAPLUS_MOCK_server_port", std::nullopt, ""},
        {"TCAPLUS_MOCK_CONFIG", std::nullopt, ""},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto match = find_setting_by_env(c.name);
        ASSERT_EQ(match.has_value(), c.key.has_value());
        if (!match) continue;
        EXPECT_EQ(match->setting->key, *c.key);
        EXPECT_EQ(match->entry, c.entry);
    }
}

TEST(SettingsTable, ShorthandFlagsNameTheirSettings) {
    const std::pair<std::string, std::string> cases[] = {
        {"bind", "server.bind"}, {"port", "server.port"}, {"db", "storage.path"}, {"threads", "server.threads"},
        {"auth-mode", "auth.mode"}, {"log-format", "log.format"},
    };
    for (const auto& [flag, key] : cases) {
        const auto* setting = find_setting_by_flag(flag);
        ASSERT_NE(setting, nullptr) << flag;
        EXPECT_EQ(setting->key, key);
    }
    EXPECT_EQ(find_setting_by_flag("set"), nullptr);
    EXPECT_EQ(find_setting_by_flag(""), nullptr);
}

TEST(SettingsTable, SectionsAreKeyPrefixes) {
    for (const char* section :
         {"server", "storage", "api", "limits", "snapshots", "resources", "auth", "rate_limits", "log"}) {
        EXPECT_TRUE(is_section(section)) << section;
    }
    for (const char* other : {"", "serv", "server.port", "rate", "x"}) EXPECT_FALSE(is_section(other)) << other;
}

TEST(SettingsTable, HintsForUnknownNames) {
    EXPECT_EQ(unknown_key_hint("server.prot"), "did you mean `server.port`?");
    EXPECT_EQ(unknown_key_hint("auth.mod"), "did you mean `auth.mode`?");
    EXPECT_NE(unknown_key_hint("rate_limits.Create-Snapshots").find("takes a name of letters"), std::string::npos);
    EXPECT_EQ(unknown_key_hint("completely.different"), "run tcaplus-mock --help for the list of settings");
    EXPECT_EQ(unknown_env_hint("TCAPLUS_MOCK_SERVER_PROT"), "did you mean TCAPLUS_MOCK_SERVER_PORT?");
    EXPECT_NE(unknown_env_hint("TCAPLUS_MOCK_RATE_LIMITS_").find("TCAPLUS_MOCK_RATE_LIMITS_<Action>"),
              std::string::npos);
}

// A row's default, shown from Config{} and read back as an environment variable would be, leaves
// Config{} as it was: what the reference shows as the default is the default.
TEST(SettingsTable, ShownDefaultsReadBackAsTheDefaults) {
    for (const auto& setting : settings()) {
        if (setting.is_family()) continue;
        const auto shown = setting.show(Config{});
        ASSERT_TRUE(shown.has_value()) << setting.key;
        SCOPED_TRACE(setting.key + " = " + json::serialize(*shown));
        Config config;
        ASSERT_NO_THROW(setting.apply(config, "", *shown));
        EXPECT_TRUE(config == Config{});
        const std::string text = shown->is_string() ? std::string(shown->get_string()) : json::serialize(*shown);
        ASSERT_NO_THROW(setting.apply(config, "", text_to_json(text, setting.text_form, setting.expected)));
        EXPECT_TRUE(config == Config{});
    }
}

// The committed reference and example file are what the rows generate; regenerate them with
// `build/server/tcaplus-mock --help=markdown > docs/configuration.md` and
// `build/server/tcaplus-mock --help=config > config/tcaplus-mock.example.jsonc`.
TEST(SettingsTable, CommittedReferenceIsGenerated) {
    EXPECT_EQ(read_whole_file(TCAPLUS_MOCK_CONFIGURATION_DOC_PATH), configuration_markdown(documented_frequency_limits()))
        << "docs/configuration.md differs from `tcaplus-mock --help=markdown`";
    EXPECT_EQ(read_whole_file(TCAPLUS_MOCK_EXAMPLE_CONFIG_PATH), example_config_file(documented_frequency_limits()))
        << "config/tcaplus-mock.example.jsonc differs from `tcaplus-mock --help=config`";
}

TEST(SettingsTable, TheExampleFileLoadsAsTheDefaults) {
    EXPECT_TRUE(load_config({std::string(TCAPLUS_MOCK_EXAMPLE_CONFIG_PATH), {}, {}}) == Config{});
}

TEST(SettingsTable, TheReferenceNamesEverySetting) {
    const auto reference = configuration_markdown(documented_frequency_limits());
    for (const auto& setting : settings()) {
        if (setting.is_family()) {
            for (const auto& [action, per_second] : documented_frequency_limits())
                EXPECT_NE(reference.find("| `" + setting.family_prefix() + action + "` | `" + setting.env_prefix() + action +
                                         "` |  | `" + std::to_string(per_second) + "`"),
                          std::string::npos)
                    << action;
            continue;
        }
        EXPECT_NE(reference.find("`" + setting.key + "`"), std::string::npos) << setting.key;
        EXPECT_NE(reference.find(setting.env_name()), std::string::npos) << setting.env_name();
        if (!setting.flag.empty()) {
            EXPECT_NE(reference.find("--" + setting.flag), std::string::npos) << setting.flag;
        }
    }
}

}  // namespace
}  // namespace tcaplus_mock::testing
