#pragma once
// Form-encoded parameters (a POST body or a GET query string): split into decoded pairs, then
// nested back into the JSON shape a JSON body would have had.
//
//   SelectedTables.0.TableName=t1&SelectedTables.0.TableGroupId=1&Snapshots.TableName=t2
//   -> {"SelectedTables": [{"TableName": "t1", "TableGroupId": "1"}], "Snapshots": {"TableName": "t2"}}

#include "server/core/api_error.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tcaplus_mock {

// Decoded (name, value) pairs in arrival order.
using FormPairs = std::vector<std::pair<std::string, std::string>>;

// A flattened name with more dot-separated segments than this cannot name any parameter of the
// API; it is refused before it can build a deep tree.
inline constexpr std::size_t max_form_name_segments = 32;

// Splits application/x-www-form-urlencoded text into pairs at `&` and each pair at its first `=`,
// then percent-decodes name and value (`+` is a space, `%2B` a plus, `%XX` any byte, UTF-8 included;
// other characters are taken as sent). Empty pieces (`a=1&&b=2`, a trailing `&`) are skipped.
// Fails with:
//   - errors::form_pair_without_equals() (InvalidParameter) for a piece without `=`;
//   - errors::invalid_parameter_value() (InvalidParameterValue) for a `%` not followed by two hex digits,
//     and for a value whose bytes, once decoded, are not UTF-8 (naming its parameter).
Result<FormPairs> parse_form_pairs(std::string_view encoded);

// `encoded` as sent, but with the value of every `Signature` and `Token` pair (names compared once
// decoded) replaced by `REDACTED`: what a journal or a log may keep of a form body or a query string.
std::string redacted_form(std::string_view encoded);

// Nests pairs by the dots in their names. A segment of digits without a leading zero (`0`, `12`)
// is an array index, any other segment an object member; the first segment is always a member.
// Leaves stay strings, the value as decoded. Indices of one array must be exactly 0..n-1 in any
// arrival order; elements come out sorted by index. Members keep their first arrival order.
// Fails with errors::form_parameter_conflict(name) (InvalidParameter), `name` the flattened path
// of the parameter at fault, when:
//   - a name is given twice (`A=1&A=2`);
//   - a name is both a value and a parent (`A=1&A.B=2`, in either order);
//   - a parent has both index and member children (`A.0=1&A.B=2`): names `A`;
//   - an array's indices have a gap (`A.0=1&A.2=2`): names the array, `A`.
// Fails with errors::unknown_parameter(name) for a name of more than max_form_name_segments segments.
Result<boost::json::object> unflatten_parameters(const FormPairs& pairs);

}  // namespace tcaplus_mock
