#pragma once
// The text encodings the wire uses: base64 (v1 signatures, Terraform's IDL file content) and percent
// encoding (form bodies and query strings, IDL file content as DescribeIdlFileInfos answers it).
// Every function is pure and thread safe; bytes travel in std::string.

#include <optional>
#include <string>
#include <string_view>

namespace tcaplus_mock::encodings {

// Standard base64 (RFC 4648 alphabet, `=` padding, no line breaks).
std::string base64_encode(std::string_view bytes);

// The bytes of standard base64 text (length a multiple of 4, `=` padding only at the end), or nullopt
// when `text` is anything else (a blank, a line break, another alphabet).
std::optional<std::string> base64_decode(std::string_view text);

// The bytes of percent-encoded text as a form or a query string carries it: `+` is a space, `%XX`
// any byte; nullopt when a `%` is not followed by two hex digits.
std::optional<std::string> percent_decode(std::string_view encoded);

// Every byte but the unreserved ones (A-Z a-z 0-9 - . _ ~) as `%XX` in upper-case hex (a space is
// `%20`).
std::string percent_encode(std::string_view bytes);

}  // namespace tcaplus_mock::encodings
