#include "server/validation/spec_validator.hpp"

#include "server/core/api_errors.hpp"
#include "server/core/datetime.hpp"
#include "server/core/json_text.hpp"
#include "server/core/text.hpp"

#include <boost/json/value.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// Appends one segment to a parameter path (`SelectedTables` + `1` -> `SelectedTables.1`) and takes
// it off again when the scope ends, so one buffer serves the whole walk.
class PathSegment {
public:
    PathSegment(std::string& path, std::string_view name) : path_(path), length_(path.size()) { append(name); }

    PathSegment(std::string& path, std::size_t index) : path_(path), length_(path.size()) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, index).ptr;
        append(std::string_view(digits, static_cast<std::size_t>(end - digits)));
    }

    PathSegment(const PathSegment&) = delete;
    PathSegment& operator=(const PathSegment&) = delete;
    ~PathSegment() { path_.resize(length_); }

private:
    void append(std::string_view segment) {
        if (!path_.empty()) path_.push_back('.');
        path_.append(segment);
    }

    std::string& path_;
    std::size_t length_;
};

std::string_view text_of(const json::string& text) { return {text.data(), text.size()}; }

// The JSON type name a parameter of `type` must have.
std::string_view expected_name(ParameterType type) {
    switch (type) {
        case ParameterType::string:
        case ParameterType::datetime: return "string";
        case ParameterType::integer: return "integer";
        case ParameterType::unsigned_integer: return "unsigned integer";
        case ParameterType::boolean: return "boolean";
        case ParameterType::floating: return "number";
        case ParameterType::object: return "object";
        case ParameterType::list: return "array";
    }
    return "unknown";
}

bool reads_from_text(ParameterType type) {
    return type == ParameterType::integer || type == ParameterType::unsigned_integer ||
           type == ParameterType::boolean || type == ParameterType::floating;
}

// Replaces a form leaf's text with the JSON value a JSON body would have carried for it: the
// narrowest of int64, uint64 and double that holds the number (so the typed checks that follow give
// the same answers as for JSON bodies), or a boolean. False, the value untouched, if the text is none.
bool replace_text_with_value(ParameterType type, json::value& value) {
    const std::string_view text = text_of(value.get_string());
    if (type == ParameterType::boolean) {
        const bool is_true = text::iequals(text, "true");
        if (!is_true && !text::iequals(text, "false")) return false;
        value.emplace_bool() = is_true;
        return true;
    }
    if (const auto number = text::parse_whole<std::int64_t>(text)) {
        value.emplace_int64() = *number;
    } else if (const auto unsigned_number = text::parse_whole<std::uint64_t>(text)) {
        value.emplace_uint64() = *unsigned_number;
    } else if (const auto real = text::parse_whole<double>(text); real && std::isfinite(*real)) {
        value.emplace_double() = *real;
    } else {
        return false;
    }
    return true;
}

// One walk over one request. `path_` is the path of the value being checked.
class Validator {
public:
    Validator(bool params_from_form, const ValidationLimits& limits)
        : params_from_form_(params_from_form), limits_(limits) {
        path_.reserve(64);
    }

    Result<void> check_object(const ObjectSpec& spec, json::object& object) {
        if (auto checked = check_unknown_keys(spec, object); !checked) return checked;
        for (const auto& member : spec.members) {
            if (auto checked = check_member(member, object); !checked) return checked;
        }
        return {};
    }

private:
    Result<void> check_unknown_keys(const ObjectSpec& spec, const json::object& object) {
        for (const auto& entry : object) {
            const std::string_view key(entry.key().data(), entry.key().size());
            if (spec.find_member(key) != nullptr) continue;
            PathSegment segment(path_, key);
            return errors::unknown_parameter(path_);
        }
        return {};
    }

    Result<void> check_member(const ParameterSpec& member, json::object& object) {
        PathSegment segment(path_, member.name);
        auto* value = object.if_contains(member.name);
        if (value == nullptr || value->is_null()) {
            if (member.required) return errors::missing_parameter(path_);
            if (value != nullptr) object.erase(member.name);
            return {};
        }
        if (member.type == ParameterType::list) return check_list(member, *value);
        return check_value(member.type, member.object, *value);
    }

    Result<void> check_list(const ParameterSpec& member, json::value& value) {
        if (!value.is_array()) return type_error(ParameterType::list, json_type_name(value));
        auto& items = value.get_array();
        if (items.empty() && member.required) {
            return errors::invalid_parameter_value(path_, "[]", "a non-empty list", "非空列表");
        }
        if (items.size() > limits_.max_batch) return too_many_items(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            PathSegment segment(path_, i);
            if (auto checked = check_value(member.element_type, member.object, items[i]); !checked) return checked;
        }
        return {};
    }

    // `object` is the spec of an object value, null for any other type.
    Result<void> check_value(ParameterType type, const ObjectSpec* object, json::value& value) {
        if (type != ParameterType::object) return check_leaf(type, value);
        if (!value.is_object()) return type_error(type, json_type_name(value));
        return check_object(*object, value.get_object());
    }

    Result<void> check_leaf(ParameterType type, json::value& value) {
        if (params_from_form_ && value.is_string() && reads_from_text(type)) {
            if (!replace_text_with_value(type, value)) return type_error(type, "string");
        }
        switch (type) {
            case ParameterType::string: return expect(value.is_string(), type, value);
            case ParameterType::datetime: return check_datetime(value);
            case ParameterType::integer: return check_integer(value);
            case ParameterType::unsigned_integer: return check_unsigned(value);
            case ParameterType::boolean: return expect(value.is_bool(), type, value);
            case ParameterType::floating: return expect(value.is_number(), type, value);
            case ParameterType::object:
            case ParameterType::list: break;  // not leaves; check_value and check_list handle them
        }
        return type_error(type, json_type_name(value));
    }

    Result<void> check_datetime(const json::value& value) {
        if (!value.is_string()) return type_error(ParameterType::datetime, json_type_name(value));
        const std::string_view text = text_of(value.get_string());
        if (parse_datetime(text, limits_.utc_offset)) return {};
        return errors::invalid_parameter_value(path_, text, "a datetime `YYYY-MM-DD HH:MM:SS`",
                                               "格式为 `YYYY-MM-DD HH:MM:SS` 的时间");
    }

    Result<void> check_integer(const json::value& value) {
        if (value.is_int64()) return {};
        if (value.is_uint64()) return type_error(ParameterType::integer, "integer out of int64 range");
        return type_error(ParameterType::integer, json_type_name(value));
    }

    Result<void> check_unsigned(const json::value& value) {
        if (value.is_uint64() || (value.is_int64() && value.get_int64() >= 0)) return {};
        if (value.is_int64()) return type_error(ParameterType::unsigned_integer, "negative integer");
        return type_error(ParameterType::unsigned_integer, json_type_name(value));
    }

    Result<void> expect(bool matches, ParameterType type, const json::value& value) const {
        if (matches) return {};
        return type_error(type, json_type_name(value));
    }

    ApiError type_error(ParameterType expected, std::string_view received) const {
        return errors::invalid_parameter_type(path_, expected_name(expected), received);
    }

    ApiError too_many_items(std::size_t count) const {
        return errors::list_too_long(path_, count, limits_.max_batch);
    }

    std::string path_;
    bool params_from_form_;
    const ValidationLimits& limits_;
};

}  // namespace

Result<void> validate_request(const ActionSpec& action, json::object& params, bool params_from_form,
                              const ValidationLimits& limits) {
    return Validator(params_from_form, limits).check_object(*action.input, params);
}

}  // namespace tcaplus_mock
