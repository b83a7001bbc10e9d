#include "server/auth/signing_host.hpp"

#include "server/core/text.hpp"

namespace tcaplus_mock {
SigningHosts signing_hosts(std::string_view host_header) {
    SigningHosts hosts{text::trim_blanks(host_header), std::nullopt};
    const std::string_view host = hosts.as_sent;
    const auto colon = host.rfind(':');
    if (colon == std::string_view::npos || !text::all_digits(host.substr(colon + 1))) return hosts;
    const std::string_view name = host.substr(0, colon);
    const bool bracketed_ipv6 = name.size() > 2 && name.front() == '[' && name.back() == ']';
    if (bracketed_ipv6 || (!name.empty() && name.find(':') == std::string_view::npos)) hosts.without_port = name;
    return hosts;
}

}  // namespace tcaplus_mock
