#include "tests/support/loopback_client.hpp"

#include "server/core/text.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace tcaplus_mock::testing {
namespace {

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

int connect_to(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    const auto address = loopback(port);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

}  // namespace

const std::string* LoopbackResponse::header(std::string_view lowercase_name) const {
    for (const auto& [name, value] : headers)
        if (name == lowercase_name) return &value;
    return nullptr;
}

LoopbackClient::LoopbackClient(std::uint16_t port, std::chrono::milliseconds timeout) : fd_(connect_to(port)) {
    if (fd_ < 0) return;
    timeval limit{};
    limit.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    limit.tv_usec = static_cast<suseconds_t>(timeout.count() % 1000 * 1000);
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
}

LoopbackClient::~LoopbackClient() {
    if (fd_ >= 0) ::close(fd_);
}

bool LoopbackClient::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const auto sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) continue;
        if (sent <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

bool LoopbackClient::receive_more() {
    char chunk[16 * 1024];
    for (;;) {
        const auto received = ::recv(fd_, chunk, sizeof chunk, 0);
        if (received < 0 && errno == EINTR) continue;
        if (received <= 0) return false;
        pending_.append(chunk, static_cast<std::size_t>(received));
        return true;
    }
}

std::optional<LoopbackResponse> LoopbackClient::read_response() {
    std::size_t header_end;
    while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos)
        if (!receive_more()) return std::nullopt;
    LoopbackResponse response;
    const std::string head = pending_.substr(0, header_end + 2);
    response.status = std::atoi(head.c_str() + head.find(' ') + 1);
    std::size_t content_length = 0;
    for (auto start = head.find("\r\n") + 2; start < head.size();) {
        const auto end = head.find("\r\n", start);
        const auto line = head.substr(start, end - start);
        const auto colon = line.find(':');
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        response.headers.emplace_back(text::lowercase(line.substr(0, colon)), value);
        if (response.headers.back().first == "content-length") content_length = std::stoul(value);
        start = end + 2;
    }
    const std::size_t total = header_end + 4 + content_length;
    while (pending_.size() < total)
        if (!receive_more()) return std::nullopt;
    response.body = pending_.substr(header_end + 4, content_length);
    pending_.erase(0, total);
    return response;
}

bool LoopbackClient::closed_by_server() {
    if (!pending_.empty()) return false;
    char byte;
    for (;;) {
        const auto received = ::recv(fd_, &byte, 1, 0);
        if (received < 0 && errno == EINTR) continue;
        return received == 0 || (received < 0 && errno == ECONNRESET);
    }
}

std::string request_text(std::string_view method, std::string_view target, std::string_view extra_headers,
                         std::string_view body) {
    std::string text = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: localhost\r\n";
    text += extra_headers;
    if (!body.empty() || method == "POST") text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    text += "\r\n";
    text += body;
    return text;
}

std::string post_json(std::string_view body, std::string_view extra_headers, std::string_view action) {
    return request_text("POST", "/",
                        "Content-Type: application/json\r\nX-TC-Action: " + std::string(action) +
                            "\r\nX-TC-Version: 2019-08-23\r\nX-TC-Region: ap-guangzhou\r\n" + std::string(extra_headers),
                        body);
}

bool can_connect(std::uint16_t port) {
    const int fd = connect_to(port);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

std::uint16_t unused_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    auto address = loopback(0);
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        throw std::runtime_error("cannot find an unused port");
    ::close(fd);
    return ntohs(address.sin_port);
}

Config::Server test_settings() {
    Config::Server settings;
    settings.bind = "127.0.0.1";
    settings.port = 0;
    settings.threads = 2;
    settings.idle_timeout = std::chrono::seconds(30);
    settings.read_timeout = std::chrono::seconds(30);
    settings.header_limit = 4096;
    settings.body_limit = 1024;
    settings.shutdown_grace = std::chrono::seconds(10);
    return settings;
}

namespace {

boost::asio::awaitable<HttpResponse> echo(HttpRequest request) {
    if (request.target == "/throw") throw std::runtime_error("handler failure for the test");
    if (request.target == "/slow") {
        boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, std::chrono::milliseconds(300));
        co_await timer.async_wait(boost::asio::use_awaitable);
    }
    HttpResponse response;
    response.headers = {{"Content-Type", "text/plain"}, {"X-Echo", "yes"}};
    response.body = request.method + " " + request.target + "\n";
    for (const auto& [name, value] : request.headers) response.body += name + ": " + value + "\n";
    response.body += "client: " + request.client_address + "\n\n" + request.body;
    response.close_connection = request.target == "/close";
    co_return response;
}

}  // namespace

HttpHandlers echo_handlers() {
    HttpHandlers handlers;
    handlers.handle = echo;
    handlers.oversized = [](const HttpRequest& request, SizeLimit size_limit) {
        const std::size_t limit = size_limit.bytes;
        HttpResponse response;
        response.status = 413;
        response.headers = {{"Content-Type", "text/plain"}};
        const std::string* probe = request.header("x-probe");
        response.body = "oversized " + request.method + " " + request.target + " x-probe=" + (probe ? *probe : "") +
                        (request.body.empty() ? "" : " with a body") + " limit=" + std::to_string(limit);
        return response;
    };
    return handlers;
}

}  // namespace tcaplus_mock::testing
