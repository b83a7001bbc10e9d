#include "server/config/command_line.hpp"

#include "server/config/config_reference.hpp"
#include "server/config/settings.hpp"

#include <boost/json/serialize.hpp>
#include <boost/program_options.hpp>

#include <sstream>

namespace tcaplus_mock {

namespace po = boost::program_options;

namespace {

constexpr std::size_t help_width = 100;
constexpr const char* healthcheck_name = "healthcheck";

po::options_description visible_options() {
    po::options_description options("Flags", help_width);
    // clang-format off
    options.add_options()
        ("config", po::value<std::string>()->value_name("PATH"),
         "JSON config file, comments allowed (or TCAPLUS_MOCK_CONFIG)");
    // clang-format on
    for (const auto& setting : settings())
        if (!setting.flag.empty())
            options.add_options()(setting.flag_name().c_str(),
                                  po::value<std::string>()->value_name(setting.flag_value_name()),
                                  ("same as --set " + setting.key + "=" + setting.flag_value_name()).c_str());
    // clang-format off
    options.add_options()
        ("set", po::value<std::vector<std::string>>()->value_name("KEY=VALUE"),
         "set any setting by its key; may be repeated")
        ("help,h", po::value<std::string>()->implicit_value("text")->value_name("FORMAT"),
         "print this help and exit; --help=markdown prints docs/configuration.md, --help=config an example "
         "config file with every setting")
        ("version", "print the version and exit");
    // clang-format on
    return options;
}

po::options_description all_options() {
    po::options_description options;
    options.add(visible_options());
    options.add_options()("command", po::value<std::vector<std::string>>());
    return options;
}

std::pair<std::string, std::string> split_assignment(const std::string& text) {
    const auto equals = text.find('=');
    if (equals == 0 || equals == std::string::npos)
        throw ConfigError("command line: --set expects KEY=VALUE, got \"" + text + "\"");
    return {text.substr(0, equals), text.substr(equals + 1)};
}

CommandLine::Command read_subcommand(const std::string& word) {
    if (word != healthcheck_name)
        throw ConfigError("command line: unexpected argument \"" + word + "\"; the only command is " +
                          healthcheck_name + " (see tcaplus-mock --help)");
    return CommandLine::Command::healthcheck;
}

// Applies one parsed option; `chosen` collects --help and --version, which win over the rest.
void apply_option(const po::option& option, CommandLine& line, std::optional<CommandLine::Command>& chosen) {
    const auto& key = option.string_key;
    const std::string value = option.value.empty() ? std::string{} : option.value.front();
    if (key == "help") {
        chosen = CommandLine::Command::help;
        line.help_format = value.empty() ? "text" : value;
        if (line.help_format != "text" && line.help_format != "markdown" && line.help_format != "config")
            throw ConfigError("command line: --help takes text, markdown or config, got \"" + value + "\"");
    } else if (key == "version") {
        if (chosen != CommandLine::Command::help) chosen = CommandLine::Command::version;
    } else if (key == "command") {
        if (line.command == CommandLine::Command::healthcheck)
            throw ConfigError("command line: unexpected argument \"" + value + "\" after " + healthcheck_name);
        line.command = read_subcommand(value);
    } else if (key == "config") {
        line.sources.file_path = value;
    } else if (key == "set") {
        line.sources.overrides.push_back(split_assignment(value));
    } else if (const auto* setting = find_setting_by_flag(key)) {
        line.sources.overrides.emplace_back(setting->key, value);
    }
}

std::string wrap(const std::string& text, std::size_t indent) {
    std::istringstream words(text);
    std::string result(indent, ' '), word;
    std::size_t column = indent;
    for (bool first = true; words >> word; first = false) {
        if (!first && column + 1 + word.size() > help_width) {
            result += "\n" + std::string(indent, ' ');
            column = indent;
        } else if (!first) {
            result += ' ';
            ++column;
        }
        result += word;
        column += word.size();
    }
    return result + "\n";
}

std::string describe_setting(const Setting& setting) {
    std::string where = "env " + setting.env_name();
    if (!setting.flag.empty()) where += ", flag --" + setting.flag;
    std::string text = "  " + setting.key + "\n" + wrap(where, 6) + wrap(setting.description, 6);
    if (const auto shown = setting.show(Config{})) text += wrap("default: " + boost::json::serialize(*shown), 6);
    return text + wrap("accepts " + setting.expected, 6);
}

}  // namespace

CommandLine parse_command_line(const std::vector<std::string>& arguments) {
    po::positional_options_description positional;
    positional.add("command", -1);
    const auto style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    CommandLine line;
    std::optional<CommandLine::Command> chosen;
    try {
        const auto parsed =
            po::command_line_parser(arguments).options(all_options()).positional(positional).style(style).run();
        for (const auto& option : parsed.options) apply_option(option, line, chosen);
    } catch (const po::error& error) {
        throw ConfigError(std::string("command line: ") + error.what() + " (see tcaplus-mock --help)");
    }
    if (chosen) line.command = *chosen;
    return line;
}

CommandLine parse_command_line(int argc, const char* const argv[]) {
    return parse_command_line(std::vector<std::string>(argv + std::min(argc, 1), argv + argc));
}

std::string help_text(const std::string& format, std::span<const ActionLimit> limits) {
    if (format == "markdown") return configuration_markdown(limits);
    if (format == "config") return example_config_file(limits);
    std::ostringstream text;
    text << "Usage: tcaplus-mock [healthcheck] [flags]\n\n"
            "A local emulator of Tencent Cloud's TcaplusDB API.\n\n"
            "Commands:\n"
            "  (none)        run the server\n"
            "  healthcheck   exit 0 if the server configured by the same settings answers, 1 otherwise\n\n"
         << visible_options()
         << "\nSettings. Precedence, highest first: flags, then TCAPLUS_MOCK_* environment variables, then the\n"
            "config file, then the defaults. In the config file a key a.b is {\"a\": {\"b\": ...}}. Booleans\n"
            "accept true/false/1/0; durations accept seconds or 90s, 15m, 36h, 7d.\n\n";
    for (const auto& setting : settings()) text << describe_setting(setting) << "\n";
    return text.str();
}

}  // namespace tcaplus_mock
