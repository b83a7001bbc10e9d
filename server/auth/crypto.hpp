#pragma once
// The hash and MAC primitives the signature verifiers need (base64: server/core/encodings.hpp). OpenSSL stays in the .cpp.
// Every function is pure and thread safe; inputs and outputs are byte strings in std::string.

#include <string>
#include <string_view>

namespace tcaplus_mock::crypto {

// Lowercase hex of SHA-256(data), 64 characters.
std::string sha256_hex(std::string_view data);

// Raw 32-byte HMAC-SHA256(key, data).
std::string hmac_sha256(std::string_view key, std::string_view data);

// Raw 20-byte HMAC-SHA1(key, data).
std::string hmac_sha1(std::string_view key, std::string_view data);

// Lowercase hex of any bytes.
std::string hex(std::string_view bytes);

// True when a and b hold the same bytes. The time taken depends on their lengths only,
// never on where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace tcaplus_mock::crypto
