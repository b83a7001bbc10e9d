#include "server/validation/action_spec.hpp"

#include "server/validation/embedded_spec.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// A tccli `member` word naming a primitive, its ParameterType, and the `type` word it goes with.
struct PrimitiveMember {
    std::string_view member;
    ParameterType type;
    std::string_view tccli_type;
};

constexpr std::array primitive_members{
    PrimitiveMember{"string", ParameterType::string, "string"},
    PrimitiveMember{"datetime", ParameterType::datetime, "string"},
    PrimitiveMember{"int64", ParameterType::integer, "int"},
    PrimitiveMember{"uint64", ParameterType::unsigned_integer, "int"},
    PrimitiveMember{"bool", ParameterType::boolean, "bool"},
    PrimitiveMember{"float", ParameterType::floating, "float"},
    PrimitiveMember{"double", ParameterType::floating, "float"},
};

const PrimitiveMember* find_primitive(std::string_view member) {
    for (const auto& primitive : primitive_members) {
        if (primitive.member == member) return &primitive;
    }
    return nullptr;
}

// Thrown inside the parser only; ApiSpec::parse turns it into a SpecError.
struct Malformed {
    std::string message;
};

[[noreturn]] void malformed(std::string message) { throw Malformed{std::move(message)}; }

const json::value& field(const json::object& object, std::string_view key, const std::string& where) {
    const auto* value = object.if_contains(key);
    if (value == nullptr) malformed(where + ": missing `" + std::string(key) + "`");
    return *value;
}

[[noreturn]] void wrong_kind(const std::string& where, std::string_view key, std::string_view expected) {
    malformed(where + "." + std::string(key) + ": expected " + std::string(expected));
}

const json::object& object_field(const json::object& object, std::string_view key, const std::string& where) {
    const auto& value = field(object, key, where);
    if (!value.is_object()) wrong_kind(where, key, "an object");
    return value.get_object();
}

const json::array& array_field(const json::object& object, std::string_view key, const std::string& where) {
    const auto& value = field(object, key, where);
    if (!value.is_array()) wrong_kind(where, key, "an array");
    return value.get_array();
}

std::string_view string_field(const json::object& object, std::string_view key, const std::string& where) {
    const auto& value = field(object, key, where);
    if (!value.is_string() || value.get_string().empty()) wrong_kind(where, key, "a non-empty string");
    return value.get_string();
}

bool bool_field(const json::object& object, std::string_view key, const std::string& where) {
    const auto& value = field(object, key, where);
    if (!value.is_bool()) wrong_kind(where, key, "true or false");
    return value.get_bool();
}

unsigned positive_unsigned_field(const json::object& object, std::string_view key, const std::string& where) {
    const auto& value = field(object, key, where);
    const bool in_range = value.is_int64() && value.get_int64() > 0 &&
                          value.get_int64() <= std::numeric_limits<unsigned>::max();
    if (!in_range) wrong_kind(where, key, "a positive integer");
    return static_cast<unsigned>(value.get_int64());
}

const json::object& as_object(const json::value& value, const std::string& where) {
    if (!value.is_object()) malformed(where + ": expected an object");
    return value.get_object();
}

}  // namespace

std::string_view to_string(ParameterType type) noexcept {
    switch (type) {
        case ParameterType::string: return "string";
        case ParameterType::datetime: return "datetime";
        case ParameterType::integer: return "int64";
        case ParameterType::unsigned_integer: return "uint64";
        case ParameterType::boolean: return "bool";
        case ParameterType::floating: return "float";
        case ParameterType::object: return "object";
        case ParameterType::list: return "list";
    }
    return "unknown";
}

const ParameterSpec* ObjectSpec::find_member(std::string_view wanted) const noexcept {
    for (const auto& member : members) {
        if (member.name == wanted) return &member;
    }
    return nullptr;
}

void throw_exception_from_error(const SpecError& error, const boost::source_location&) {
    throw std::logic_error("action spec: " + error.message);
}

// Fills an ApiSpec from its JSON document. Objects are declared before any member is read, so
// members may refer to objects defined later in the document (or to their own object).
class ApiSpec::Parser {
public:
    explicit Parser(ApiSpec& spec) : spec_(spec) {}

    void parse(const json::object& root) {
        const std::string where = "spec";
        spec_.version_ = string_field(root, "version", where);
        const auto& objects = object_field(root, "objects", where);
        declare_objects(objects);
        std::size_t index = 0;
        for (const auto& entry : objects) define_members(*spec_.objects_[index++], entry.value());
        parse_actions(object_field(root, "actions", where));
    }

private:
    void declare_objects(const json::object& objects) {
        for (const auto& entry : objects) {
            auto object = std::make_unique<ObjectSpec>();
            object->name = entry.key();
            by_name_.emplace(object->name, object.get());
            spec_.objects_.push_back(std::move(object));
        }
    }

    void define_members(ObjectSpec& object, const json::value& body) {
        const std::string where = "objects." + object.name;
        const auto& members = array_field(as_object(body, where), "members", where);
        for (std::size_t i = 0; i < members.size(); ++i) {
            auto member = parse_member(members[i], where + ".members[" + std::to_string(i) + "]");
            if (object.find_member(member.name) != nullptr) {
                malformed(where + ": duplicate member `" + member.name + "`");
            }
            object.members.push_back(std::move(member));
        }
    }

    ParameterSpec parse_member(const json::value& entry, const std::string& where) {
        const auto& fields = as_object(entry, where);
        ParameterSpec member;
        member.name = string_field(fields, "name", where);
        member.required = bool_field(fields, "required", where);
        if (fields.contains("output_required")) member.output_required = bool_field(fields, "output_required", where);
        resolve_type(member, string_field(fields, "type", where), string_field(fields, "member", where), where);
        return member;
    }

    void resolve_type(ParameterSpec& member, std::string_view type, std::string_view kind, const std::string& where) {
        if (type == "list") {
            member.type = ParameterType::list;
            if (const auto* primitive = find_primitive(kind)) {
                member.element_type = primitive->type;
            } else {
                member.element_type = ParameterType::object;
                member.object = find_object(kind, where);
            }
            return;
        }
        if (type == "object") {
            member.type = member.element_type = ParameterType::object;
            member.object = find_object(kind, where);
            return;
        }
        const auto* primitive = find_primitive(kind);
        if (primitive == nullptr || primitive->tccli_type != type) {
            malformed(where + ": unsupported type/member pair `" + std::string(type) + "/" + std::string(kind) + "`");
        }
        member.type = member.element_type = primitive->type;
    }

    const ObjectSpec* find_object(std::string_view name, const std::string& where) const {
        const auto found = by_name_.find(name);
        if (found == by_name_.end()) malformed(where + ": refers to the undefined object `" + std::string(name) + "`");
        return found->second;
    }

    void parse_actions(const json::object& actions) {
        for (const auto& entry : actions) {
            const std::string where = "actions." + std::string(entry.key());
            const auto& fields = as_object(entry.value(), where);
            ActionSpec action;
            action.name = entry.key();
            action.input = find_object(string_field(fields, "input", where), where);
            if (fields.contains("output")) action.output = find_object(string_field(fields, "output", where), where);
            action.frequency_limit = positive_unsigned_field(fields, "frequency_limit", where);
            spec_.action_names_.push_back(action.name);
            spec_.actions_.push_back(std::move(action));
        }
        if (spec_.actions_.empty()) malformed("spec.actions: no action is defined");
    }

    ApiSpec& spec_;
    std::map<std::string, const ObjectSpec*, std::less<>> by_name_;
};

boost::system::result<ApiSpec, SpecError> ApiSpec::parse(std::string_view text) {
    boost::system::error_code error;
    const json::value root = json::parse(text, error);
    if (error) return SpecError{"not valid JSON: " + error.message()};
    if (!root.is_object()) return SpecError{"spec: expected a JSON object"};
    ApiSpec spec;
    try {
        Parser(spec).parse(root.get_object());
    } catch (const Malformed& failure) {
        return SpecError{failure.message};
    }
    return spec;
}

const ApiSpec& ApiSpec::builtin() {
    // A function-local static is initialised exactly once, even under concurrent first calls;
    // if parsing throws, nothing is stored and the next call tries (and throws) again.
    static const ApiSpec spec = parse(embedded_action_spec_json()).value();
    return spec;
}

const ActionSpec* ApiSpec::find_action(std::string_view name) const noexcept {
    for (const auto& action : actions_) {
        if (action.name == name) return &action;
    }
    return nullptr;
}

}  // namespace tcaplus_mock
