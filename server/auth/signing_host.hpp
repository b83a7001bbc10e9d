#pragma once
// The host values a client may have signed. Clients disagree on whether the port is part of
// the signed host (the Node SDK drops it from TC3 signatures; the others keep it), so verifiers
// try the Host header as sent and then, when it carries a port, the same host without it.

#include <optional>
#include <string_view>

namespace tcaplus_mock {

struct SigningHosts {
    std::string_view as_sent;                     // the Host header, surrounding blanks removed
    std::optional<std::string_view> without_port; // set only when as_sent ends in `:<digits>`
};

// Views into `host_header`, which must outlive the result. `[::1]:8023` yields `[::1]`;
// a bare IPv6 address (`::1`) is taken to have no port.
SigningHosts signing_hosts(std::string_view host_header);

}  // namespace tcaplus_mock
