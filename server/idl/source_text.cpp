#include "server/idl/source_text.hpp"

#include "server/core/text.hpp"
#include "server/idl/parse_idl.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

namespace tcaplus_mock::idl {
namespace {

constexpr std::size_t max_quoted_bytes = 100;

int clamp_to_int(std::size_t value) noexcept {
    return static_cast<int>(std::min<std::size_t>(value, std::numeric_limits<int>::max()));
}

// Where the 0-based `line` starts in `text`, or npos when the text has fewer lines.
std::size_t line_start(std::string_view text, int line) noexcept {
    std::size_t start = 0;
    for (int i = 0; i < line; ++i) {
        start = text.find('\n', start);
        if (start == std::string_view::npos) return start;
        ++start;
    }
    return start;
}

// Skips a // or /* */ comment starting at text[at] ('/'); returns the offset just after it.
std::size_t skip_comment(std::string_view text, std::size_t at) noexcept {
    if (text[at + 1] == '/') {
        const auto end = text.find('\n', at);
        return end == std::string_view::npos ? text.size() : end;
    }
    const auto end = text.find("*/", at + 2);
    return end == std::string_view::npos ? text.size() : end + 2;
}

// Skips a string literal opened by text[at]; like the protobuf tokenizer, a newline ends it
// (an error there) and a backslash escapes any next character but a newline.
std::size_t skip_string(std::string_view text, std::size_t at) noexcept {
    const char delimiter = text[at];
    std::size_t i = at + 1;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') return i;
        if (c == delimiter) return i + 1;
        if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') ++i;
        ++i;
    }
    return i;
}

}  // namespace

TextPosition position_at(std::string_view text, std::size_t offset) noexcept {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const auto line = std::count(before.begin(), before.end(), '\n');
    const auto last_newline = before.rfind('\n');
    const std::size_t column = last_newline == std::string_view::npos ? offset : offset - last_newline - 1;
    return {clamp_to_int(static_cast<std::size_t>(line) + 1), clamp_to_int(column + 1)};
}

TextPosition position_from_tokenizer(std::string_view text, int line, int column) noexcept {
    if (line < 0) return {};
    const std::size_t start = line_start(text, line);
    if (start == std::string_view::npos) return {line + 1, column + 1};
    std::size_t byte = start;
    for (int expanded = 0; byte < text.size() && text[byte] != '\n' && expanded < column; ++byte)
        expanded = text[byte] == '\t' ? expanded + 8 - expanded % 8 : expanded + 1;
    return {line + 1, clamp_to_int(byte - start + 1)};
}

std::string sanitized(std::string_view text) { return text::sanitize_utf8(text); }

std::string quoted(std::string_view name) {
    const std::string_view shown = text::utf8_prefix(name, max_quoted_bytes);
    return "`" + sanitized(shown) + (shown.size() < name.size() ? "...`" : "`");
}

IdlParseError parse_error(std::string_view file, std::string message, TextPosition at) {
    return IdlParseError{sanitized(message), sanitized(file), at.line, at.column};
}

std::optional<IdlParseError> check_file_size(std::string_view file, std::string_view text) {
    if (text.size() <= max_idl_file_size) return std::nullopt;
    return parse_error(file, "The file has " + std::to_string(text.size()) + " bytes; an IDL file has at most " +
                                 std::to_string(max_idl_file_size) + " bytes (1 MiB).");
}

std::optional<IdlParseError> check_no_nul_byte(std::string_view file, std::string_view text) {
    const auto nul = text.find('\0');
    if (nul == std::string_view::npos) return std::nullopt;
    return parse_error(file, "The file contains a NUL byte; IDL files are text.", position_at(text, nul));
}

std::optional<IdlParseError> check_bracket_nesting(std::string_view file, std::string_view text, int limit) {
    int depth = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '/' && i + 1 < text.size() && (text[i + 1] == '/' || text[i + 1] == '*')) {
            i = skip_comment(text, i);
            continue;
        }
        if (c == '"' || c == '\'') {
            i = skip_string(text, i);
            continue;
        }
        if (c == '{' || c == '[' || c == '(' || c == '<') {
            if (++depth > limit)
                return parse_error(file,
                                   "Brackets nest more than " + std::to_string(limit) +
                                       " levels deep here; nested types are limited to 30 levels.",
                                   position_at(text, i));
        } else if ((c == '}' || c == ']' || c == ')' || c == '>') && depth > 0) {
            --depth;
        }
        ++i;
    }
    return std::nullopt;
}

std::vector<std::string> split_list(std::string_view text, char separator) {
    std::vector<std::string> items;
    if (text::trim_blanks(text).empty()) return items;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        items.emplace_back(text::trim_blanks(text.substr(start, end == std::string_view::npos ? end : end - start)));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return items;
}

bool parse_decimal(std::string_view text, std::int64_t& value) noexcept {
    if (!text::all_digits(text)) return false;
    std::int64_t parsed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (error != std::errc() || end != text.data() + text.size()) return false;
    value = parsed;
    return true;
}

}  // namespace tcaplus_mock::idl
