#include "server/net/healthcheck.hpp"

#include "server/net/endpoint_text.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <exception>
#include <iostream>
#include <optional>

namespace tcaplus_mock {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr std::size_t answer_limit = 64 * 1024;

auto capture(beast::error_code& error) { return asio::redirect_error(asio::use_awaitable, error); }

std::string loopback_for(const std::string& host) {
    if (host.empty() || host == "0.0.0.0") return "127.0.0.1";
    if (host == "::" || host == "[::]") return "::1";
    return host;
}

// Why the emulator is not healthy, or "" when it is.
asio::awaitable<std::string> probe(std::string host, std::uint16_t port, std::chrono::seconds timeout) {
    beast::error_code error;
    tcp::resolver resolver(co_await asio::this_coro::executor);
    const auto endpoints = co_await resolver.async_resolve(host, std::to_string(port), capture(error));
    if (error) co_return "cannot resolve the host: " + error.message();

    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(timeout);
    co_await stream.async_connect(endpoints, capture(error));
    if (error) co_return "cannot connect: " + error.message();

    http::request<http::empty_body> request{http::verb::get, "/_mock/health", 11};
    request.set(http::field::host, endpoint_text(host, port));
    request.keep_alive(false);
    co_await http::async_write(stream, request, capture(error));
    if (error) co_return "cannot send the request: " + error.message();

    beast::flat_buffer buffer(answer_limit);
    http::response_parser<http::string_body> parser;
    parser.body_limit(answer_limit);
    co_await http::async_read(stream, buffer, parser, capture(error));
    if (error) co_return "no valid answer: " + error.message();

    const auto& answer = parser.get();
    if (answer.result_int() != 200) co_return "answered HTTP " + std::to_string(answer.result_int());
    if (answer.body().find("\"ok\"") == std::string::npos)
        co_return "the answer does not say \"ok\": " + answer.body().substr(0, 200);
    co_return "";
}

}  // namespace

int run_healthcheck(const std::string& host, std::uint16_t port, std::chrono::seconds timeout) {
    const std::string target = loopback_for(host);
    asio::io_context io_context;
    std::optional<std::string> failure;
    asio::co_spawn(io_context, probe(target, port, timeout),
                   [&failure](const std::exception_ptr& exception, std::string reason) {
                       failure = exception ? "the probe failed unexpectedly" : std::move(reason);
                   });
    io_context.run_for(timeout);
    if (!failure) failure = "no answer within " + std::to_string(timeout.count()) + " s";
    if (failure->empty()) return 0;
    std::cerr << "healthcheck: http://" << endpoint_text(target, port) << "/_mock/health: " << *failure << '\n';
    return 1;
}

}  // namespace tcaplus_mock
