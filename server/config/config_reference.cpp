#include "server/config/config_reference.hpp"

#include "server/config/settings.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <sstream>
#include <vector>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

constexpr std::size_t comment_width = 100;

// The section of a key ("server" of "server.port"), "" for a key at the top level ("seed").
std::string section_of(const std::string& key) {
    const auto dot = key.find('.');
    return dot == std::string::npos ? std::string() : key.substr(0, dot);
}

std::string name_in_section(const Setting& setting) {
    const auto prefix = section_of(setting.key);
    return prefix.empty() ? setting.key : setting.key.substr(prefix.size() + 1);
}

// The rows, grouped by section in the order each section first appears.
std::vector<std::vector<const Setting*>> sections() {
    std::vector<std::vector<const Setting*>> groups;
    for (const auto& setting : settings()) {
        auto found = std::find_if(groups.begin(), groups.end(), [&](const auto& group) {
            return section_of(group.front()->key) == section_of(setting.key);
        });
        if (found == groups.end()) {
            groups.push_back({&setting});
        } else {
            found->push_back(&setting);
        }
    }
    return groups;
}

std::string default_of(const Setting& setting) {
    const auto value = setting.show(Config{});
    return value ? json::serialize(*value) : std::string();
}

// `text` as `//` comment lines of at most comment_width columns, each after `indent`.
std::string comment(const std::string& text, const std::string& indent) {
    std::istringstream words(text);
    std::string result, line, word;
    while (words >> word) {
        if (!line.empty() && indent.size() + 3 + line.size() + 1 + word.size() > comment_width) {
            result += indent + "// " + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) result += indent + "// " + line + "\n";
    return result;
}

std::string escape_cell(std::string text) {
    std::string escaped;
    for (char c : text) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
    return escaped;
}

// One row per action for the family rate_limits.<Action>, with the action's documented limit.
std::string family_rows(const Setting& setting, std::span<const ActionLimit> limits) {
    std::string rows;
    for (const auto& [action, per_second] : limits) {
        const std::string key = setting.family_prefix() + action;
        rows += "| `" + key + "` | `" + setting.env_prefix() + action + "` |  | `" + std::to_string(per_second) +
                "` | requests per second per sub-account for " + action + "; 0 = no limit |\n";
    }
    return rows;
}

std::string markdown_row(const Setting& setting) {
    const std::string flag = setting.flag.empty() ? "" : "`--" + setting.flag + "`";
    const std::string shown = default_of(setting);
    const std::string default_cell = shown.empty() ? "" : "`" + escape_cell(shown) + "`";
    return "| `" + setting.key + "` | `" + setting.env_name() + "` | " + flag + " | " + default_cell + " | " +
           escape_cell(setting.description) + "; accepts " + escape_cell(setting.expected) + " |\n";
}

// The prose before the tables: how the sources combine and how values are written.
constexpr const char* reference_preamble = R"(# Configuration

<!-- Written by `tcaplus-mock --help=markdown` from the settings table (server/config/settings.cpp);
     change a row there, then regenerate this file. A unit test compares the two. -->

Nothing needs configuring: with no file, no variables and no flags the emulator listens on `127.0.0.1:8023`,
keeps its data in `./tcaplus-mock.db` and accepts the documented test credential. Every setting below can be
given in three ways. From highest to lowest precedence:

1. **Flags**: `--set KEY=VALUE` for any setting (repeatable; the last one wins), or a setting's shorthand
   flag (the table's Flag column).
2. **Environment variables**: `TCAPLUS_MOCK_` followed by the key in capitals with `.` turned into `_`.
3. **A JSON config file** named by `--config PATH` or `TCAPLUS_MOCK_CONFIG=PATH` (the flag wins). A key
   `a.b` is `{"a": {"b": ...}}`. Comments (`//`, `/* */`) and trailing commas are allowed.
   `config/tcaplus-mock.example.jsonc` holds every setting at its default.
4. The defaults (the table's Default column).

`tcaplus-mock healthcheck` reads the same flags, variables and file to find the port it checks, so in a
container it needs no arguments. `tcaplus-mock --help` prints this list; `--help=markdown` writes this page.

**Values.** In the file a value is JSON. As text (a variable, a flag) it is read as the JSON it spells:
numbers and `true`/`false` as such (`1`/`0` also work for booleans), a list as comma-separated items
(`ap-guangzhou,ap-shanghai`) or a JSON array, an object or a list of objects as JSON, anything else as a
string. Durations are seconds (`300`) or a number with a unit `s`, `m`, `h` or `d` (`90s`, `15m`, `36h`,
`7d`). A higher source replaces a list (`api.regions`, `auth.credentials`, `resources.clusters`) whole, so a
list of credentials of your own replaces the test pair unless you list it too:

```sh
TCAPLUS_MOCK_AUTH_MODE=strict \
TCAPLUS_MOCK_AUTH_CREDENTIALS='[{"secret_id": "AKIDci", "secret_key": "ci-key", "sub_account": "ci"}]' \
TCAPLUS_MOCK_RESOURCES_MODE=strict \
TCAPLUS_MOCK_RESOURCES_CLUSTERS='[{"id": "18685341856", "table_groups": [{"id": "1", "tables": ["cl_generic"]}]}]' \
tcaplus-mock
```

**Frequency limits** are one setting per action, `rate_limits.<Action>`, with the action spelled as in the
API: `--set rate_limits.CreateSnapshots=5`, `"rate_limits": {"CreateSnapshots": 5}` in the file, and
`TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots=5` in the environment (the prefix in capitals, the action name as
it is). `0` turns an action's limit off; an action not set keeps its documented limit. Actions set in
different sources add up; for the same action the higher source wins. A name that is not an action of the
API stops the start.

**Mistakes stop the start.** An unknown key in the file, an unknown `--set` key or a bad value ends the
program with a non-zero exit status and one line naming the source, the setting, what was expected and what
was found:

```text
tcaplus-mock: config file ./tcaplus-mock.jsonc: `server.port`: expected an integer from 0 to 65535, got "abc"
tcaplus-mock: environment TCAPLUS_MOCK_AUTH_MODE: expected one of off, any, strict, got "maybe"
tcaplus-mock: command line: unknown setting `server.prot`; did you mean `server.port`?
```

So does `auth.mode` `strict` with no credentials, which would refuse every request. An unknown `TCAPLUS_MOCK_*` environment variable does not stop the start (CI systems
set variables of their own): it is skipped with a warning line on stderr, with a "did you mean" hint.
)";

}  // namespace

std::string configuration_markdown(std::span<const ActionLimit> limits) {
    std::string text = reference_preamble;
    for (const auto& group : sections()) {
        const auto section = section_of(group.front()->key);
        text += "\n## " + (section.empty() ? std::string("Other") : "`" + section + "`") + "\n\n";
        text += "| Setting | Environment | Flag | Default | What it does |\n|---|---|---|---|---|\n";
        for (const auto* setting : group) text += setting->is_family() ? family_rows(*setting, limits) : markdown_row(*setting);
    }
    return text;
}

std::string example_config_file(std::span<const ActionLimit> limits) {
    std::string text =
        "// tcaplus-mock configuration file: every setting, set to its default. Written by\n"
        "// `tcaplus-mock --help=config` from the settings table; docs/configuration.md explains each one.\n"
        "//\n"
        "// Use it with `tcaplus-mock --config tcaplus-mock.jsonc` or TCAPLUS_MOCK_CONFIG=tcaplus-mock.jsonc.\n"
        "// Keep only the lines you change: anything left out keeps its default. TCAPLUS_MOCK_* environment\n"
        "// variables override this file, and command-line flags override both. Comments and trailing\n"
        "// commas are allowed; an unknown key is an error, so typos do not go unnoticed.\n"
        "{\n";
    for (const auto& group : sections()) {
        const auto section = section_of(group.front()->key);
        const std::string indent = section.empty() ? "  " : "    ";
        if (!section.empty()) text += "  \"" + section + "\": {\n";
        for (const auto* setting : group) {
            text += comment(setting->description + ".", indent);
            if (setting->is_family()) {
                for (const auto& [action, per_second] : limits)
                    text += indent + "// \"" + action + "\": " + std::to_string(per_second) + ",\n";
            } else {
                text += indent + "\"" + name_in_section(*setting) + "\": " + default_of(*setting) + ",\n";
            }
        }
        if (!section.empty()) text += "  },\n";
    }
    return text + "}\n";
}

}  // namespace tcaplus_mock
