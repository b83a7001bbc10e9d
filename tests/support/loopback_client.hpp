#pragma once
// The loopback HTTP client of the C++ tests (network unit tests, end to end): one blocking
// connection over POSIX sockets that sends bytes exactly as given and reads responses framed by
// Content-Length; plus request texts, port probes, and the echo server the network tests run.

#include "server/config/config.hpp"
#include "server/net/http_server.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tcaplus_mock::testing {

struct LoopbackResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
    std::string body;

    const std::string* header(std::string_view lowercase_name) const;
    // The header's value, or "<absent>".
    std::string header_value(std::string_view lowercase_name) const {
        const auto* value = header(lowercase_name);
        return value ? *value : "<absent>";
    }
};

// One connection to 127.0.0.1:port. Every receive waits at most `timeout`.
class LoopbackClient {
public:
    explicit LoopbackClient(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(10));
    ~LoopbackClient();
    LoopbackClient(const LoopbackClient&) = delete;
    LoopbackClient& operator=(const LoopbackClient&) = delete;

    bool connected() const { return fd_ >= 0; }
    bool send(std::string_view bytes);  // false when the connection is gone
    // The next response (status line, headers, a Content-Length body); nullopt on close, error or timeout.
    std::optional<LoopbackResponse> read_response();
    // True when the server closes the connection (end of stream or reset) before data or the timeout.
    bool closed_by_server();

private:
    bool receive_more();

    int fd_ = -1;
    std::string pending_;
};

// A request with the given extra header lines (each ending in \r\n) and a Content-Length body.
std::string request_text(std::string_view method, std::string_view target, std::string_view extra_headers = "",
                         std::string_view body = "");

// An API call as the SDKs send it: POST / with JSON, the X-TC-* headers of `action`, ap-guangzhou.
std::string post_json(std::string_view body, std::string_view extra_headers = "",
                      std::string_view action = "CreateSnapshots");

// True when a TCP connection to 127.0.0.1:port is accepted by the kernel.
bool can_connect(std::uint16_t port);

// A port on 127.0.0.1 that nothing listens on (bound once by the kernel, then released).
std::uint16_t unused_port();

// port 0, two threads, generous deadlines, header_limit 4096, body_limit 1024.
Config::Server test_settings();

// handle: echoes "METHOD TARGET", then "name: value" per header, "client: ADDRESS", an empty line and
// the body; target /close answers with close_connection, /throw throws, /slow sleeps 300 ms first.
// oversized: 413 with the body "oversized METHOD TARGET x-probe=VALUE".
HttpHandlers echo_handlers();

}  // namespace tcaplus_mock::testing
