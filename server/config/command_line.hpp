#pragma once
// The command line:
//   tcaplus-mock [healthcheck] [--config PATH] [--bind ADDR] [--port N] [--db PATH] [--threads N]
//                [--auth-mode MODE] [--log-format FMT] [--seed FILE] [--set KEY=VALUE]... [--help] [--version]
// The named flags are shorthand for --set of their setting (--db PATH = --set storage.path=PATH).
// Values are not checked here: load_config checks them, so a flag and its TCAPLUS_MOCK_*
// variable fail with the same message.

#include "server/config/config_loader.hpp"

#include <string>
#include <vector>

namespace tcaplus_mock {

struct CommandLine {
    enum class Command {
        run,          // serve requests (no subcommand)
        healthcheck,  // `tcaplus-mock healthcheck`: probe the server the same sources configure
        help,         // --help / -h, whatever else is given
        version,      // --version
    };
    Command command = Command::run;
    // --config and the setting flags, in the order given. `environment` is left empty: the caller
    // adds it (normally current_environment()) before calling load_config.
    ConfigSources sources;
};

// `arguments` excludes the program name. Throws ConfigError, naming the flag or argument, for an
// unknown flag, a flag without its value, a --set without `=`, or an argument other than
// `healthcheck`. Abbreviated flags (--po for --port) are not accepted.
CommandLine parse_command_line(const std::vector<std::string>& arguments);
CommandLine parse_command_line(int argc, const char* const argv[]);

// The --help text: usage, commands, flags, then every setting with its environment variable,
// flag, default, description and accepted values, generated from the settings table.
std::string help_text();

}  // namespace tcaplus_mock
