#include "server/auth/signing_host.hpp"

#include <algorithm>

namespace tcaplus_mock {
namespace {

std::string_view trim_blanks(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

SigningHosts signing_hosts(std::string_view host_header) {
    SigningHosts hosts{trim_blanks(host_header), std::nullopt};
    const std::string_view host = hosts.as_sent;
    const auto colon = host.rfind(':');
    if (colon == std::string_view::npos || !all_digits(host.substr(colon + 1))) return hosts;
    const std::string_view name = host.substr(0, colon);
    const bool bracketed_ipv6 = name.size() > 2 && name.front() == '[' && name.back() == ']';
    if (bracketed_ipv6 || (!name.empty() && name.find(':') == std::string_view::npos)) hosts.without_port = name;
    return hosts;
}

}  // namespace tcaplus_mock
