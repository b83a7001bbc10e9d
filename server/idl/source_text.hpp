#pragma once
// Helpers of server/idl for the text of uploaded files: positions, quoting, lists, and the checks
// made before any parser sees a file. Pure functions, safe from any thread.

#include "server/idl/table_schema.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock::idl {

struct TextPosition {
    int line = 0;    // 1-based, 0 = unknown
    int column = 0;  // 1-based byte column, 0 = unknown
};

// The position of byte `offset` of `text` (an offset past the end is the end).
TextPosition position_at(std::string_view text, std::size_t offset) noexcept;

// The position of a protobuf tokenizer's (0-based line, 0-based column) in `text`: the tokenizer
// advances a tab to the next multiple of 8; this counts it as one byte. A negative line is unknown.
TextPosition position_from_tokenizer(std::string_view text, int line, int column) noexcept;

// `text` made valid UTF-8 (ill-formed bytes replaced by U+FFFD).
std::string sanitized(std::string_view text);

// `name` in backticks for a message: valid UTF-8 and at most about 100 bytes ("..." when cut).
std::string quoted(std::string_view name);

IdlParseError parse_error(std::string_view file, std::string message, TextPosition at = {});

// An IdlParseError when `text` is larger than max_idl_file_size.
std::optional<IdlParseError> check_file_size(std::string_view file, std::string_view text);

// An IdlParseError at the first NUL byte of `text`, if any: neither format allows one.
std::optional<IdlParseError> check_no_nul_byte(std::string_view file, std::string_view text);

// An IdlParseError at the first bracket ({, [, (, <) of protobuf `text` that nests deeper than
// `limit`, outside comments and string literals (lexed as the protobuf tokenizer does).
std::optional<IdlParseError> check_bracket_nesting(std::string_view file, std::string_view text, int limit);

// The items of a separated list ("uin, name,region"), blanks (spaces, tabs) trimmed; an empty
// item stays as "" so that rules can name it. An empty or blank `text` gives no item.
std::vector<std::string> split_list(std::string_view text, char separator = ',');

// True for a non-negative decimal integer that fits `value`; sets it.
bool parse_decimal(std::string_view text, std::int64_t& value) noexcept;

}  // namespace tcaplus_mock::idl
