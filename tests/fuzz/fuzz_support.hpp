#pragma once
// What the fuzz targets share: turning fuzz input into an HttpRequest, and the checks every
// answer must pass. A failed check aborts, which libFuzzer reports as a crash with its input.

#include "server/core/text.hpp"
#include "server/protocol/http_message.hpp"

#include <boost/json/parse.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace tcaplus_mock::fuzz {

// Stops the run when an invariant does not hold, naming it.
inline void require(bool holds, const char* invariant) {
    if (holds) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", invariant);
    std::abort();
}

// Reads `METHOD TARGET\nname: value\n...\n\nbody`: the request line, header lines (names
// lowercased, values trimmed, as the network layer hands them over), an empty line, the body.
// Any bytes make some request; a missing part is empty.
inline HttpRequest request_from_text(std::string_view text) {
    HttpRequest request;
    request.client_address = "127.0.0.1";
    const auto head_end = text.find("\n\n");
    const std::string_view head = text.substr(0, head_end);
    if (head_end != std::string_view::npos) request.body = std::string(text.substr(head_end + 2));
    std::size_t line_start = 0;
    for (bool first = true; line_start <= head.size(); first = false) {
        auto line_end = head.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = head.size();
        const std::string_view line = head.substr(line_start, line_end - line_start);
        line_start = line_end + 1;
        if (first) {
            const auto space = line.find(' ');
            request.method = std::string(line.substr(0, space));
            request.target = space == std::string_view::npos ? "/" : std::string(line.substr(space + 1));
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        request.headers.emplace_back(text::lowercase(line.substr(0, colon)),
                                     std::string(text::trim_blanks(line.substr(colon + 1))));
    }
    return request;
}

// A JSON answer is well-formed JSON and valid UTF-8, whatever the request held.
inline void require_readable_json(std::string_view body) {
    require(text::is_valid_utf8(body), "a JSON answer is valid UTF-8");
    boost::system::error_code error;
    boost::json::parse(body, error);
    require(!error, "a JSON answer parses");
}

}  // namespace tcaplus_mock::fuzz
