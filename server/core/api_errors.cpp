#include "server/core/api_errors.hpp"

#include "server/core/text.hpp"

#include <string>

namespace tcaplus_mock::errors {
namespace {

// Names and values are echoed back in messages: a multi-megabyte one must not be, and bytes that
// are not UTF-8 must not reach a JSON answer.
std::string quoted_cut(std::string_view text, std::size_t shown) {
    const std::string_view kept = text::utf8_prefix(text, shown);
    return "`" + text::sanitize_utf8(kept) + (kept.size() < text.size() ? "...`" : "`");
}

}  // namespace

std::string quoted(std::string_view name) { return quoted_cut(name, 256); }
std::string quoted_value(std::string_view value) { return quoted_cut(value, 64); }

ApiError make(std::string code, std::string en, std::string zh, std::string parameter) {
    return ApiError{std::move(code), LocalizedText{std::move(en), std::move(zh)}, std::move(parameter)};
}

ApiError missing_parameter(std::string_view name) {
    return make("MissingParameter", "The request is missing a required parameter " + quoted(name) + ".",
                "缺少必需参数 " + quoted(name) + "。", std::string(name));
}

ApiError unknown_parameter(std::string_view path) {
    return make("UnknownParameter", "The parameter " + quoted(path) + " is not recognized.",
                "未知参数错误，用户多传未定义的参数会导致错误：参数 " + quoted(path) + " 未定义。", std::string(path));
}

ApiError invalid_parameter_type(std::string_view path, std::string_view expected, std::string_view received) {
    return make("InvalidParameter",
                "The value type of parameter " + quoted(path) + " is not valid. Expected " + quoted(expected) +
                    ", got " + quoted(received) + ".",
                "参数 " + quoted(path) + " 取值类型错误。参数类型应为 " + quoted(expected) + "，实际为 " +
                    quoted(received) + "。",
                std::string(path));
}

ApiError invalid_parameter_value(std::string_view path, std::string_view value, std::string_view expected_en,
                                 std::string_view expected_zh) {
    return make("InvalidParameterValue",
                "The value " + quoted_value(value) + " specified in the parameter " + quoted(path) +
                    " is not valid. Expected " + std::string(expected_en) + ".",
                "参数 " + quoted(path) + " 的取值 " + quoted_value(value) + " 无效。应为" + std::string(expected_zh) +
                    "。",
                std::string(path));
}

ApiError list_too_long(std::string_view path, std::size_t count, std::size_t limit) {
    const auto items = std::to_string(count), cap = std::to_string(limit);
    return make("InvalidParameterValue",
                "The parameter " + quoted(path) + " has " + quoted(items) + " items, more than the limit " +
                    quoted(cap) + ".",
                "参数 " + quoted(path) + " 包含 " + quoted(items) + " 项，超过上限 " + quoted(cap) + "。",
                std::string(path));
}

ApiError body_not_json(std::string_view detail) {
    return make("InvalidParameter", "The request body is not valid JSON: " + std::string(detail) + ".",
                "请求体不是合法的 JSON：" + std::string(detail) + "。");
}

ApiError body_not_object() {
    return make("InvalidParameter", "The request body must be a JSON object.", "请求体必须是 JSON 对象。");
}

ApiError form_pair_without_equals() {
    return make("InvalidParameter", "Url key and value should be splited by `=`.", "URL 参数的键和值应以 `=` 分隔。");
}

ApiError form_parameter_conflict(std::string_view name) {
    return make("InvalidParameter",
                "The parameter " + quoted(name) + " is given more than once or conflicts with another parameter.",
                "参数 " + quoted(name) + " 重复或与其他参数冲突。");
}

ApiError unsupported_content_type(std::string_view content_type) {
    const std::string shown = content_type.empty() ? std::string("(none)") : std::string(content_type);
    return make("InvalidParameter",
                "The Content-Type " + quoted(shown) +
                    " is not supported. Use `application/json` or `application/x-www-form-urlencoded`.",
                "不支持的 Content-Type " + quoted(shown) +
                    "，请使用 `application/json` 或 `application/x-www-form-urlencoded`。");
}

ApiError unsupported_protocol(std::string_view method) {
    return make("UnsupportedProtocol",
                "The HTTP method " + quoted(method) + " is not supported. Use `GET` or `POST`.",
                "不支持的 HTTP 请求方法 " + quoted(method) + "，请使用 `GET` 或 `POST`。");
}

ApiError request_size_limit_exceeded(std::size_t limit_bytes) {
    const auto limit = std::to_string(limit_bytes);
    return make("RequestSizeLimitExceeded",
                "The request size exceeds the limit of " + quoted(limit) + " bytes.",
                "请求包超过限制大小 " + quoted(limit) + " 字节。");
}

ApiError body_memory_exhausted(std::size_t budget_bytes) {
    const auto limit = std::to_string(budget_bytes);
    return make("RequestSizeLimitExceeded",
                "The request body cannot be taken now: the request bodies being received fill the limit of " +
                    quoted(limit) + " bytes (server.body_memory). Please retry later.",
                "当前正在接收的请求包已达总量上限 " + quoted(limit) + " 字节（server.body_memory），请稍后重试。");
}

ApiError invalid_action(std::string_view action) {
    return make("InvalidAction", "The action " + quoted(action) + " does not exist.",
                "接口不存在。" + quoted(action) + " 不是有效的接口名。");
}


ApiError no_such_version(std::string_view version) {
    return make("NoSuchVersion",
                "The API version " + quoted(version) + " does not exist. Use `2019-08-23`.",
                "接口版本 " + quoted(version) + " 不存在，请使用 `2019-08-23`。");
}

ApiError invalid_region(std::string_view parameter_name) {
    return make("InvalidParameterValue",
                "A value specified in " + quoted(parameter_name) + " is not valid, is unsupported, or cannot be used.",
                "参数 " + quoted(parameter_name) + " 的取值无效、不受支持或无法使用。");
}

ApiError unsupported_region() {
    return make("UnsupportedRegion", "The action not support this region.", "接口不支持所传地域。");
}

ApiError internal_error() {
    return make("InternalError", "An internal error occurred. Please try again later.", "内部错误，请稍后重试。");
}

ApiError invalid_authorization(std::string_view detail_en, std::string_view detail_zh) {
    return make("AuthFailure.InvalidAuthorization",
                "The Authorization header is not valid: " + std::string(detail_en) + ".",
                "请求头部的 Authorization 不符合腾讯云标准：" + std::string(detail_zh) + "。");
}

ApiError signature_failure() {
    return make("AuthFailure.SignatureFailure",
                "The provided credentials could not be validated. Please check your signature is correct.",
                "签名错误。签名计算错误，请对照调用方式中的签名方法文档检查签名计算过程。");
}

ApiError signature_expire(long long request_timestamp, long long server_timestamp) {
    const auto sent = std::to_string(request_timestamp), now = std::to_string(server_timestamp);
    return make("AuthFailure.SignatureExpire",
                "Signature expired. Timestamp " + quoted(sent) + " differs from the server time " + quoted(now) +
                    " by more than the allowed window.",
                "签名过期。Timestamp 和服务器时间相差不得超过五分钟，请检查本地时间是否和标准时间同步。（请求 " +
                    quoted(sent) + "，服务器 " + quoted(now) + "）");
}

ApiError secret_id_not_found() {
    return make("AuthFailure.SecretIdNotFound",
                "The SecretId is not found, please ensure that your SecretId is correct.",
                "密钥不存在。请在控制台检查密钥是否已被删除或者禁用，如状态正常，请检查密钥是否填写正确。");
}

ApiError token_failure(std::string_view parameter_name) {
    return make("AuthFailure.TokenFailure", "The provided token is not valid. Please check " + quoted(parameter_name) + ".",
                "Token 错误，请检查 " + quoted(parameter_name) + "。");
}

ApiError request_limit_exceeded(unsigned long long count, unsigned long long limit) {
    const auto times = std::to_string(count), cap = std::to_string(limit);
    return make("RequestLimitExceeded",
                "Your current request times equals to " + quoted(times) +
                    " in a second, which exceeds the frequency limit " + quoted(cap) +
                    " for a second. Please reduce the frequency of calls.",
                "您当前每秒请求 " + quoted(times) + " 次，超过了每秒频率上限 " + quoted(cap) + "，请稍后重试。");
}

}  // namespace tcaplus_mock::errors
