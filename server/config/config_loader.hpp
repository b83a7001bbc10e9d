#pragma once
// load_config: builds the one Config of a run from its sources. Precedence, lowest first:
//   built-in defaults < JSON config file < TCAPLUS_MOCK_* environment < command-line flags.
// Every setting is a row of the settings table (settings.hpp); docs/configuration.md, generated
// from the rows, lists them all.

#include "server/config/config.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tcaplus_mock {

// A start-up failure caused by the configuration. what() is one line that names the source
// (`config file PATH`, `environment NAME`, `command line`), the setting, what was expected and
// what was found, e.g.
//   config file /x.json: `server.port`: expected an integer from 0 to 65535, got "abc"
//   environment TCAPLUS_MOCK_AUTH_MODE: expected one of off, any, strict, got "maybe"
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using NameValueList = std::vector<std::pair<std::string, std::string>>;

struct ConfigSources {
    // The JSON config file (comments and trailing commas allowed). When unset, the environment's
    // TCAPLUS_MOCK_CONFIG names it, if set and not empty; when neither is set, no file is read.
    std::optional<std::string> file_path;
    // Environment variables as (name, value), normally current_environment(). Those named
    // TCAPLUS_MOCK_* must each name a setting (or be TCAPLUS_MOCK_CONFIG); others are ignored.
    NameValueList environment;
    // (key, value) pairs from the command line, in the order given; a later pair wins.
    NameValueList overrides;
};

// Reads the sources and returns the validated Config. Throws ConfigError for: a config file that
// is missing, unreadable or not valid JSON; an unknown key in the file or an unknown override key; a value of the wrong type, out of range or not one of the
// allowed names; and a combination that would refuse every request (auth.mode strict with no
// credentials). Reads the file system, nothing else.
// An unknown TCAPLUS_MOCK_* variable is not an error: it is skipped and, when `warnings` is given,
// described there (with a "did you mean" hint) for the caller to print.
Config load_config(const ConfigSources& sources, std::vector<std::string>* warnings = nullptr);

// This process's environment (`environ`) as (name, value) pairs.
NameValueList current_environment();

}  // namespace tcaplus_mock
