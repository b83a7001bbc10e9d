#pragma once
// The catalog of every ApiError the emulator returns: one function per situation, each holding
// its English and Chinese text. Where the live API's wording is known (FACTS.md section 9) it is
// used verbatim, backticks included, because clients parse some of these messages.
// Parameter paths are written as the API names them: `SelectedTables.1.SnapshotTime`.
// The errors of the snapshot actions live beside them (server/actions/snapshot_errors.hpp) and are
// written with the same helpers.

#include "server/core/api_error.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace tcaplus_mock::errors {

// --- helpers for writing catalog entries ---
// An ApiError with its code, both texts and, for an error about one parameter, its path.
ApiError make(std::string code, std::string en, std::string zh, std::string parameter = {});
// A name or value between backticks, as messages echo them: cut to 256 bytes (names, paths) or
// 64 bytes (values) at a character boundary with `...` marking the cut, every ill-formed UTF-8
// sequence replaced by U+FFFD, so an echoed value can never break a JSON answer.
std::string quoted(std::string_view name);
std::string quoted_value(std::string_view value);

// --- request shape ---
ApiError missing_parameter(std::string_view name);
ApiError unknown_parameter(std::string_view path);
// `expected` and `received` are JSON type names: "string", "integer", "array", "object"...
ApiError invalid_parameter_type(std::string_view path, std::string_view expected, std::string_view received);
// The value is quoted as sent; `expected_en` / `expected_zh` say what would have been accepted.
ApiError invalid_parameter_value(std::string_view path, std::string_view value, std::string_view expected_en,
                                 std::string_view expected_zh);
// A list with more items than allowed (limits.max_batch); code InvalidParameterValue.
ApiError list_too_long(std::string_view path, std::size_t count, std::size_t limit);
ApiError body_not_json(std::string_view detail);
ApiError body_not_object();
ApiError form_pair_without_equals();
ApiError form_parameter_conflict(std::string_view name);
ApiError unsupported_content_type(std::string_view content_type);
ApiError unsupported_protocol(std::string_view method);
ApiError request_size_limit_exceeded(std::size_t limit_bytes);
// RequestSizeLimitExceeded, for a body the emulator cannot hold now: the bodies of all connections
// together already fill `budget_bytes` (server.body_memory).
ApiError body_memory_exhausted(std::size_t budget_bytes);
ApiError invalid_action(std::string_view action);
ApiError no_such_version(std::string_view version);
ApiError invalid_region(std::string_view parameter_name);
ApiError unsupported_region();
ApiError internal_error();

// --- authentication ---
ApiError invalid_authorization(std::string_view detail_en, std::string_view detail_zh);
ApiError signature_failure();
ApiError signature_expire(long long request_timestamp, long long server_timestamp);
ApiError secret_id_not_found();
// `parameter_name`: where the token travels, `X-TC-Token` (TC3) or `Token` (v1).
ApiError token_failure(std::string_view parameter_name);

// --- frequency limit: `count` is this request's number within the current second ---
ApiError request_limit_exceeded(unsigned long long count, unsigned long long limit);

}  // namespace tcaplus_mock::errors
