#pragma once
// decode_api_request: turns any wire form of an API 3.0 call into one ApiRequest.
//
//   POST application/json             TC3: common parameters in X-TC-* headers, the body a JSON object
//   POST application/x-www-form-urlencoded, or GET with a query string:
//     with an X-TC-Action header      TC3: common parameters in X-TC-* headers, every pair a business parameter
//     without it                      v1: Action, Version, Region, Timestamp, Nonce, SecretId,
//                                     SignatureMethod, Signature, Token, Language, RequestClient
//                                     among the pairs, taken out into ApiRequest's fields
//
// Decoding only: a missing or unknown action, version or region is left for the later stages,
// which check them in the order the real service does.

#include "server/core/api_error.hpp"
#include "server/protocol/api_request.hpp"
#include "server/protocol/http_message.hpp"

#include <cstddef>

namespace tcaplus_mock {

// Size limits of the real service (the 10 MB limit of TC3 POST bodies is the network layer's).
inline constexpr std::size_t max_get_query_bytes = 32 * 1024;       // the query string after `?`
inline constexpr std::size_t max_v1_form_body_bytes = 1024 * 1024;  // a form POST without X-TC-Action

// Decodes `http` into an ApiRequest whose `http` member points at `http`: the caller keeps `http`
// alive while the request is handled. Header values are read with surrounding spaces and tabs
// removed; when a header repeats, the first one counts. The query string of a POST is ignored.
// X-TC-TraceId is read in every scheme, since it is only echoed back. A JSON body is parsed
// strictly (RFC 8259, UTF-8 checked, nesting up to 32 levels) into `memory`, which must outlive
// the request's params; a key repeated in one JSON object keeps its last value, whereas a name
// repeated in a form is refused.
//
// Fails, as a value, with:
//   - errors::unsupported_protocol(method) for a method other than GET and POST (case-sensitive);
//   - errors::request_size_limit_exceeded(limit) for a GET query string over max_get_query_bytes or
//     a v1 form body over max_v1_form_body_bytes (exactly the limit is accepted);
//   - errors::unsupported_content_type(content_type) for a POST whose media type (compared without
//     parameters such as `; charset=utf-8`, case-insensitively) is neither of the two above, or that
//     has no Content-Type (then content_type is "");
//   - errors::body_not_json(detail) for a JSON body that does not parse, an empty one included,
//     and errors::body_not_object() for JSON that is not an object;
//   - the failures of parse_form_pairs and unflatten_parameters (form_parameters.hpp) for form and
//     query parameters, and errors::form_parameter_conflict(name) for a v1 common parameter given twice.
Result<ApiRequest> decode_api_request(const HttpRequest& http, const boost::json::storage_ptr& memory = {});

}  // namespace tcaplus_mock
