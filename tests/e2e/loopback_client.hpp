#pragma once
// A minimal blocking HTTP/1.1 client over one loopback TCP connection, for end-to-end tests:
// it sends bytes exactly as given and reads responses framed by Content-Length.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace tcaplus_mock::testing {

struct RawResponse {
    unsigned status = 0;
    std::string head;  // status line and headers
    std::string body;

    std::string header(const std::string& name) const {  // case-sensitive on the name as written by the server
        const auto at = head.find("\r\n" + name + ": ");
        if (at == std::string::npos) return "<absent>";
        const auto start = at + name.size() + 4;
        return head.substr(start, head.find("\r\n", start) - start);
    }
};

class LoopbackClient {
public:
    explicit LoopbackClient(std::uint16_t port) : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
        timeval timeout{10, 0};
        ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
            throw std::runtime_error("connect failed");
    }
    ~LoopbackClient() { ::close(socket_); }
    LoopbackClient(const LoopbackClient&) = delete;
    LoopbackClient& operator=(const LoopbackClient&) = delete;

    void send_raw(const std::string& bytes) {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const auto n = ::send(socket_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;  // the server may close early (size limit): reading tells the rest
            sent += static_cast<std::size_t>(n);
        }
    }

    // Reads one response; nullopt when the connection closed first.
    std::optional<RawResponse> read_response() {
        std::size_t head_end;
        while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos)
            if (!fill()) return std::nullopt;
        RawResponse response;
        response.head = buffer_.substr(0, head_end + 2);
        response.status = static_cast<unsigned>(std::stoul(response.head.substr(9, 3)));
        const auto length_text = response.header("Content-Length");
        const std::size_t length = length_text == "<absent>" ? 0 : std::stoul(length_text);
        while (buffer_.size() < head_end + 4 + length)
            if (!fill()) return std::nullopt;
        response.body = buffer_.substr(head_end + 4, length);
        buffer_.erase(0, head_end + 4 + length);
        return response;
    }

    // True when the server has closed the connection (reads end of stream).
    bool closed_by_server() { return buffer_.empty() && !fill(); }

private:
    bool fill() {
        char chunk[16384];
        const auto n = ::recv(socket_, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }

    int socket_;
    std::string buffer_;
};

inline std::string post_json(const std::string& body, const std::string& extra_headers = "",
                             const std::string& action = "CreateSnapshots") {
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-TC-Action: " + action +
           "\r\nX-TC-Version: 2019-08-23\r\nX-TC-Region: ap-guangzhou\r\n" + extra_headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace tcaplus_mock::testing
