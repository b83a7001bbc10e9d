#pragma once
// One generic check of a request's business parameters against its action's spec (action_spec.hpp).
// Every action goes through it before its handler runs, so handlers may rely on the shapes it enforces.

#include "server/core/api_error.hpp"
#include "server/validation/action_spec.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <cstddef>

namespace tcaplus_mock {

struct ValidationLimits {
    std::size_t max_batch = 100;                   // most items in any one list parameter
    std::chrono::seconds utc_offset{8 * 3600};     // zone `datetime` parameters are read in
};

// Checks `params` against `action.input` and returns the first error, or success.
//
// Rules, each reported with the parameter's full path (`ClusterId`, `SelectedTables.1.SnapshotTime`,
// `Snapshots.TableName`; list items are numbered from 0):
//   - a key the spec does not define, at any depth            -> UnknownParameter
//   - a required member absent, or JSON null                   -> MissingParameter
//   - a value of the wrong JSON type                           -> InvalidParameter (expected and received
//     type named: "string", "integer", "unsigned integer", "boolean", "number", "object", "array"; a
//     received integer may be a "negative integer" or an "integer out of int64 range")
//   - a `datetime` that is not `YYYY-MM-DD HH:MM:SS` or not a real calendar time in `limits.utc_offset`
//                                                              -> InvalidParameterValue
//   - a required list that is empty, or any list of more than `limits.max_batch` items
//                                                              -> InvalidParameterValue
//
// Order, so that the same request always gets the same error: within each object, unknown keys first
// (in the order they were sent), then the spec's members in spec order; a member is checked completely
// (its type, then a list's emptiness and length, then its items in order, depth first) before the next.
//
// When `params_from_form` is true every leaf arrived as text (form or query string:
// `SelectedTables.0.TableName=x`, lists already nested as JSON arrays): the text of an integer,
// unsigned, boolean or float member is read as that type and REPLACES the string in `params`
// (`"12130"` -> 12130; `"12x"` is InvalidParameter); text of a string or datetime member stays a string.
// From a JSON body, a string where a number is expected is InvalidParameter.
//
// An optional member sent as JSON null is removed from `params`, so handlers see it as absent.
// On failure `params` may be partly converted. Not thread safe for one `params`; the spec is only read.
Result<void> validate_request(const ActionSpec& action, boost::json::object& params, bool params_from_form,
                              const ValidationLimits& limits);

}  // namespace tcaplus_mock
