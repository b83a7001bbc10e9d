#pragma once
// Signature v3 (TC3-HMAC-SHA256): parsing the Authorization header, building the canonical
// request and the string to sign the way the official SDKs do, and verifying a signature.
// All functions are pure and thread safe.

#include "server/auth/signature_diagnostics.hpp"
#include "server/core/api_error.hpp"
#include "server/protocol/http_message.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

// The parts of `Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request,
// SignedHeaders=a;b, Signature=<64 hex>`.
struct Tc3Authorization {
    std::string secret_id;
    std::string scope_date;      // `YYYY-MM-DD` as sent; compared with the timestamp by verify_tc3_signature
    std::string scope_service;   // as sent: SDKs disagree on it, so whatever the client put there is used
    std::string signed_headers;  // as sent, e.g. `content-type;host`; it enters the canonical request verbatim
    std::vector<std::string> signed_header_names;  // the same names, lowercased, in the order listed
    std::string signature;       // 64 hex digits, lowercased
};

// Parses an Authorization header value. The three fields may come in any order, separated by
// commas with optional blanks. Fails with errors::invalid_authorization saying what is wrong.
Result<Tc3Authorization> parse_tc3_authorization(std::string_view header);

// The canonical request of `http` for the headers named in `authorization`:
//   METHOD \n path \n query \n `name:value\n` per signed header, sorted by name \n SignedHeaders \n payload hash
// - query: the target's query string exactly as sent for GET (the SDKs sign the encoded string
//   they put on the wire); empty for every other method.
// - header values: the first header of that name, trimmed and lowercased; `host_value` stands in
//   for the Host header; a signed header the request lacks contributes an empty value.
// - payload hash: SHA-256 of "UNSIGNED-PAYLOAD" when X-TC-Content-SHA256 says so, else of the
//   empty string for GET, else of the body.
std::string tc3_canonical_request(const HttpRequest& http, const Tc3Authorization& authorization,
                                  std::string_view host_value);

// `TC3-HMAC-SHA256\n<timestamp>\n<date>/<service>/tc3_request\n<hex sha256(canonical_request)>`.
std::string tc3_string_to_sign(std::string_view timestamp, std::string_view date, std::string_view service,
                               std::string_view canonical_request);

// Lowercase hex HMAC-SHA256 of `string_to_sign` under the key derived from
// "TC3" + secret_key, date, service and "tc3_request".
std::string tc3_signature(std::string_view secret_key, std::string_view date, std::string_view service,
                          std::string_view string_to_sign);

// Verifies `authorization.signature` for `http`, signed with `secret_key` at `timestamp`
// (`timestamp_text` is the X-TC-Timestamp value as sent, `timestamp` its integer value).
// The scope's own date and service are used, but a scope date other than the UTC date of the
// timestamp fails, and so does a service other than `tcaplusdb` or the first dot-separated label
// of the Host header (with or without its port), which diagnostics->problem then explains. The
// Host header is tried as sent and then without its port.
// Returns true on a match. Otherwise returns false and, when `diagnostics` is not null, fills it
// with what the emulator signed (for the Host as sent and the timestamp's own date); it is left
// unchanged on a match. Signatures are compared in constant time.
bool verify_tc3_signature(const HttpRequest& http, const Tc3Authorization& authorization,
                          std::string_view timestamp_text, long long timestamp, std::string_view secret_key,
                          SignatureDiagnostics* diagnostics);

}  // namespace tcaplus_mock
