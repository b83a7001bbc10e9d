#include "server/config/command_line.hpp"

#include "server/config/config_reference.hpp"

#include "server/config/settings.hpp"
#include "server/emulator.hpp"

#include <gtest/gtest.h>

namespace tcaplus_mock::testing {
namespace {

using Command = CommandLine::Command;

struct ParseCase {
    std::vector<std::string> arguments;
    Command command;
    std::optional<std::string> file_path;
    NameValueList overrides;
};

std::string joined(const std::vector<std::string>& arguments) {
    std::string text;
    for (const auto& argument : arguments) text += argument + " ";
    return text;
}

TEST(ParseCommandLine, ReadsCommandsFlagsAndOverridesInOrder) {
    const ParseCase cases[] = {
        {{}, Command::run, std::nullopt, {}},
        {{"healthcheck"}, Command::healthcheck, std::nullopt, {}},
        {{"--port", "9000"}, Command::run, std::nullopt, {{"server.port", "9000"}}},
        {{"--port=9000"}, Command::run, std::nullopt, {{"server.port", "9000"}}},
        {{"--db", ":memory:"}, Command::run, std::nullopt, {{"storage.path", ":memory:"}}},
        {{"--bind", "0.0.0.0", "--threads", "4", "--auth-mode", "strict", "--log-format", "json"},
         Command::run,
         std::nullopt,
         {{"server.bind", "0.0.0.0"}, {"server.threads", "4"}, {"auth.mode", "strict"}, {"log.format", "json"}}},
        {{"--set", "server.port=1", "--port", "2", "--set", "rate_limits.CreateSnapshots=3"},
         Command::run,
         std::nullopt,
         {{"server.port", "1"}, {"server.port", "2"}, {"rate_limits.CreateSnapshots", "3"}}},
        {{"--set", "auth.credentials=[{\"secret_id\":\"a\",\"secret_key\":\"b=c\"}]"},
         Command::run,
         std::nullopt,
         {{"auth.credentials", "[{\"secret_id\":\"a\",\"secret_key\":\"b=c\"}]"}}},
        {{"--set", "snapshots.max_age="}, Command::run, std::nullopt, {{"snapshots.max_age", ""}}},
        {{"--config", "/etc/tcaplus-mock.jsonc"}, Command::run, "/etc/tcaplus-mock.jsonc", {}},
        {{"healthcheck", "--port", "9000"}, Command::healthcheck, std::nullopt, {{"server.port", "9000"}}},
        {{"--config", "x.jsonc", "healthcheck"}, Command::healthcheck, "x.jsonc", {}},
        {{"--help"}, Command::help, std::nullopt, {}},
        {{"-h"}, Command::help, std::nullopt, {}},
        {{"healthcheck", "--help"}, Command::help, std::nullopt, {}},
        {{"--version"}, Command::version, std::nullopt, {}},
        {{"--version", "--help"}, Command::help, std::nullopt, {}},
        {{"--help", "--version"}, Command::help, std::nullopt, {}},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(joined(c.arguments));
        const CommandLine line = parse_command_line(c.arguments);
        EXPECT_EQ(line.command, c.command);
        EXPECT_EQ(line.sources.file_path, c.file_path);
        EXPECT_EQ(line.sources.overrides, c.overrides);
        EXPECT_TRUE(line.sources.environment.empty());
    }
}

struct BadCase {
    std::vector<std::string> arguments;
    std::string message_part;
};

TEST(ParseCommandLine, RejectsWhatItDoesNotKnow) {
    const BadCase cases[] = {
        {{"--bogus"}, "--bogus"},
        {{"--port"}, "--port"},
        {{"--po", "1"}, "--po"},
        {{"-p", "1"}, "-p"},
        {{"--set", "server.port"}, "--set expects KEY=VALUE, got \"server.port\""},
        {{"--set", "=1"}, "--set expects KEY=VALUE"},
        {{"serve"}, "unexpected argument \"serve\"; the only command is healthcheck"},
        {{"healthcheck", "now"}, "unexpected argument \"now\" after healthcheck"},
        {{"--help=yes"}, "--help"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(joined(c.arguments));
        try {
            parse_command_line(c.arguments);
            ADD_FAILURE() << "no error";
        } catch (const ConfigError& error) {
            const std::string message = error.what();
            EXPECT_TRUE(message.starts_with("command line: ")) << message;
            EXPECT_NE(message.find(c.message_part), std::string::npos) << message;
        }
    }
}

TEST(ParseCommandLine, ArgvOverloadSkipsTheProgramName) {
    const char* const argv[] = {"tcaplus-mock", "healthcheck", "--port", "9"};
    const CommandLine line = parse_command_line(4, argv);
    EXPECT_EQ(line.command, Command::healthcheck);
    EXPECT_EQ(line.sources.overrides, (NameValueList{{"server.port", "9"}}));
    const char* const bare[] = {"tcaplus-mock"};
    EXPECT_EQ(parse_command_line(1, bare).command, Command::run);
}

TEST(ParseCommandLine, FlagsOverrideTheEnvironmentOnceLoaded) {
    CommandLine line = parse_command_line({"--port", "9000", "--log-format", "json"});
    line.sources.environment = {{"TCAPLUS_MOCK_SERVER_PORT", "8000"}, {"TCAPLUS_MOCK_SERVER_THREADS", "2"}};
    const Config config = load_config(line.sources);
    EXPECT_EQ(config.server.port, 9000);
    EXPECT_EQ(config.server.threads, 2u);
    EXPECT_EQ(config.log.format, LogFormat::json);
}

TEST(ParseCommandLine, ShorthandFlagValuesFailLikeTheirSetting) {
    const CommandLine line = parse_command_line({"--port", "abc"});
    try {
        load_config(line.sources);
        FAIL() << "no error";
    } catch (const ConfigError& error) {
        EXPECT_STREQ(error.what(), "command line: `server.port`: expected an integer from 0 to 65535, got \"abc\"");
    }
}

TEST(HelpText, ListsUsageFlagsAndEverySetting) {
    const std::string help = help_text("text", documented_frequency_limits());
    for (const char* part : {"Usage: tcaplus-mock [healthcheck]", "healthcheck", "--config", "--set", "--help",
                             "--version", "TCAPLUS_MOCK_CONFIG"})
        EXPECT_NE(help.find(part), std::string::npos) << part;
    for (const auto& setting : settings()) {
        SCOPED_TRACE(setting.key);
        EXPECT_NE(help.find("  " + setting.key + "\n"), std::string::npos);
        EXPECT_NE(help.find(setting.env_name()), std::string::npos);
        if (!setting.flag.empty()) {
            EXPECT_NE(help.find("--" + setting.flag_name()), std::string::npos);
        }
    }
    EXPECT_NE(help.find("default: 8023"), std::string::npos);
    EXPECT_EQ(help_text("markdown", documented_frequency_limits()), configuration_markdown(documented_frequency_limits()));
    EXPECT_EQ(help_text("config", documented_frequency_limits()), example_config_file(documented_frequency_limits()));
}

TEST(ParseCommandLine, HelpTakesAFormat) {
    EXPECT_EQ(parse_command_line(std::vector<std::string>{"--help=markdown"}).help_format, "markdown");
    EXPECT_EQ(parse_command_line(std::vector<std::string>{"--help"}).help_format, "text");
    EXPECT_EQ(parse_command_line(std::vector<std::string>{"-h"}).command, CommandLine::Command::help);
}

}  // namespace
}  // namespace tcaplus_mock::testing
