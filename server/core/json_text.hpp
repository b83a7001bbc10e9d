#pragma once
// Small Boost.JSON helpers every stage needs, in one place: the parse options of the JSON a person
// writes (config files, settings given as text), and the names of JSON types in messages.

#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace tcaplus_mock {

// JSON with comments and trailing commas allowed (JSONC): config files and JSON settings given as text.
boost::json::parse_options jsonc_options();

// The name of `value`'s JSON type: "null", "boolean", "integer", "number", "string", "array", "object".
std::string_view json_type_name(const boost::json::value& value);

// The same with its article, for sentences: "an integer", "a string", "null".
std::string json_type_phrase(const boost::json::value& value);

}  // namespace tcaplus_mock
