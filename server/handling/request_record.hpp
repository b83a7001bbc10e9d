#pragma once
// RequestRecord: what one API request leaves behind, for its log line (request_log.hpp) and its
// entry in the request journal (request_journal.hpp), and its one JSON form, which both write.
// Holds request data only: never a SecretKey, a signature, a token or an Authorization value (form
// bodies and diagnostics are redacted before they get here).

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace tcaplus_mock {

struct RequestRecord {
    std::uint64_t sequence = 0;                  // the journal's number for it, 1, 2... in arrival order; 0 until kept
    std::chrono::system_clock::time_point time;  // the wall clock when the request arrived
    long long emulator_time = 0;                 // the emulator's clock then, UNIX seconds
    std::string request_id;
    std::string trace_id;
    std::string client_address;
    std::string method;
    std::string action;      // "" when the request named none
    std::string secret_id;   // "" when none was readable
    std::string account;     // "" when the request did not get as far as authentication
    // off, verified, unverified (any mode, a SecretId without a credential), mismatch, refused (a
    // malformed or expired signature, a bad token...), or not_checked (refused before authentication).
    std::string signature = "not_checked";
    std::string canonical_request;  // on a mismatch: what the emulator signed
    std::string string_to_sign;
    std::string signature_problem;  // why a signature was refused without comparing it, if it was
    // off (no limit for the action), passed, limited, or not_checked.
    std::string throttle = "not_checked";
    unsigned long long throttle_count = 0;  // this request's number in its second
    std::string code;                // the error code, "" on success
    std::string message;             // the error message, "" on success
    std::string parameter;           // the parameter a validation error names, if any
    std::vector<std::string> items;  // per-item error codes of a list action, "" for an item that succeeded
    std::string fault_id;            // the control-plane fault rule applied, "" if none
    std::string fault_type;
    unsigned http_status = 200;
    std::chrono::microseconds latency{0};
    std::string body;  // as sent, cut to journal size; form and query parameters redacted
    std::size_t body_bytes = 0;
    bool body_truncated = false;
};

// Whether the JSON form carries the request's body (the journal's does; a log line's does not).
enum class RecordBody { included, left_out };

// The JSON form of a record, in the journal's field names:
//   {"seq"?, "time", "emulator_time", "request_id", "trace_id", "client", "method", "action", "secret_id",
//    "account", "signature", "canonical_request"?, "string_to_sign"?, "signature_problem"?,
//    "throttle", "throttle_count", "code", "message", "parameter", "items", "fault": {"id", "type"} | null,
//    "http_status", "latency_us", "body"?, "body_bytes", "body_truncated"}
// `seq` only for a record the journal keeps; `emulator_time` is written in the zone `utc_offset`; every
// text is repaired to UTF-8.
boost::json::object to_json(const RequestRecord& record, std::chrono::seconds utc_offset, RecordBody body);

}  // namespace tcaplus_mock
