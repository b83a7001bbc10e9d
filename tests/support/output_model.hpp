#pragma once
// Checks a response against its action's output model (the spec's `<Action>Response` object):
// every field must be one the model names, of the model's type (or null, when the model does not say
// it is always there), and every field the model says is always there must be there. A typo in a
// field name is an unknown field.

#include "server/core/datetime.hpp"
#include "server/validation/action_spec.hpp"

#include <boost/json.hpp>

#include <string>
#include <vector>

namespace tcaplus_mock::testing {

namespace output_model_detail {

namespace json = boost::json;

inline bool is_datetime(const json::value& value) {
    return value.is_string() && parse_datetime(value.get_string(), std::chrono::seconds(0)).has_value();
}

inline bool has_type(const json::value& value, ParameterType type) {
    switch (type) {
        case ParameterType::string: return value.is_string();
        case ParameterType::datetime: return is_datetime(value);
        case ParameterType::integer: return value.is_int64() || (value.is_uint64() && value.get_uint64() <= INT64_MAX);
        case ParameterType::unsigned_integer: return value.is_uint64() || (value.is_int64() && value.get_int64() >= 0);
        case ParameterType::boolean: return value.is_bool();
        case ParameterType::floating: return value.is_number();
        case ParameterType::object: return value.is_object();
        case ParameterType::list: return value.is_array();
    }
    return false;
}

inline void check_object(const ObjectSpec& model, const json::object& object, const std::string& path,
                         std::vector<std::string>& problems);

inline void check_value(const ParameterSpec& member, ParameterType type, const json::value& value,
                        const std::string& path, std::vector<std::string>& problems) {
    if (!has_type(value, type)) {
        problems.push_back(path + ": expected " + std::string(to_string(type)) + ", got " + json::serialize(value));
        return;
    }
    if (type == ParameterType::object) check_object(*member.object, value.get_object(), path, problems);
}

inline void check_object(const ObjectSpec& model, const json::object& object, const std::string& path,
                         std::vector<std::string>& problems) {
    const std::string prefix = path.empty() ? "" : path + ".";
    for (const auto& field : object) {
        const std::string name(field.key());
        const ParameterSpec* member = model.find_member(name);
        if (member == nullptr) {
            problems.push_back(prefix + name + ": not a field of " + model.name);
            continue;
        }
        // The live service answers null for a field it has no value for (`"Error": null` on an item
        // that succeeded), which its clients read as absent.
        if (field.value().is_null() && !member->output_required) continue;
        if (member->type != ParameterType::list) {
            check_value(*member, member->type, field.value(), prefix + name, problems);
            continue;
        }
        if (!field.value().is_array()) {
            problems.push_back(prefix + name + ": expected a list");
            continue;
        }
        const auto& items = field.value().get_array();
        for (std::size_t i = 0; i < items.size(); ++i)
            check_value(*member, member->element_type, items[i], prefix + name + "." + std::to_string(i), problems);
    }
    for (const auto& member : model.members)
        if (member.output_required && !object.contains(member.name))
            problems.push_back(prefix + member.name + ": missing, but " + model.name + " always has it");
}

}  // namespace output_model_detail

// The problems of `response` (the envelope's "Response" object of a success) against `action`'s
// output model; empty when it conforms.
inline std::vector<std::string> output_model_problems(const std::string& action, const boost::json::object& response) {
    std::vector<std::string> problems;
    const auto* spec = ApiSpec::builtin().find_action(action);
    if (spec == nullptr || spec->output == nullptr) return {"no output model for " + action};
    output_model_detail::check_object(*spec->output, response, "", problems);
    return problems;
}

}  // namespace tcaplus_mock::testing
