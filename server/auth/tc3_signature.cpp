#include "server/auth/tc3_signature.hpp"

#include "server/auth/crypto.hpp"
#include "server/auth/signing_host.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/datetime.hpp"
#include "server/core/text.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

namespace tcaplus_mock {
namespace {

constexpr std::string_view algorithm = "TC3-HMAC-SHA256";
constexpr std::string_view scope_terminator = "tc3_request";

bool is_hex_digit(char c) { return text::is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool looks_like_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (i != 4 && i != 7 && !text::is_digit(text[i])) return false;
    return true;
}

ApiError malformed(std::string_view en, std::string_view zh) { return errors::invalid_authorization(en, zh); }

// `<SecretId>/<date>/<service>/tc3_request`
Result<void> parse_credential(std::string_view credential, Tc3Authorization& out) {
    const auto bad = [] {
        return malformed("`Credential` must be `<SecretId>/<YYYY-MM-DD>/<service>/tc3_request`",
                         "`Credential` 的格式应为 `<SecretId>/<YYYY-MM-DD>/<service>/tc3_request`");
    };
    const auto id_end = credential.find('/');
    if (id_end == std::string_view::npos || id_end == 0) return bad();
    const std::string_view scope = credential.substr(id_end + 1);
    const auto date_end = scope.find('/');
    const auto service_end = scope.rfind('/');
    if (date_end == std::string_view::npos || service_end <= date_end + 1) return bad();
    if (scope.substr(service_end + 1) != scope_terminator) return bad();
    const std::string_view date = scope.substr(0, date_end);
    if (!looks_like_date(date)) return bad();
    // A SecretId that is not UTF-8 names no credential, and would become an account name that every
    // answer, export and log line naming the account would have to carry.
    if (!text::is_valid_utf8(credential.substr(0, id_end)))
        return malformed("the SecretId in `Credential` is not valid UTF-8", "`Credential` 中的 SecretId 不是有效的 UTF-8");
    out.secret_id = credential.substr(0, id_end);
    out.scope_date = date;
    out.scope_service = scope.substr(date_end + 1, service_end - date_end - 1);
    return {};
}

Result<void> parse_signed_headers(std::string_view list, Tc3Authorization& out) {
    out.signed_headers = list;
    std::string_view rest = list;
    while (true) {
        const auto end = rest.find(';');
        const std::string_view name = rest.substr(0, end);
        if (name.empty() || name.find_first_of(" \t") != std::string_view::npos)
            return malformed("`SignedHeaders` must be header names separated by `;`",
                             "`SignedHeaders` 应为以 `;` 分隔的头部名称");
        out.signed_header_names.push_back(text::lowercase(name));
        if (end == std::string_view::npos) return {};
        rest.remove_prefix(end + 1);
    }
}

Result<void> parse_signature(std::string_view signature, Tc3Authorization& out) {
    if (signature.size() != 64 || !std::all_of(signature.begin(), signature.end(), is_hex_digit))
        return malformed("`Signature` must be 64 hexadecimal digits", "`Signature` 应为 64 位十六进制数");
    out.signature = text::lowercase(signature);
    return {};
}

// Splits `Credential=..., SignedHeaders=..., Signature=...` into its three values.
Result<std::array<std::string_view, 3>> split_fields(std::string_view fields) {
    static constexpr std::array<std::string_view, 3> names{"Credential", "SignedHeaders", "Signature"};
    std::array<std::optional<std::string_view>, 3> found;
    while (!fields.empty()) {
        const auto end = fields.find(',');
        const std::string_view field = text::trim_blanks(fields.substr(0, end));
        fields = end == std::string_view::npos ? std::string_view{} : fields.substr(end + 1);
        const auto equals = field.find('=');
        const std::string_view name = field.substr(0, equals);
        const auto known = std::find(names.begin(), names.end(), name);
        if (equals == std::string_view::npos || known == names.end() || found[known - names.begin()])
            return malformed("it must read `TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`",
                             "其格式应为 `TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`");
        found[known - names.begin()] = text::trim_blanks(field.substr(equals + 1));
    }
    std::array<std::string_view, 3> values;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!found[i])
            return malformed("`" + std::string(names[i]) + "` is missing",
                             "缺少 `" + std::string(names[i]) + "`");
        values[i] = *found[i];
    }
    return values;
}

std::string payload_hash(const HttpRequest& http) {
    const std::string* content_sha256 = http.header("x-tc-content-sha256");
    if (content_sha256 != nullptr && text::trim_blanks(*content_sha256) == "UNSIGNED-PAYLOAD")
        return crypto::sha256_hex("UNSIGNED-PAYLOAD");
    return crypto::sha256_hex(http.method == "GET" ? std::string_view{} : std::string_view(http.body));
}

bool signs_host(const Tc3Authorization& authorization) {
    const auto& names = authorization.signed_header_names;
    return std::find(names.begin(), names.end(), "host") != names.end();
}

}  // namespace

Result<Tc3Authorization> parse_tc3_authorization(std::string_view header) {
    const std::string_view text = text::trim_blanks(header);
    if (text.substr(0, algorithm.size()) != algorithm || text.size() == algorithm.size() ||
        (text[algorithm.size()] != ' ' && text[algorithm.size()] != '\t'))
        return malformed("it must start with `TC3-HMAC-SHA256 `",
                         "必须以 `TC3-HMAC-SHA256 ` 开头");
    auto fields = split_fields(text.substr(algorithm.size() + 1));
    if (!fields) return fields.error();
    Tc3Authorization authorization;
    if (auto parsed = parse_credential((*fields)[0], authorization); !parsed) return parsed.error();
    if (auto parsed = parse_signed_headers((*fields)[1], authorization); !parsed) return parsed.error();
    if (auto parsed = parse_signature((*fields)[2], authorization); !parsed) return parsed.error();
    return authorization;
}

std::string tc3_canonical_request(const HttpRequest& http, const Tc3Authorization& authorization,
                                  std::string_view host_value) {
    std::vector<std::string_view> names(authorization.signed_header_names.begin(),
                                        authorization.signed_header_names.end());
    std::stable_sort(names.begin(), names.end());

    std::string canonical;
    canonical.reserve(256 + http.target.size());
    canonical.append(http.method).append("\n");
    canonical.append(target_path(http.target)).append("\n");
    if (http.method == "GET") canonical.append(target_query(http.target));
    canonical.append("\n");
    for (std::string_view name : names) {
        std::string_view value = host_value;
        if (name != "host") {
            const std::string* header = http.header(name);
            value = header != nullptr ? text::trim_blanks(*header) : std::string_view{};
        }
        canonical.append(name).append(":").append(text::lowercase(text::trim_blanks(value))).append("\n");
    }
    canonical.append("\n").append(authorization.signed_headers).append("\n");
    canonical.append(payload_hash(http));
    return canonical;
}

std::string tc3_string_to_sign(std::string_view timestamp, std::string_view date, std::string_view service,
                               std::string_view canonical_request) {
    std::string text;
    text.append(algorithm).append("\n").append(timestamp).append("\n");
    text.append(date).append("/").append(service).append("/").append(scope_terminator).append("\n");
    text.append(crypto::sha256_hex(canonical_request));
    return text;
}

namespace {

// The key derived from a SecretKey for one date and service: three HMACs that every request of the
// same client repeats, so each thread keeps the keys it derived (a bounded number of them).
const std::string& signing_key(std::string_view secret_key, std::string_view date, std::string_view service) {
    constexpr std::size_t kept_keys = 16384;
    thread_local std::unordered_map<std::string, std::string> keys;
    std::string id;
    id.reserve(secret_key.size() + date.size() + service.size() + 2);
    id.append(secret_key).append(1, '\n').append(date).append(1, '\n').append(service);
    if (const auto found = keys.find(id); found != keys.end()) return found->second;
    if (keys.size() >= kept_keys) keys.clear();
    const std::string date_key = crypto::hmac_sha256("TC3" + std::string(secret_key), date);
    const std::string service_key = crypto::hmac_sha256(date_key, service);
    return keys.emplace(std::move(id), crypto::hmac_sha256(service_key, scope_terminator)).first->second;
}

}  // namespace

std::string tc3_signature(std::string_view secret_key, std::string_view date, std::string_view service,
                          std::string_view string_to_sign) {
    return crypto::hex(crypto::hmac_sha256(signing_key(secret_key, date, service), string_to_sign));
}

namespace {

// `127` of `127.0.0.1:8023`, `localhost:8023` of itself: the service the Node and C++ SDKs sign.
std::string_view first_label(std::string_view host) { return host.substr(0, host.find('.')); }

// The services a real client signs: `tcaplusdb` (Python, Go, tccli), or the first label of the
// endpoint (Node, C++), with or without the port. Another service (`cvm`) was signed for another API.
bool service_accepted(std::string_view service, const SigningHosts& hosts) {
    if (service == "tcaplusdb" || service == first_label(hosts.as_sent)) return true;
    return hosts.without_port && service == first_label(*hosts.without_port);
}

std::string service_problem(std::string_view service, const SigningHosts& hosts) {
    return "the credential scope names the service `" + text::sanitize_utf8(service) +
           "`; a signature for this API names `tcaplusdb` or the first label of the Host header (`" +
           text::sanitize_utf8(first_label(hosts.as_sent)) + "`)";
}

}  // namespace

bool verify_tc3_signature(const HttpRequest& http, const Tc3Authorization& authorization,
                          std::string_view timestamp_text, long long timestamp, std::string_view secret_key,
                          SignatureDiagnostics* diagnostics) {
    const std::string expected_date = format_utc_date(timestamp);
    const std::string* host_header = http.header("host");
    const SigningHosts hosts = signing_hosts(host_header != nullptr ? std::string_view(*host_header) : "");

    const bool service_ok = service_accepted(authorization.scope_service, hosts);
    if (service_ok && authorization.scope_date == expected_date) {
        std::vector<std::string_view> candidates{hosts.as_sent};
        if (hosts.without_port && signs_host(authorization)) candidates.push_back(*hosts.without_port);
        for (std::string_view host : candidates) {
            const std::string string_to_sign = tc3_string_to_sign(
                timestamp_text, authorization.scope_date, authorization.scope_service,
                tc3_canonical_request(http, authorization, host));
            const std::string expected =
                tc3_signature(secret_key, authorization.scope_date, authorization.scope_service, string_to_sign);
            if (crypto::constant_time_equal(expected, authorization.signature)) return true;
        }
    }
    if (diagnostics != nullptr) {
        diagnostics->canonical_request = tc3_canonical_request(http, authorization, hosts.as_sent);
        diagnostics->string_to_sign = tc3_string_to_sign(timestamp_text, expected_date, authorization.scope_service,
                                                         diagnostics->canonical_request);
        if (!service_ok) diagnostics->problem = service_problem(authorization.scope_service, hosts);
        redact_secrets(*diagnostics);
    }
    return false;
}

}  // namespace tcaplus_mock
