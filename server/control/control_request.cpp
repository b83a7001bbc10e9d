#include "server/control/control_request.hpp"

#include "server/core/text.hpp"
#include "server/protocol/form_parameters.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <stdexcept>

namespace tcaplus_mock {

namespace json = boost::json;

ControlError bad_request(std::string message) { return {400, "BadRequest", std::move(message)}; }

ControlError bad_request(const JsonMistake& mistake) { return bad_request(mistake.message); }

ControlError not_found(std::string message) { return {404, "NotFound", std::move(message)}; }

void throw_exception_from_error(const ControlError& error, const boost::source_location&) {
    throw std::runtime_error(error.error + ": " + error.message);
}

HttpResponse json_answer(unsigned status, const json::value& body) {
    HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = json::serialize(body);
    return response;
}

HttpResponse error_answer(const ControlError& error) {
    auto response = json_error_response(error.status, error.error, error.message);
    if (error.status == 401) response.headers.emplace_back("WWW-Authenticate", "Bearer");
    if (!error.allow.empty()) response.headers.emplace_back("Allow", error.allow);
    return response;
}

ControlResult<json::value> body_of(const HttpRequest& http) {
    if (http.body.find_first_not_of(" \t\r\n") == std::string::npos) return json::value(json::object());
    boost::system::error_code error;
    auto value = json::parse(http.body, error);
    if (error) return bad_request("the body is not valid JSON: " + error.message());
    return value;
}

namespace {

std::string listed(std::initializer_list<std::string_view> names) {
    std::string text;
    for (const auto name : names) text += (text.empty() ? "`" : ", `") + std::string(name) + "`";
    return text;
}

}  // namespace

ControlResult<QueryParameters> query_of(const HttpRequest& http, std::initializer_list<std::string_view> allowed) {
    const auto pairs = parse_form_pairs(target_query(http.target));
    if (!pairs) return bad_request("the query string cannot be read: " + pairs.error().message.en);
    QueryParameters query;
    for (const auto& [name, value] : *pairs) {
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            return bad_request("unknown query parameter `" + name + "`" +
                               (allowed.size() == 0 ? std::string("; this path takes none")
                                                    : "; this path takes " + listed(allowed)));
        if (!query.emplace(name, value).second) return bad_request("the query parameter `" + name + "` is given twice");
    }
    return query;
}

std::optional<std::string> take(const QueryParameters& query, std::string_view name) {
    const auto found = query.find(name);
    if (found == query.end()) return std::nullopt;
    return found->second;
}

}  // namespace tcaplus_mock
