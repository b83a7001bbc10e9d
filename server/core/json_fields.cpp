#include "server/core/json_fields.hpp"

#include "server/core/json_text.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

void throw_exception_from_error(const JsonMistake& mistake, const boost::source_location&) {
    throw JsonFieldError(mistake.message);
}

JsonFields::JsonFields(const json::value& value, std::string path, std::initializer_list<std::string_view> allowed)
    : JsonFields(value, std::move(path), std::span<const std::string_view>(allowed.begin(), allowed.size())) {}

JsonFields::JsonFields(const json::value& value, std::string path, std::span<const std::string_view> allowed)
    : object_(value.if_object()), path_(std::move(path)) {
    const std::string where = path_.empty() ? "the body" : "`" + path_ + "`";
    if (object_ == nullptr) throw JsonFieldError(where + ": expected a JSON object, got " + json_type_phrase(value));
    for (const auto& member : *object_) {
        bool known = false;
        for (const auto key : allowed) known = known || member.key() == key;
        if (known) continue;
        std::string names;
        for (const auto key : allowed) names += (names.empty() ? "`" : ", `") + std::string(key) + "`";
        throw JsonFieldError("unknown field `" + path_of(member.key()) + "`; the fields here are " + names);
    }
}

std::string JsonFields::path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

std::string JsonFields::path_of(std::string_view key, std::size_t index) const {
    return path_of(key) + "[" + std::to_string(index) + "]";
}

void JsonFields::fail(std::string_view key, std::string_view expected) const {
    const auto* found = find(key);
    throw JsonFieldError("`" + path_of(key) + "`: expected " + std::string(expected) + ", got " +
                         (found ? json_type_phrase(*found) : std::string("nothing")));
}

const json::value* JsonFields::find(std::string_view key) const {
    const auto* found = object_->if_contains(key);
    return found != nullptr && !found->is_null() ? found : nullptr;
}

const json::value& JsonFields::value(std::string_view key) const {
    const auto* found = find(key);
    if (found == nullptr) throw JsonFieldError("`" + path_of(key) + "` is missing");
    return *found;
}

std::string JsonFields::text(std::string_view key) const {
    const auto& found = value(key);
    if (!found.is_string()) fail(key, "a string");
    return std::string(found.get_string());
}

std::optional<std::string> JsonFields::optional_text(std::string_view key) const {
    if (find(key) == nullptr) return std::nullopt;
    return text(key);
}

bool JsonFields::boolean(std::string_view key) const {
    const auto& found = value(key);
    if (!found.is_bool()) fail(key, "true or false");
    return found.get_bool();
}

std::optional<bool> JsonFields::optional_boolean(std::string_view key) const {
    if (find(key) == nullptr) return std::nullopt;
    return boolean(key);
}

std::optional<std::int64_t> JsonFields::optional_integer(std::string_view key, std::int64_t min,
                                                         std::int64_t max) const {
    const auto* found = find(key);
    if (found == nullptr) return std::nullopt;
    const std::string expected = "an integer from " + std::to_string(min) + " to " + std::to_string(max);
    if (!found->is_int64() && !found->is_uint64()) fail(key, expected);
    if (found->is_uint64() && found->get_uint64() > static_cast<std::uint64_t>(max)) fail(key, expected);
    const auto number = found->is_int64() ? found->get_int64() : static_cast<std::int64_t>(found->get_uint64());
    if (number < min || number > max) fail(key, expected);
    return number;
}

std::optional<double> JsonFields::optional_number(std::string_view key, double min, double max) const {
    const auto* found = find(key);
    if (found == nullptr) return std::nullopt;
    const std::string expected = "a number from " + std::to_string(min) + " to " + std::to_string(max);
    if (!found->is_number()) fail(key, expected);
    const double number = found->to_number<double>();
    if (number < min || number > max) fail(key, expected);
    return number;
}

const json::array& JsonFields::list(std::string_view key) const {
    const auto& found = value(key);
    if (!found.is_array()) fail(key, "an array");
    return found.get_array();
}

}  // namespace tcaplus_mock
