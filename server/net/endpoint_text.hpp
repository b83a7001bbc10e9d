#pragma once

#include <cstdint>
#include <string>

namespace tcaplus_mock {

// "host:port", with an IPv6 host in brackets: "[::1]:8023".
inline std::string endpoint_text(const std::string& host, std::uint16_t port) {
    const bool ipv6 = host.find(':') != std::string::npos && host.front() != '[';
    return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace tcaplus_mock
