#pragma once
// Signature v1 (HmacSHA1 / HmacSHA256): the string to sign and its verification.
// All functions are pure and thread safe.

#include "server/auth/signature_diagnostics.hpp"
#include "server/protocol/http_message.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tcaplus_mock {

enum class V1SignatureMethod { hmac_sha1, hmac_sha256 };

// Maps the `SignatureMethod` parameter: "HmacSHA1" or absent (empty) -> hmac_sha1,
// "HmacSHA256" -> hmac_sha256, anything else -> nullopt.
std::optional<V1SignatureMethod> parse_v1_signature_method(std::string_view name);

// Whether parameters with an empty value take part in the string to sign. The Go SDK sends them
// (`Language=` when no language is set) but leaves them out of what it signs; the others sign them.
enum class V1EmptyValues { included, skipped };

// `<method><host><path>?k1=v1&k2=v2...`: every parameter except `Signature`, sorted by name
// (byte order, stable for repeated names), names and values as decoded (not url-encoded).
std::string v1_string_to_sign(std::string_view method, std::string_view host, std::string_view path,
                              const std::vector<std::pair<std::string, std::string>>& parameters,
                              V1EmptyValues empty_values = V1EmptyValues::included);

// base64(HMAC(secret_key, string_to_sign)) with the digest `method` names.
std::string v1_signature(V1SignatureMethod method, std::string_view secret_key, std::string_view string_to_sign);

// Verifies `signature` (base64, already url-decoded) over `parameters` for `http`, whose method,
// Host header and target path take part. The Host header is tried as sent and then without its
// port, each with empty values signed and, when there are any, skipped. Returns true on a match;
// otherwise false, and `diagnostics` (when not null) gets the string to sign for the Host as sent
// with every parameter, and an empty canonical request; it is left unchanged on a match.
// Signatures are compared in constant time.
bool verify_v1_signature(const HttpRequest& http, const std::vector<std::pair<std::string, std::string>>& parameters,
                         V1SignatureMethod method, std::string_view signature, std::string_view secret_key,
                         SignatureDiagnostics* diagnostics);

}  // namespace tcaplus_mock
