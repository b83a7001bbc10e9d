#pragma once
// SignatureDiagnostics: what the emulator signed when a request's signature did not match, so a
// client author can compare it with what their client signed. Holds request data only, never a key.

#include <string>
#include <string_view>

namespace tcaplus_mock {

struct SignatureDiagnostics {
    std::string canonical_request;  // TC3 only; empty for signature v1, which has no canonical request
    std::string string_to_sign;
    std::string problem;  // why the signature was refused before any comparison, "" for a mismatch
};

// Replaces what a diagnostic must not show: the value of a signed `x-tc-token` header line of a TC3
// canonical request, and the `Token=` parameter of a v1 string to sign, each by `REDACTED`.
std::string redact_token(std::string text, std::string_view marker, char end);
inline void redact_secrets(SignatureDiagnostics& diagnostics) {
    diagnostics.canonical_request = redact_token(std::move(diagnostics.canonical_request), "\nx-tc-token:", '\n');
    diagnostics.string_to_sign = redact_token(std::move(diagnostics.string_to_sign), "Token=", '&');
}

}  // namespace tcaplus_mock
