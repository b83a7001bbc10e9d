#pragma once
// The machine-readable description of the API's actions: for each action, its input parameters and
// the fields of its response, with their types and required flags, in tccli's vocabulary (`type`
// string/int/bool/float/object/list, `member` string/datetime/int64/uint64/bool/float/<ObjectName>).
// The server's copy is server/validation/api_spec.json (all 52 actions), derived from the official spec
// by scripts/derive-spec.mjs and compiled into the binary. Adding an action is a data change plus one
// handler.
//
// Every spec object is immutable once built; any number of threads may read one concurrently.

#include <boost/system/result.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tcaplus_mock {

// The type of one parameter, read from tccli's `type` / `member` pair.
enum class ParameterType {
    string,            // string / string
    datetime,          // string / datetime: text `YYYY-MM-DD HH:MM:SS`
    integer,           // int / int64
    unsigned_integer,  // int / uint64
    boolean,           // bool / bool
    floating,          // float / float or double
    object,            // object / <ObjectName>
    list,              // list / <element member>: a JSON array
};

// The spec's own word for a type: "string", "datetime", "int64", "uint64", "bool", "float", "object", "list".
std::string_view to_string(ParameterType type) noexcept;

struct ObjectSpec;

struct ParameterSpec {
    std::string name;
    ParameterType type = ParameterType::string;
    bool required = false;         // a request must carry it
    bool output_required = false;  // a response always carries it
    // The type of a list's items (never `list`); for any other parameter, the same as `type`.
    ParameterType element_type = ParameterType::string;
    // For an object or a list of objects: that object, owned by the same ApiSpec. Otherwise null.
    const ObjectSpec* object = nullptr;
};

struct ObjectSpec {
    std::string name;
    std::vector<ParameterSpec> members;  // in spec order

    // The member called `name`, or null. Exact, case-sensitive match.
    const ParameterSpec* find_member(std::string_view name) const noexcept;
};

struct ActionSpec {
    std::string name;
    const ObjectSpec* input = nullptr;  // never null in an ApiSpec; owned by it
    // The Response object's fields (RequestId included); `output_required` there means the response
    // always carries the field. Null only for a document that gives no `output`; the built-in spec has
    // one for every action.
    const ObjectSpec* output = nullptr;
    unsigned frequency_limit = 0;       // documented requests per second, at least 1
};

// Why a spec document was refused: names the offending entry (`objects.KeyFile.members[3].member`).
struct SpecError {
    std::string message;
};

// Lets boost::system::result<T, SpecError>::value() throw std::logic_error carrying the message.
[[noreturn]] void throw_exception_from_error(const SpecError& error, const boost::source_location& location);

class ApiSpec {
public:
    // The spec compiled into the binary, parsed on first use; thread safe. A malformed built-in spec
    // is a programming error: the call throws std::logic_error (and throws again on the next call).
    static const ApiSpec& builtin();

    // Parses a spec document shaped like api_spec.json: `version`, `actions` (name -> {input, output
    // (optional), frequency_limit}) and `objects` (name -> {members: [{name, type, member, required,
    // output_required (optional, false when absent)}]}); other keys are ignored, so tccli entries can be
    // pasted whole. Fails, naming the
    // entry, on invalid JSON, a missing or mistyped key, an unknown type/member pair, a reference to an
    // object that is not defined, or a duplicate member.
    static boost::system::result<ApiSpec, SpecError> parse(std::string_view json);

    // The API version the spec describes, e.g. "2019-08-23".
    std::string_view version() const noexcept { return version_; }

    // The action called `name` (exact match), or null. The pointer lives as long as this ApiSpec.
    const ActionSpec* find_action(std::string_view name) const noexcept;

    // Every action name, in spec order.
    const std::vector<std::string>& action_names() const noexcept { return action_names_; }

private:
    class Parser;
    ApiSpec() = default;

    std::string version_;
    std::vector<std::unique_ptr<ObjectSpec>> objects_;  // boxed: members and actions point at them
    std::vector<ActionSpec> actions_;
    std::vector<std::string> action_names_;
};

}  // namespace tcaplus_mock
