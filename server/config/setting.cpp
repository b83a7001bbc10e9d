#include "server/config/setting.hpp"

#include "server/config/settings.hpp"

#include <algorithm>
#include <cctype>

namespace tcaplus_mock {

namespace {

constexpr std::string_view family_marker = ".<";

std::string env_form(std::string_view key) {
    std::string name = env_name_prefix;
    for (char c : key) name += c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
}

}  // namespace

std::string Setting::flag_name() const { return flag.substr(0, flag.find(' ')); }

std::string Setting::flag_value_name() const {
    const auto space = flag.find(' ');
    return space == std::string::npos ? "VALUE" : flag.substr(space + 1);
}

bool Setting::is_family() const { return key.find(family_marker) != std::string::npos; }

std::string Setting::family_prefix() const {
    const auto marker = key.find(family_marker);
    return marker == std::string::npos ? std::string{} : key.substr(0, marker + 1);
}

std::string Setting::env_name() const {
    if (!is_family()) return env_form(key);
    return env_prefix() + key.substr(family_prefix().size());
}

std::string Setting::env_prefix() const { return is_family() ? env_form(family_prefix()) : std::string{}; }

}  // namespace tcaplus_mock
