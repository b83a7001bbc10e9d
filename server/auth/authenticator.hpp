#pragma once
// Authenticator: the authentication stage. Checks a decoded request's signature (TC3 or v1),
// its timestamp window and its token against the configured credentials, and names the
// sub-account the frequency limit counts the request against.

#include "server/auth/signature_diagnostics.hpp"
#include "server/config/config.hpp"
#include "server/core/api_error.hpp"
#include "server/core/clock.hpp"
#include "server/protocol/api_request.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <string>

namespace tcaplus_mock {

// The account of every request when authentication is off: all callers share it.
inline constexpr const char* shared_account = "default";

struct AuthOutcome {
    std::string secret_id;    // the request's SecretId; "" when auth is off and none is readable
    std::string sub_account;  // the credential's sub_account, else the SecretId; "" when auth is off
    bool signature_verified = false;
    // Whose snapshots the request sees and makes: the sub-account, or shared_account when auth is off.
    std::string account;
};

// The SecretId a request names (v1 `SecretId`, or the TC3 Authorization's Credential), whether or
// not it is valid; "" when none can be read. For logs and the journal.
std::string readable_secret_id(const ApiRequest& request);

class Authenticator {
public:
    // Copies the credentials, mode and timestamp window out of `settings`; keeps a reference to
    // `clock`, which must outlive the Authenticator.
    Authenticator(const Config::Auth& settings, const Clock& clock);

    // Authenticates `request` according to the mode:
    // - off: always succeeds, with the SecretId when one is readable; nothing is checked.
    // - any: the request must be well formed (Authorization, or v1 SecretId/Signature/Nonce/
    //   Timestamp) with a timestamp within the window; any SecretId is accepted, and the signature
    //   and token are verified when the SecretId is a configured credential.
    // - strict: as any, but an unknown SecretId fails with AuthFailure.SecretIdNotFound.
    // Failures, in the order checked:
    //   TC3: AuthFailure.InvalidAuthorization (Authorization missing or malformed);
    //   v1: MissingParameter (SecretId, Signature, Nonce), InvalidParameterValue (SignatureMethod
    //       other than HmacSHA1/HmacSHA256, Nonce not a non-negative integer);
    //   both: MissingParameter (X-TC-Timestamp / Timestamp), InvalidParameterValue (timestamp not
    //   an integer), AuthFailure.SignatureExpire (more than the window from clock.now(), either
    //   way), AuthFailure.SecretIdNotFound (strict), AuthFailure.SignatureFailure (signature or
    //   scope date wrong), AuthFailure.TokenFailure (the credential has a token and the request's
    //   X-TC-Token / Token differs).
    // When a signature was computed and did not match and `diagnostics` is not null, it receives
    // what the emulator signed (never a key). `request.http` must be set unless the mode is off.
    // Thread safe: const and without mutable state.
    Result<AuthOutcome> authenticate(const ApiRequest& request, SignatureDiagnostics* diagnostics) const;

private:
    Result<AuthOutcome> authenticate_tc3(const ApiRequest& request, SignatureDiagnostics* diagnostics) const;
    Result<AuthOutcome> authenticate_v1(const ApiRequest& request, SignatureDiagnostics* diagnostics) const;
    // Parses and checks the timestamp against the window; `name` is how the request calls it.
    Result<long long> check_timestamp(const ApiRequest& request, const char* name) const;
    // The configured credential for `secret_id`, nullptr when there is none; in strict mode an
    // unknown SecretId is an error.
    Result<const Credential*> find_credential(const std::string& secret_id) const;

    AuthMode mode_;
    std::chrono::seconds timestamp_window_;
    std::map<std::string, Credential, std::less<>> credentials_;  // by SecretId
    const Clock& clock_;
};

}  // namespace tcaplus_mock
