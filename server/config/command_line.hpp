#pragma once
// The command line:
//   tcaplus-mock [healthcheck] [--config PATH] [--bind ADDR] [--port N] [--db PATH] [--threads N]
//                [--auth-mode MODE] [--log-format FMT] [--seed FILE] [--set KEY=VALUE]...
//                [--help[=text|markdown|config]] [--version]
// The named flags are shorthand for --set of their setting (--db PATH = --set storage.path=PATH).
// Values are not checked here: load_config checks them, so a flag and its TCAPLUS_MOCK_*
// variable fail with the same message.

#include "server/config/config_loader.hpp"

#include "server/config/config_reference.hpp"

#include <span>
#include <string>
#include <vector>

namespace tcaplus_mock {

struct CommandLine {
    enum class Command {
        run,          // serve requests (no subcommand)
        healthcheck,  // `tcaplus-mock healthcheck`: probe the server the same sources configure
        help,         // --help / -h, whatever else is given (help_format says which form)
        version,      // --version
    };
    Command command = Command::run;
    // --help: "text" (the default), "markdown" (docs/configuration.md), "config" (the example file).
    std::string help_format = "text";
    // --config and the setting flags, in the order given. `environment` is left empty: the caller
    // adds it (normally current_environment()) before calling load_config.
    ConfigSources sources;
};

// `arguments` excludes the program name. Throws ConfigError, naming the flag or argument, for an
// unknown flag, a flag without its value, a --set without `=`, a --help format other than text,
// markdown or config, or an argument other than `healthcheck`. Abbreviated flags (--po for --port) are not accepted.
CommandLine parse_command_line(const std::vector<std::string>& arguments);
CommandLine parse_command_line(int argc, const char* const argv[]);

// What --help prints in `format` (text, markdown or config), generated from
// the settings table: usage, commands, flags, then every setting with its environment variable,
// flag, default, description and accepted values (config_reference.hpp for the other two forms).
// `limits`: the API's documented frequency limits, listed as the rows rate_limits.<Action>.
std::string help_text(const std::string& format, std::span<const ActionLimit> limits);

}  // namespace tcaplus_mock
