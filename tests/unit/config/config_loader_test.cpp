#include "server/config/config_loader.hpp"

#include "server/core/files.hpp"
#include "tests/support/temp_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace tcaplus_mock::testing {
namespace {

using std::chrono::seconds;

Config load_with_file(const std::string& content, NameValueList environment = {}, NameValueList overrides = {}) {
    const TempFile file(content);
    return load_config({file.path(), std::move(environment), std::move(overrides)});
}

TEST(LoadConfig, NoSourcesGiveTheDefaults) {
    const Config config = load_config({});
    EXPECT_TRUE(config == Config{});
    EXPECT_EQ(config.server.bind, "127.0.0.1");
    EXPECT_EQ(config.server.port, 8023);
    EXPECT_EQ(config.storage.path, "tcaplus-mock.db");
    EXPECT_EQ(config.api.utc_offset, seconds{8 * 3600});
    EXPECT_EQ(config.auth.mode, AuthMode::any);
    EXPECT_FALSE(config.snapshots.max_age.has_value());
    EXPECT_FALSE(config.snapshots.max_per_table.has_value());
    ASSERT_EQ(config.auth.credentials.size(), 1u);
    EXPECT_EQ(config.auth.credentials[0].secret_id, default_test_secret_id);
    EXPECT_EQ(config.auth.credentials[0].secret_key, default_test_secret_key);
    EXPECT_TRUE(config.rate_limits.empty());
}

TEST(LoadConfig, FileOverridesDefaults) {
    const Config config = load_with_file(R"({
        "server": {"bind": "0.0.0.0", "port": 9000, "idle_timeout": "2m", "body_limit": 1048576},
        "storage": {"path": ":memory:", "synchronous": "full", "busy_timeout_ms": 100},
        "api": {"regions": ["ap-guangzhou", "ap-shanghai"], "time_zone": "-05:00"},
        "limits": {"max_batch": 5},
        "snapshots": {"max_age": "7d", "max_per_table": 3},
        "auth": {"mode": "off", "timestamp_window": 60, "debug": false},
        "rate_limits": {"CreateSnapshots": 5, "DeleteSnapshots": 0},
        "log": {"format": "json", "requests": false}
    })");
    EXPECT_EQ(config.server.bind, "0.0.0.0");
    EXPECT_EQ(config.server.port, 9000);
    EXPECT_EQ(config.server.idle_timeout, seconds{120});
    EXPECT_EQ(config.server.body_limit, 1048576u);
    EXPECT_EQ(config.server.read_timeout, seconds{30});  // not in the file: default kept
    EXPECT_EQ(config.storage.path, ":memory:");
    EXPECT_TRUE(config.storage.synchronous_full);
    EXPECT_EQ(config.storage.busy_timeout, std::chrono::milliseconds{100});
    EXPECT_EQ(config.api.regions, (std::vector<std::string>{"ap-guangzhou", "ap-shanghai"}));
    EXPECT_EQ(config.api.utc_offset, seconds{-5 * 3600});
    EXPECT_EQ(config.limits.max_batch, 5u);
    EXPECT_EQ(config.snapshots.max_age, seconds{7 * 86400});
    EXPECT_EQ(config.snapshots.max_per_table, 3u);
    EXPECT_EQ(config.auth.mode, AuthMode::off);
    EXPECT_EQ(config.auth.timestamp_window, seconds{60});
    EXPECT_FALSE(config.auth.debug);
    EXPECT_EQ(config.rate_limits, (std::map<std::string, unsigned>{{"CreateSnapshots", 5}, {"DeleteSnapshots", 0}}));
    EXPECT_EQ(config.log.format, LogFormat::json);
    EXPECT_FALSE(config.log.requests);
}

TEST(LoadConfig, FileMayHaveCommentsAndTrailingCommas) {
    const Config config = load_with_file(R"(// leading comment
        {
          /* block */ "server": {
            "port": 9001, // trailing comment
          },
        })");
    EXPECT_EQ(config.server.port, 9001);
}

// Each source in turn overrides the one below it; a source that says nothing leaves the lower one.
struct PrecedenceCase {
    std::string name;
    std::optional<std::string> file_port;
    std::optional<std::string> env_port;
    std::vector<std::string> flag_ports;
    std::uint16_t expected;
};

TEST(LoadConfig, FlagsOverrideEnvironmentOverridesFileOverridesDefaults) {
    const PrecedenceCase cases[] = {
        {"defaults", std::nullopt, std::nullopt, {}, 8023},
        {"file", "1001", std::nullopt, {}, 1001},
        {"env over file", "1001", "1002", {}, 1002},
        {"env alone", std::nullopt, "1002", {}, 1002},
        {"flag over env", "1001", "1002", {"1003"}, 1003},
        {"flag over file", "1001", std::nullopt, {"1003"}, 1003},
        {"last flag wins", std::nullopt, std::nullopt, {"1003", "1004"}, 1004},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const TempFile file(R"({"server": {"port": )" + c.file_port.value_or("8023") + "}}");
        ConfigSources sources;
        if (c.file_port) sources.file_path = file.path();
        if (c.env_port) sources.environment.emplace_back("TCAPLUS_MOCK_SERVER_PORT", *c.env_port);
        for (const auto& port : c.flag_ports) sources.overrides.emplace_back("server.port", port);
        EXPECT_EQ(load_config(sources).server.port, c.expected);
    }
}

TEST(LoadConfig, EnvironmentNamesTheConfigFileUnlessAFlagDoes) {
    const TempFile env_file(R"({"server": {"port": 1111}})");
    const TempFile flag_file(R"({"server": {"port": 2222}})");
    EXPECT_EQ(load_config({std::nullopt, {{"TCAPLUS_MOCK_CONFIG", env_file.path()}}, {}}).server.port, 1111);
    EXPECT_EQ(load_config({flag_file.path(), {{"TCAPLUS_MOCK_CONFIG", env_file.path()}}, {}}).server.port, 2222);
    EXPECT_EQ(load_config({std::nullopt, {{"TCAPLUS_MOCK_CONFIG", ""}}, {}}).server.port, 8023);
}

TEST(LoadConfig, OtherEnvironmentVariablesAreIgnored) {
    const Config config = load_config({std::nullopt, {{"PATH", "/bin"}, {"TCAPLUS_MOCKX", "1"}, {"HOME", "/"}}, {}});
    EXPECT_TRUE(config == Config{});
}

TEST(LoadConfig, EveryKindReadsFromTheEnvironment) {
    const Config config = load_config({std::nullopt,
                                       {{"TCAPLUS_MOCK_SERVER_BIND", "::"},
                                        {"TCAPLUS_MOCK_SERVER_THREADS", "4"},
                                        {"TCAPLUS_MOCK_STORAGE_SYNCHRONOUS", "full"},
                                        {"TCAPLUS_MOCK_API_REGIONS", "ap-guangzhou,ap-beijing"},
                                        {"TCAPLUS_MOCK_API_TIME_ZONE", "Z"},
                                        {"TCAPLUS_MOCK_SNAPSHOTS_MAX_AGE", "36h"},
                                        {"TCAPLUS_MOCK_AUTH_DEBUG", "0"},
                                        {"TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots", "7"},
                                        {"TCAPLUS_MOCK_LOG_FORMAT", "json"}},
                                       {}});
    EXPECT_EQ(config.server.bind, "::");
    EXPECT_EQ(config.server.threads, 4u);
    EXPECT_TRUE(config.storage.synchronous_full);
    EXPECT_EQ(config.api.regions, (std::vector<std::string>{"ap-guangzhou", "ap-beijing"}));
    EXPECT_EQ(config.api.utc_offset, seconds{0});
    EXPECT_EQ(config.snapshots.max_age, seconds{36 * 3600});
    EXPECT_FALSE(config.auth.debug);
    EXPECT_EQ(config.rate_limits.at("CreateSnapshots"), 7u);
    EXPECT_EQ(config.log.format, LogFormat::json);
}

TEST(LoadConfig, RateLimitsMergePerActionAcrossSources) {
    const Config config = load_with_file(R"({"rate_limits": {"CreateSnapshots": 1, "DeleteSnapshots": 2}})",
                                         {{"TCAPLUS_MOCK_RATE_LIMITS_DeleteSnapshots", "3"}},
                                         {{"rate_limits.ModifySnapshots", "4"}, {"rate_limits.CreateSnapshots", "0"}});
    EXPECT_EQ(config.rate_limits, (std::map<std::string, unsigned>{
                                      {"CreateSnapshots", 0}, {"DeleteSnapshots", 3}, {"ModifySnapshots", 4}}));
}

TEST(LoadConfig, ListsAreReplacedWholeByAHigherSource) {
    const Config config = load_with_file(R"({"api": {"regions": ["ap-guangzhou", "ap-shanghai"]}})",
                                         {{"TCAPLUS_MOCK_API_REGIONS", "ap-beijing"}});
    EXPECT_EQ(config.api.regions, std::vector<std::string>{"ap-beijing"});
    EXPECT_TRUE(load_config({std::nullopt, {{"TCAPLUS_MOCK_API_REGIONS", ""}}, {}}).api.regions.empty());
}

TEST(LoadConfig, LimitsOfZeroOrEmptyMeanNoLimit) {
    struct Case {
        std::string max_age;
        std::optional<seconds> expected;
    };
    const Case cases[] = {{"0", std::nullopt}, {"", std::nullopt}, {"3600", seconds{3600}},
                          {"90m", seconds{5400}}, {"1d", seconds{86400}}};
    for (const auto& c : cases) {
        SCOPED_TRACE(c.max_age);
        EXPECT_EQ(load_config({std::nullopt, {}, {{"snapshots.max_age", c.max_age}}}).snapshots.max_age, c.expected);
    }
    EXPECT_EQ(load_with_file(R"({"snapshots": {"max_age": ""}})").snapshots.max_age, std::nullopt);
    const auto max_per_table = [](std::string text) {
        return load_config({std::nullopt, {}, {{"snapshots.max_per_table", std::move(text)}}}).snapshots.max_per_table;
    };
    EXPECT_EQ(max_per_table("0"), std::nullopt);
    EXPECT_EQ(max_per_table("12"), 12u);
}

TEST(LoadConfig, CredentialsAndClustersFromFileAndEnvironment) {
    const Config config = load_with_file(R"({
        "resources": {"mode": "strict", "clusters": [
            {"id": "18685341856", "table_groups": [{"id": "1", "tables": ["cl_generic"]}]}]},
        "auth": {"mode": "strict", "credentials": [
            {"secret_id": "AKID1", "secret_key": "key1", "token": "tok", "sub_account": "ci"}]}
    })", {{"TCAPLUS_MOCK_AUTH_CREDENTIALS", R"([{"secret_id": "AKID2", "secret_key": "key2"}])"}});
    EXPECT_EQ(config.resources.mode, ResourcesMode::strict);
    ASSERT_EQ(config.resources.clusters.size(), 1u);
    EXPECT_EQ(config.resources.clusters[0].id, "18685341856");
    ASSERT_EQ(config.resources.clusters[0].table_groups.size(), 1u);
    EXPECT_EQ(config.resources.clusters[0].table_groups[0].id, "1");
    EXPECT_EQ(config.resources.clusters[0].table_groups[0].tables, std::vector<std::string>{"cl_generic"});
    EXPECT_EQ(config.auth.credentials, (std::vector<Credential>{{"AKID2", "key2", "", ""}}));
}

// Every way a configuration can be wrong, and the one line that must say so. `{file}` stands
// for the temporary file's path.
struct ErrorCase {
    std::string name;
    std::optional<std::string> file;
    NameValueList environment;
    NameValueList overrides;
    std::string message;  // the whole message, or with `contains` a part of it
    bool contains = false;
};

const ErrorCase error_cases[] = {
    {"unknown key in file", R"({"server": {"prot": 1}})", {}, {},
     "config file {file}: unknown setting `server.prot`; did you mean `server.port`?"},
    {"unknown section in file", R"({"sevrer": {"port": 1}})", {}, {},
     "config file {file}: unknown setting `sevrer`; did you mean `server`?"},
    {"unknown --set key", std::nullopt, {}, {{"server.prot", "1"}},
     "command line: unknown setting `server.prot`; did you mean `server.port`?"},
    {"wrong type in file", R"({"server": {"port": "abc"}})", {}, {},
     "config file {file}: `server.port`: expected an integer from 0 to 65535, got \"abc\""},
    {"out of range in environment", std::nullopt, {{"TCAPLUS_MOCK_SERVER_PORT", "70000"}}, {},
     "environment TCAPLUS_MOCK_SERVER_PORT: expected an integer from 0 to 65535, got 70000"},
    {"out of range in file", R"({"limits": {"max_batch": 0}})", {}, {},
     "config file {file}: `limits.max_batch`: expected an integer from 1 to 1000000, got 0"},
    {"bad choice in environment", std::nullopt, {{"TCAPLUS_MOCK_AUTH_MODE", "maybe"}}, {},
     "environment TCAPLUS_MOCK_AUTH_MODE: expected one of off, any, strict, got \"maybe\""},
    {"bad choice on command line", std::nullopt, {}, {{"log.format", "xml"}},
     "command line: `log.format`: expected one of text, json, got \"xml\""},
    {"bad boolean", std::nullopt, {{"TCAPLUS_MOCK_AUTH_DEBUG", "yes"}}, {},
     "environment TCAPLUS_MOCK_AUTH_DEBUG: expected true or false (also 1 or 0), got \"yes\""},
    {"bad duration", std::nullopt, {}, {{"snapshots.max_age", "7w"}},
     "command line: `snapshots.max_age`: expected a duration", true},
    {"bad duration in file", R"({"server": {"idle_timeout": "forever"}})", {}, {}, "got \"forever\"", true},
    {"bad time zone", R"({"api": {"time_zone": "+25:00"}})", {}, {},
     "config file {file}: `api.time_zone`: expected a UTC offset such as +08:00, -05:30, +0800, UTC+8 or Z, "
     "got \"+25:00\""},
    {"bad address", std::nullopt, {{"TCAPLUS_MOCK_SERVER_BIND", "localhost"}}, {},
     "environment TCAPLUS_MOCK_SERVER_BIND: expected an IPv4 or IPv6 address", true},
    {"bad region", std::nullopt, {{"TCAPLUS_MOCK_API_REGIONS", "Guangzhou"}}, {}, "got \"Guangzhou\"", true},
    {"section not an object", R"({"server": 5})", {}, {},
     "config file {file}: `server`: expected an object of settings, got 5"},
    {"top level not an object", "[1, 2]", {}, {},
     "config file {file}: expected a JSON object at the top level, got [1,2]"},
    {"malformed JSON", "{\n  \"server\": {\"port\": 1,, }\n}", {}, {},
     "config file {file}: invalid JSON at line 2, column 24: syntax error"},
    {"truncated JSON", "{\"server\": {", {}, {}, "config file {file}: invalid JSON at line 1", true},
    {"nested credential error", std::nullopt, {{"TCAPLUS_MOCK_AUTH_CREDENTIALS", R"([{"secret_id": "A"}])"}}, {},
     "environment TCAPLUS_MOCK_AUTH_CREDENTIALS: `auth.credentials[0].secret_key`: "
     "expected a non-empty string, got nothing"},
    {"credentials not JSON", std::nullopt, {{"TCAPLUS_MOCK_AUTH_CREDENTIALS", "AKID:key"}}, {},
     "environment TCAPLUS_MOCK_AUTH_CREDENTIALS: expected a JSON array of objects", true},
    {"nested cluster error in file",
     R"({"resources": {"clusters": [{"id": "1", "table_groups": [{"id": 2}]}]}})", {}, {},
     "config file {file}: `resources.clusters[0].table_groups[0].id`: expected a non-empty string, got 2"},
    {"rate limit out of range", std::nullopt, {{"TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots", "-1"}}, {},
     "environment TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots: expected an integer from 0 to 1000000, got -1"},
    {"rate limit wrong type in file", R"({"rate_limits": {"CreateSnapshots": "x"}})", {}, {},
     "config file {file}: `rate_limits.CreateSnapshots`: expected an integer from 0 to 1000000, got \"x\""},
    {"rate limit bad action name", std::nullopt, {}, {{"rate_limits.Create-Snapshots", "1"}},
     "command line: unknown setting `rate_limits.Create-Snapshots`; `rate_limits.<Action>` takes a name of letters",
     true},
    {"strict auth without credentials", std::nullopt, {{"TCAPLUS_MOCK_AUTH_MODE", "strict"}},
     {{"auth.credentials", "[]"}}, "auth.mode is strict but auth.credentials is empty", true},
};

TEST(LoadConfig, UnknownEnvironmentVariablesAreWarningsNotErrors) {
    std::vector<std::string> warnings;
    const auto config = load_config({std::nullopt,
                                     {{"TCAPLUS_MOCK_SERVER_PROT", "1"}, {"TCAPLUS_MOCK_RATE_LIMITS", "5"},
                                      {"TCAPLUS_MOCK_SERVER_PORT", "9000"}},
                                     {}},
                                    &warnings);
    EXPECT_EQ(config.server.port, 9000);
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_EQ(warnings[0],
              "environment TCAPLUS_MOCK_SERVER_PROT: unknown setting, ignored; did you mean TCAPLUS_MOCK_SERVER_PORT?");
    EXPECT_NE(warnings[1].find("environment TCAPLUS_MOCK_RATE_LIMITS: unknown setting, ignored"), std::string::npos);
    EXPECT_NO_THROW(load_config({std::nullopt, {{"TCAPLUS_MOCK_BIN", "/x"}}, {}}));
}

TEST(LoadConfig, ErrorsNameTheSourceTheKeyAndWhatWasExpected) {
    for (const auto& c : error_cases) {
        SCOPED_TRACE(c.name);
        const TempFile file(c.file.value_or("{}"));
        std::string expected = c.message;
        if (const auto at = expected.find("{file}"); at != std::string::npos) expected.replace(at, 6, file.path());
        try {
            load_config({c.file ? std::optional(file.path()) : std::nullopt, c.environment, c.overrides});
            ADD_FAILURE() << "no error";
        } catch (const ConfigError& error) {
            if (c.contains) {
                EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
            } else {
                EXPECT_EQ(error.what(), expected);
            }
        }
    }
}

TEST(LoadConfig, UnreadableConfigFilesAreErrorsNamingThePath) {
    const auto missing = (std::filesystem::temp_directory_path() / "tcaplus-mock-no-such-file.jsonc").string();
    const auto directory = std::filesystem::temp_directory_path().string();
    const std::pair<ConfigSources, std::string> cases[] = {
        {{missing, {}, {}}, "config file " + missing + ": cannot be opened: No such file or directory"},
        {{std::nullopt, {{"TCAPLUS_MOCK_CONFIG", missing}}, {}}, "config file " + missing + ": cannot be opened"},
        {{directory, {}, {}}, "config file " + directory + ": is a directory, expected a file"},
        {{std::string(), {}, {}}, "config file: the path is empty"},
    };
    for (const auto& [sources, message] : cases) {
        SCOPED_TRACE(message);
        try {
            load_config(sources);
            ADD_FAILURE() << "no error";
        } catch (const ConfigError& error) {
            EXPECT_TRUE(std::string(error.what()).starts_with(message)) << error.what();
        }
    }
}

TEST(CurrentEnvironment, ReadsThisProcessEnvironment) {
    ::setenv("TCAPLUS_MOCK_TEST_PROBE", "a=b", 1);
    const auto environment = current_environment();
    ::unsetenv("TCAPLUS_MOCK_TEST_PROBE");
    const auto found = std::find(environment.begin(), environment.end(),
                                 std::pair<std::string, std::string>("TCAPLUS_MOCK_TEST_PROBE", "a=b"));
    EXPECT_NE(found, environment.end());
}

}  // namespace
}  // namespace tcaplus_mock::testing
