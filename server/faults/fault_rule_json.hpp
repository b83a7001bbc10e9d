#pragma once
// The JSON form of a fault rule, the one the control plane reads (`POST /_mock/faults`) and writes
// (`GET /_mock/faults`):
//
//   {"id"?, "action", "secret_id"?, "account"?, "table"?,
//    "effect": {"type": "error" | "item_error", "code", "message"?}
//            | {"type": "latency", "ms"} | {"type": "http_status", "status"} | {"type": "drop" | "garbage"},
//    "times"?, "probability"?, "seed"?, "fired"?}
//
// `id` and `fired` are written, never read.

#include "server/core/json_fields.hpp"
#include "server/faults/fault_rules.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string_view>

namespace tcaplus_mock {

// "error", "item_error", "latency", "drop", "http_status", "garbage".
std::string_view to_string(FaultType type) noexcept;

// A rule as a client wrote it; a mistake names its field. The action must be one of the API's.
JsonRead<FaultRule> fault_rule_from_json(const boost::json::value& value);

boost::json::object to_json(const FaultRule& rule);

}  // namespace tcaplus_mock
