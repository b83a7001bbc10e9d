#pragma once
// ApiRequest: one Tencent Cloud API 3.0 call, decoded from any of its wire forms
// (POST JSON + X-TC-* headers, POST form-encoded v1, GET with TC3 or v1) into one shape.

#include "server/core/language.hpp"
#include "server/protocol/http_message.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace tcaplus_mock {

// How the request says it is signed.
enum class SigningScheme {
    tc3,  // Authorization: TC3-HMAC-SHA256 ..., common parameters in X-TC-* headers
    v1,   // HmacSHA1 / HmacSHA256: common parameters (Signature, SecretId, Nonce...) among the parameters
};

struct ApiRequest {
    ApiRequest() = default;
    // `params` allocated in `memory` (a JSON body is parsed straight into it).
    explicit ApiRequest(boost::json::storage_ptr memory) : params(std::move(memory)) {}

    SigningScheme scheme = SigningScheme::tc3;

    // Common parameters. Empty when absent; `*_present` tells absent from empty where it matters.
    std::string action;
    std::string version;
    std::string region;
    bool region_present = false;
    std::string timestamp;  // raw text, checked by authentication
    bool timestamp_present = false;
    std::string token;           // X-TC-Token or v1 `Token`
    std::string trace_id;        // X-TC-TraceId, echoed back in the response header
    std::string request_client;  // X-TC-RequestClient
    Language language = Language::en_us;

    // v1 only: the common parameters that take part in the signature.
    std::string secret_id;         // v1 `SecretId`; for TC3 the Credential's SecretId once parsed
    std::string nonce;
    std::string signature_method;  // "HmacSHA1" (the default when absent) or "HmacSHA256"
    std::string signature;         // base64, url-decoded

    // v1 only: every decoded parameter except `Signature`, in arrival order, for the string to sign.
    std::vector<std::pair<std::string, std::string>> signed_parameters;

    // The business parameters as JSON. From a JSON body: as sent. From a form or query string:
    // nested by their flattened names (`SelectedTables.0.TableName`), every leaf a string, and
    // `params_from_form` set so that validation reads numbers and booleans from their text.
    boost::json::object params;
    bool params_from_form = false;

    // The raw message, for signature verification. Not owned: valid while the request is handled.
    const HttpRequest* http = nullptr;

    // Names the region's source in error messages: `X-TC-Region` for TC3, `Region` for v1.
    const char* region_parameter_name() const { return scheme == SigningScheme::tc3 ? "X-TC-Region" : "Region"; }
};

}  // namespace tcaplus_mock
