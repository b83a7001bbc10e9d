#pragma once
// The Tencent Cloud response envelope: the one place a response body and its headers are made.
//
//   success: {"Response": {<fields...>, "RequestId": "<id>"}}
//   failure: {"Response": {"Error": {"Code": "...", "Message": "..."}, "RequestId": "<id>"}}
//
// Both travel as HTTP 200 with `Content-Type: application/json` exactly: the Python SDK reads an
// error body as a success when the content type carries a charset.

#include "server/core/api_error.hpp"
#include "server/core/language.hpp"
#include "server/protocol/http_message.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace tcaplus_mock {

// A fresh random (version 4) UUID in lowercase, e.g. "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6".
// Thread safe: each thread draws from its own Mersenne Twister, seeded once from the operating
// system (request ids need to be unique, not unpredictable).
std::string new_request_id();

// Serializes {"Response": {<fields...>, "RequestId": request_id}}. `RequestId` comes last and
// replaces any `RequestId` already in `fields`. Strings are written as UTF-8, not \u-escaped.
std::string encode_success(boost::json::object fields, std::string_view request_id);

// Serializes {"Response": {"Error": {"Code": code, "Message": message in `language`}, "RequestId": id}}.
std::string encode_error(const ApiError& error, Language language, std::string_view request_id);

// An HTTP 200 response carrying `body` with the headers `Content-Type: application/json`,
// `X-TC-RequestId: <request_id>` and, when `trace_id` is non-empty, `X-TC-TraceId: <trace_id>`
// (the Node SDK reads it back). A trace id holding control characters or bytes that are not UTF-8
// is not echoed, so a client can never inject a header line nor get back bytes it cannot decode.
HttpResponse make_api_response(std::string body, std::string_view request_id, std::string_view trace_id);

}  // namespace tcaplus_mock
