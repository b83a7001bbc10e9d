#include "server/protocol/http_message.hpp"

#include "server/core/text.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace tcaplus_mock {

HttpResponse json_error_response(unsigned status, std::string_view error, std::string_view message) {
    HttpResponse response;
    response.status = status;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = boost::json::serialize(
        boost::json::object{{"error", text::sanitize_utf8(error)}, {"message", text::sanitize_utf8(message)}});
    return response;
}

}  // namespace tcaplus_mock
