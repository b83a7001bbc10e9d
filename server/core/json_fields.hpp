#pragma once
// Strict reading of a JSON document that a client wrote (control-plane bodies, fault rules, state
// documents): every field must be one the reader asks for, of the type it asks for. Inside a reader a
// mistake throws JsonFieldError naming where it is (`accounts[0].snapshots[2].dead_time`) and what was
// expected; read_json() turns it into a value at the reader's boundary, so callers see a JsonRead<T>.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/system/result.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tcaplus_mock {

class JsonFieldError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A mistake in a client's JSON document, as a value: the sentence that names it.
struct JsonMistake {
    std::string message;
};

template <class T>
using JsonRead = boost::system::result<T, JsonMistake>;

// Lets JsonRead<T>::value() throw JsonFieldError with the message.
[[noreturn]] void throw_exception_from_error(const JsonMistake& mistake, const boost::source_location& location);

// Runs `read` (a reader built on JsonFields) and returns what it read, or the mistake it threw.
template <class Read>
auto read_json(Read&& read) -> JsonRead<decltype(read())> {
    try {
        return read();
    } catch (const JsonFieldError& mistake) {
        return JsonMistake{mistake.what()};
    }
}

class JsonFields {
public:
    // Reads `value` at `path` ("" for the top level); throws unless it is an object whose keys all
    // come from `allowed`.
    JsonFields(const boost::json::value& value, std::string path, std::initializer_list<std::string_view> allowed);
    JsonFields(const boost::json::value& value, std::string path, std::span<const std::string_view> allowed);

    bool has(std::string_view key) const { return object_->contains(key); }
    std::string text(std::string_view key) const;  // required string
    std::optional<std::string> optional_text(std::string_view key) const;
    bool boolean(std::string_view key) const;
    std::optional<bool> optional_boolean(std::string_view key) const;
    std::optional<std::int64_t> optional_integer(std::string_view key, std::int64_t min, std::int64_t max) const;
    std::optional<double> optional_number(std::string_view key, double min, double max) const;
    const boost::json::value& value(std::string_view key) const;  // required, any type
    const boost::json::array& list(std::string_view key) const;   // required array

    // The path of a field, or of an item of a list field.
    std::string path_of(std::string_view key) const;
    std::string path_of(std::string_view key, std::size_t index) const;

    [[noreturn]] void fail(std::string_view key, std::string_view expected) const;

private:
    const boost::json::value* find(std::string_view key) const;

    const boost::json::object* object_;
    std::string path_;
};

}  // namespace tcaplus_mock
