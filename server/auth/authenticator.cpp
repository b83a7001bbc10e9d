#include "server/auth/authenticator.hpp"

#include "server/auth/crypto.hpp"
#include "server/auth/tc3_signature.hpp"
#include "server/auth/v1_signature.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/text.hpp"

#include <stdexcept>

namespace tcaplus_mock {
namespace {

AuthOutcome outcome_for(const std::string& secret_id, const Credential* credential) {
    const bool verified = credential != nullptr;
    std::string sub_account = verified && !credential->sub_account.empty() ? credential->sub_account : secret_id;
    std::string account = sub_account;
    return AuthOutcome{secret_id, std::move(sub_account), verified, std::move(account)};
}

// The request's token must equal the credential's when the credential has one.
bool token_accepted(const ApiRequest& request, const Credential& credential) {
    return credential.token.empty() || crypto::constant_time_equal(request.token, credential.token);
}

const HttpRequest& http_of(const ApiRequest& request) {
    if (request.http == nullptr) throw std::logic_error("ApiRequest::http is required to verify a signature");
    return *request.http;
}

}  // namespace

std::string readable_secret_id(const ApiRequest& request) {
    if (request.scheme == SigningScheme::v1) return request.secret_id;
    const std::string* header = request.http != nullptr ? request.http->header("authorization") : nullptr;
    if (header == nullptr) return request.secret_id;
    auto authorization = parse_tc3_authorization(*header);
    return authorization ? authorization->secret_id : request.secret_id;
}

Authenticator::Authenticator(const Config::Auth& settings, const Clock& clock)
    : mode_(settings.mode), timestamp_window_(settings.timestamp_window), clock_(clock) {
    for (const Credential& credential : settings.credentials) credentials_.try_emplace(credential.secret_id, credential);
}

Result<AuthOutcome> Authenticator::authenticate(const ApiRequest& request, SignatureDiagnostics* diagnostics) const {
    if (mode_ == AuthMode::off) return AuthOutcome{readable_secret_id(request), "", false, shared_account};
    return request.scheme == SigningScheme::tc3 ? authenticate_tc3(request, diagnostics)
                                                : authenticate_v1(request, diagnostics);
}

Result<AuthOutcome> Authenticator::authenticate_tc3(const ApiRequest& request,
                                                    SignatureDiagnostics* diagnostics) const {
    const HttpRequest& http = http_of(request);
    const std::string* header = http.header("authorization");
    if (header == nullptr) return errors::invalid_authorization("the header is missing", "缺少该头部");
    auto authorization = parse_tc3_authorization(*header);
    if (!authorization) return authorization.error();

    auto timestamp = check_timestamp(request, "X-TC-Timestamp");
    if (!timestamp) return timestamp.error();
    auto credential = find_credential(authorization->secret_id);
    if (!credential) return credential.error();
    if (*credential == nullptr) return outcome_for(authorization->secret_id, nullptr);

    if (!verify_tc3_signature(http, *authorization, request.timestamp, *timestamp, (*credential)->secret_key,
                              diagnostics))
        return errors::signature_failure();
    if (!token_accepted(request, **credential)) return errors::token_failure("X-TC-Token");
    return outcome_for(authorization->secret_id, *credential);
}

Result<AuthOutcome> Authenticator::authenticate_v1(const ApiRequest& request,
                                                   SignatureDiagnostics* diagnostics) const {
    const HttpRequest& http = http_of(request);
    if (request.secret_id.empty()) return errors::missing_parameter("SecretId");
    if (request.signature.empty()) return errors::missing_parameter("Signature");
    if (request.nonce.empty()) return errors::missing_parameter("Nonce");
    const auto method = parse_v1_signature_method(request.signature_method);
    if (!method)
        return errors::invalid_parameter_value("SignatureMethod", request.signature_method,
                                               "`HmacSHA1` or `HmacSHA256`", "`HmacSHA1` 或 `HmacSHA256`");
    if (!text::all_digits(request.nonce))
        return errors::invalid_parameter_value("Nonce", request.nonce, "a non-negative integer", "非负整数");

    auto timestamp = check_timestamp(request, "Timestamp");
    if (!timestamp) return timestamp.error();
    auto credential = find_credential(request.secret_id);
    if (!credential) return credential.error();
    if (*credential == nullptr) return outcome_for(request.secret_id, nullptr);

    if (!verify_v1_signature(http, request.signed_parameters, *method, request.signature,
                             (*credential)->secret_key, diagnostics))
        return errors::signature_failure();
    if (!token_accepted(request, **credential)) return errors::token_failure("Token");
    return outcome_for(request.secret_id, *credential);
}

Result<long long> Authenticator::check_timestamp(const ApiRequest& request, const char* name) const {
    if (!request.timestamp_present) return errors::missing_parameter(name);
    const auto parsed = text::parse_whole<long long>(request.timestamp);
    if (!parsed)
        return errors::invalid_parameter_value(name, request.timestamp, "an integer number of seconds since the UNIX epoch",
                                               "以秒为单位的 UNIX 时间戳（整数）");
    const long long timestamp = *parsed;
    const long long now = unix_seconds(clock_.now());
    const long long window = timestamp_window_.count();
    if (timestamp < now - window || timestamp > now + window) return errors::signature_expire(timestamp, now);
    return timestamp;
}

Result<const Credential*> Authenticator::find_credential(const std::string& secret_id) const {
    const auto found = credentials_.find(secret_id);
    if (found != credentials_.end()) return &found->second;
    if (mode_ == AuthMode::strict) return errors::secret_id_not_found();
    return static_cast<const Credential*>(nullptr);
}

}  // namespace tcaplus_mock
