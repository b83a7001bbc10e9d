#include "server/auth/v1_signature.hpp"

#include "server/auth/crypto.hpp"
#include "server/auth/signing_host.hpp"
#include "server/core/encodings.hpp"

#include <algorithm>

namespace tcaplus_mock {
std::optional<V1SignatureMethod> parse_v1_signature_method(std::string_view name) {
    if (name.empty() || name == "HmacSHA1") return V1SignatureMethod::hmac_sha1;
    if (name == "HmacSHA256") return V1SignatureMethod::hmac_sha256;
    return std::nullopt;
}

std::string v1_string_to_sign(std::string_view method, std::string_view host, std::string_view path,
                              const std::vector<std::pair<std::string, std::string>>& parameters,
                              V1EmptyValues empty_values) {
    std::vector<const std::pair<std::string, std::string>*> sorted;
    sorted.reserve(parameters.size());
    std::size_t length = method.size() + host.size() + path.size() + 1;
    for (const auto& parameter : parameters) {
        if (parameter.first == "Signature") continue;
        if (empty_values == V1EmptyValues::skipped && parameter.second.empty()) continue;
        sorted.push_back(&parameter);
        length += parameter.first.size() + parameter.second.size() + 2;
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });

    std::string text;
    text.reserve(length);
    text.append(method).append(host).append(path).append("?");
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (i != 0) text.push_back('&');
        text.append(sorted[i]->first).append("=").append(sorted[i]->second);
    }
    return text;
}

std::string v1_signature(V1SignatureMethod method, std::string_view secret_key, std::string_view string_to_sign) {
    return encodings::base64_encode(method == V1SignatureMethod::hmac_sha256
                                     ? crypto::hmac_sha256(secret_key, string_to_sign)
                                     : crypto::hmac_sha1(secret_key, string_to_sign));
}

bool verify_v1_signature(const HttpRequest& http, const std::vector<std::pair<std::string, std::string>>& parameters,
                         V1SignatureMethod method, std::string_view signature, std::string_view secret_key,
                         SignatureDiagnostics* diagnostics) {
    // A client that leaves `+` unescaped in a query string or form body has it decoded to a
    // blank; base64 never contains blanks, so reading them back as `+` loses nothing.
    std::string provided(signature);
    std::replace(provided.begin(), provided.end(), ' ', '+');

    const std::string* host_header = http.header("host");
    const SigningHosts hosts = signing_hosts(host_header != nullptr ? std::string_view(*host_header) : "");
    const std::string_view path = target_path(http.target);

    std::vector<std::string_view> candidate_hosts{hosts.as_sent};
    if (hosts.without_port) candidate_hosts.push_back(*hosts.without_port);
    std::vector<V1EmptyValues> candidate_empty_values{V1EmptyValues::included};
    if (std::any_of(parameters.begin(), parameters.end(), [](const auto& p) { return p.second.empty(); }))
        candidate_empty_values.push_back(V1EmptyValues::skipped);

    std::string first_string_to_sign;
    for (std::string_view host : candidate_hosts) {
        for (V1EmptyValues empty_values : candidate_empty_values) {
            std::string string_to_sign = v1_string_to_sign(http.method, host, path, parameters, empty_values);
            if (crypto::constant_time_equal(v1_signature(method, secret_key, string_to_sign), provided)) return true;
            if (first_string_to_sign.empty()) first_string_to_sign = std::move(string_to_sign);
        }
    }
    if (diagnostics != nullptr) {
        diagnostics->canonical_request.clear();
        diagnostics->string_to_sign = std::move(first_string_to_sign);
        redact_secrets(*diagnostics);
    }
    return false;
}

}  // namespace tcaplus_mock
