// The settings table itself: its naming rules, its defaults, and that the README and the example
// config file keep up with it.

#include "server/config/config_loader.hpp"
#include "server/config/settings.hpp"
#include "tests/unit/config/config_test_util.hpp"

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <cctype>
#include <set>

namespace tcaplus_mock {
namespace {

namespace json = boost::json;

TEST(SettingsTable, KeysEnvNamesAndFlagsAreUnique) {
    std::set<std::string> keys, env_names, flags;
    for (const auto& setting : settings()) {
        EXPECT_TRUE(keys.insert(setting.key()).second) << setting.key();
        EXPECT_TRUE(env_names.insert(setting.env_name()).second) << setting.env_name();
        if (!setting.text.flag.empty()) {
            EXPECT_TRUE(flags.insert(setting.flag_name()).second) << setting.text.flag;
        }
    }
}

TEST(SettingsTable, EveryRowIsDocumented) {
    for (const auto& setting : settings()) {
        SCOPED_TRACE(setting.key());
        EXPECT_FALSE(setting.text.description.empty());
        EXPECT_FALSE(setting.expected.empty());
        EXPECT_TRUE(setting.read_json);
        EXPECT_TRUE(setting.read_text);
    }
}

TEST(SettingsTable, EnvNameIsPrefixPlusKeyUppercasedWithUnderscores) {
    for (const auto& setting : settings()) {
        if (setting.is_family()) continue;
        std::string expected = "TCAPLUS_MOCK_";
        for (char c : setting.key()) expected += c == '.' ? '_' : static_cast<char>(std::toupper(c));
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
        EXPECT_EQ(match->setting->key(), *c.key);
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
        EXPECT_EQ(match->setting->key(), *c.key);
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
        EXPECT_EQ(setting->key(), key);
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

// Each default text, read like an environment variable, must give the value Config already has:
// the documentation cannot claim a default the code does not use.
TEST(SettingsTable, DefaultTextsAreTheActualDefaults) {
    for (const auto& setting : settings()) {
        if (setting.is_family()) continue;
        SCOPED_TRACE(setting.key() + " = " + setting.text.default_text);
        Config config = default_config();
        ASSERT_NO_THROW(setting.read_text(config, "", setting.text.default_text));
        EXPECT_TRUE(config == default_config());
    }
}

TEST(SettingsTable, ReadmeDocumentsEverySetting) {
    const std::string readme = testing::read_whole_file(TCAPLUS_MOCK_README_PATH);
    ASSERT_FALSE(readme.empty());
    EXPECT_NE(readme.find("TCAPLUS_MOCK_CONFIG"), std::string::npos);
    for (const auto& setting : settings()) {
        EXPECT_NE(readme.find("`" + setting.key() + "`"), std::string::npos) << setting.key();
        EXPECT_NE(readme.find(setting.env_name()), std::string::npos) << setting.env_name();
        if (!setting.text.flag.empty()) {
            EXPECT_NE(readme.find("--" + setting.flag_name()), std::string::npos) << setting.text.flag;
        }
    }
}

const json::value* find_path(const json::value& root, const std::string& key) {
    const json::value* node = &root;
    for (std::size_t start = 0; node && start <= key.size();) {
        const auto dot = std::min(key.find('.', start), key.size());
        node = node->is_object() ? node->get_object().if_contains(key.substr(start, dot - start)) : nullptr;
        start = dot + 1;
    }
    return node;
}

TEST(SettingsTable, ExampleConfigShowsEverySetting) {
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    const auto root = json::parse(testing::read_whole_file(TCAPLUS_MOCK_EXAMPLE_CONFIG_PATH), {}, options);
    for (const auto& setting : settings()) {
        const std::string prefix = setting.family_prefix();
        const std::string key = setting.is_family() ? prefix.substr(0, prefix.size() - 1) : setting.key();
        EXPECT_NE(find_path(root, key), nullptr) << key;
    }
}

}  // namespace
}  // namespace tcaplus_mock
