#pragma once
// The small text helpers every stage needs, in one place: blank trimming, ASCII case folding,
// digit checks, whole-string number parsing and UTF-8 checks. Everything here is pure, allocation-free unless it returns a
// std::string, and safe to call from any thread.

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace tcaplus_mock::text {

// `text` without leading and trailing spaces and tabs (the blanks HTTP allows around values).
std::string_view trim_blanks(std::string_view text) noexcept;

// ASCII letters folded to lowercase; every other byte unchanged.
char to_lower(char c) noexcept;
std::string lowercase(std::string_view text);

// Equal when compared with ASCII letters folded; other bytes must match exactly.
bool iequals(std::string_view a, std::string_view b) noexcept;

// True for an ASCII digit, whatever the locale.
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// True for one or more ASCII digits and nothing else.
bool all_digits(std::string_view text) noexcept;

// The whole of `text` read as a Number the way std::from_chars reads it (an optional `-` for signed
// and floating types, no `+`, no blanks, nothing left over), or nullopt: "12" is 12, "12x", " 12"
// and "" are nothing, and so is a number out of Number's range.
template <class Number>
std::optional<Number> parse_whole(std::string_view text) noexcept {
    Number number{};
    const char* last = text.data() + text.size();
    const auto [end, error] = std::from_chars(text.data(), last, number);
    if (text.empty() || error != std::errc{} || end != last) return std::nullopt;
    return number;
}

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text) noexcept;

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD, so it can be echoed in JSON.
std::string sanitize_utf8(std::string_view text);

// The number of characters (code points) of UTF-8 `text`; each byte of an ill-formed sequence counts one.
std::size_t utf8_length(std::string_view text) noexcept;

// The longest prefix of `text` of at most `max_bytes` bytes that does not end inside a UTF-8
// sequence (for cutting echoed values short without breaking a character).
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) noexcept;

}  // namespace tcaplus_mock::text
