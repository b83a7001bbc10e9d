#pragma once
// Plain HTTP messages: what the network layer hands to request handling and gets back.
// Request handling never sees a socket or a Beast type, so it is tested as a plain function.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tcaplus_mock {

struct HttpRequest {
    std::string method;  // as sent, e.g. "POST"
    std::string target;  // path and query as sent, e.g. "/?Action=CreateSnapshots&..."
    // Header names lowercased, values as sent less surrounding whitespace, in arrival order.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string client_address;  // remote IP as text, "" when unknown

    // The first header named `lowercase_name`, or nullptr.
    const std::string* header(std::string_view lowercase_name) const {
        for (const auto& [name, value] : headers)
            if (name == lowercase_name) return &value;
        return nullptr;
    }
};

// The path of a request target, the part before `?`; "/" when that is empty.
inline std::string_view target_path(std::string_view target) {
    const std::string_view path = target.substr(0, target.find('?'));
    return path.empty() ? std::string_view("/") : path;
}

// The query string of a request target, the part after the first `?`; "" when there is none.
inline std::string_view target_query(std::string_view target) {
    const auto question = target.find('?');
    return question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
}

// Which size limit a request broke, and the limit in bytes.
struct SizeLimit {
    enum class Kind {
        header,       // the request line and headers together (server.header_limit)
        field,        // one header field, longer than HTTP servers keep (65,533 bytes)
        body,         // the body (server.body_limit)
        body_memory,  // the bodies all connections hold at once (server.body_memory)
    };
    Kind kind = Kind::body;
    std::size_t bytes = 0;
};

struct HttpResponse {
    unsigned status = 200;
    std::vector<std::pair<std::string, std::string>> headers;  // Content-Type included
    std::string body;
    bool close_connection = false;  // the server closes the connection after writing this
    bool drop_connection = false;   // the server closes the connection instead of writing anything
};

// The one JSON form of an answer outside the API envelope (the control plane, a malformed HTTP
// request): HTTP `status`, `Content-Type: application/json` and `{"error": "<Name>", "message": "..."}`.
// `message` is repaired to UTF-8 and JSON-escaped.
HttpResponse json_error_response(unsigned status, std::string_view error, std::string_view message);

}  // namespace tcaplus_mock
