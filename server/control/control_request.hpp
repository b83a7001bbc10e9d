#pragma once
// Reading a control request and writing its answer. Every `/_mock/` answer is JSON (the metrics
// aside), and every refusal is `{"error": "<Name>", "message": "..."}` with its HTTP status, written
// by error_answer() alone. Request mistakes travel as ControlError values, never as exceptions.

#include "server/core/json_fields.hpp"
#include "server/protocol/http_message.hpp"

#include <boost/json/value.hpp>
#include <boost/system/result.hpp>

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tcaplus_mock {

// A control request that cannot be carried out.
struct ControlError {
    unsigned status = 400;
    std::string error;       // "BadRequest", "NotFound", "MethodNotAllowed", "Unauthorized", "InternalError"
    std::string message;     // names the problem; never an exception's what()
    std::string allow = {};  // the methods the path takes, for a 405

    bool operator==(const ControlError&) const = default;
};

ControlError bad_request(std::string message);          // 400
ControlError bad_request(const JsonMistake& mistake);   // 400, naming the field
ControlError not_found(std::string message);            // 404

// Lets ControlResult<T>::value() throw std::runtime_error with the message.
[[noreturn]] void throw_exception_from_error(const ControlError& error, const boost::source_location& location);

template <class T>
using ControlResult = boost::system::result<T, ControlError>;
using ControlReply = ControlResult<HttpResponse>;

// HTTP `status` with `body` serialized, `Content-Type: application/json`.
HttpResponse json_answer(unsigned status, const boost::json::value& body);
// The refusal: its status, the JSON error body (UTF-8 repaired), `WWW-Authenticate` on a 401 and
// `Allow` on a 405.
HttpResponse error_answer(const ControlError& error);

// The body as JSON; an empty body is `{}`. BadRequest when it does not parse.
ControlResult<boost::json::value> body_of(const HttpRequest& http);

using QueryParameters = std::map<std::string, std::string, std::less<>>;
// The query parameters, each at most once and all of them from `allowed`; BadRequest otherwise.
ControlResult<QueryParameters> query_of(const HttpRequest& http, std::initializer_list<std::string_view> allowed);
std::optional<std::string> take(const QueryParameters& query, std::string_view name);

}  // namespace tcaplus_mock
