#include "server/core/json_text.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

json::parse_options jsonc_options() {
    json::parse_options options;
    options.allow_comments = true;
    options.allow_trailing_commas = true;
    return options;
}

std::string_view json_type_name(const json::value& value) {
    switch (value.kind()) {
        case json::kind::null: return "null";
        case json::kind::bool_: return "boolean";
        case json::kind::int64:
        case json::kind::uint64: return "integer";
        case json::kind::double_: return "number";
        case json::kind::string: return "string";
        case json::kind::array: return "array";
        case json::kind::object: return "object";
    }
    return "value";
}

std::string json_type_phrase(const json::value& value) {
    const auto name = json_type_name(value);
    if (value.is_null()) return std::string(name);
    const bool vowel = name.front() == 'a' || name.front() == 'i' || name.front() == 'o';
    return (vowel ? "an " : "a ") + std::string(name);
}

}  // namespace tcaplus_mock
