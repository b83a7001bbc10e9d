#pragma once
// SignatureDiagnostics: what the emulator signed when a request's signature did not match, so a
// client author can compare it with what their client signed. Holds request data only, never a key.

#include <string>

namespace tcaplus_mock {

struct SignatureDiagnostics {
    std::string canonical_request;  // TC3 only; empty for signature v1, which has no canonical request
    std::string string_to_sign;
};

}  // namespace tcaplus_mock
