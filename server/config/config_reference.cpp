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

std::string markdown_row(const Setting& setting) {
    const std::string flag = setting.flag.empty() ? "" : "`--" + setting.flag + "`";
    const std::string shown = default_of(setting);
    const std::string default_cell = shown.empty() ? "" : "`" + escape_cell(shown) + "`";
    return "| `" + setting.key + "` | `" + setting.env_name() + "` | " + flag + " | " + default_cell + " | " +
           escape_cell(setting.description) + "; accepts " + escape_cell(setting.expected) + " |\n";
}

}  // namespace

std::string configuration_markdown() {
    std::string text =
        "# Configuration\n\n"
        "<!-- Written by `tcaplus-mock --help=markdown` from the settings table (server/config/settings.cpp);\n"
        "     change a row there, then regenerate this file. A unit test compares the two. -->\n\n"
        "Nothing needs configuring: with no file, no variables and no flags the emulator listens on\n"
        "`127.0.0.1:8023` and keeps its database in `./tcaplus-mock.db`. Every setting below can be given,\n"
        "from lowest to highest precedence, in a JSON config file (comments and trailing commas allowed; a\n"
        "key `a.b` is `{\"a\": {\"b\": ...}}`; named by `--config PATH` or `" +
        std::string(config_file_env_name) +
        "`), as an environment variable, or on the\n"
        "command line (`--set key=value`, or its shorthand flag). `tcaplus-mock --help` prints the same list.\n\n"
        "As text (environment, flags) a value is read as the JSON it spells: numbers and `true`/`false` as\n"
        "such, lists as comma-separated items or a JSON array, objects as JSON. Durations take seconds or a\n"
        "number with a unit: `90s`, `15m`, `36h`, `7d`. An unknown key in the file or on the command line\n"
        "stops the start with one line naming it; an unknown `TCAPLUS_MOCK_*` variable is a warning.\n"
        "The example file `config/tcaplus-mock.example.jsonc` holds every setting at its default.\n";
    for (const auto& group : sections()) {
        const auto section = section_of(group.front()->key);
        text += "\n## " + (section.empty() ? std::string("Other") : "`" + section + "`") + "\n\n";
        text += "| Setting | Environment | Flag | Default | What it does |\n|---|---|---|---|---|\n";
        for (const auto* setting : group) text += markdown_row(*setting);
    }
    return text;
}

std::string example_config_file() {
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
                text += indent + "// \"CreateSnapshots\": 20,\n";
            } else {
                text += indent + "\"" + name_in_section(*setting) + "\": " + default_of(*setting) + ",\n";
            }
        }
        if (!section.empty()) text += "  },\n";
    }
    return text + "}\n";
}

}  // namespace tcaplus_mock
