#pragma once
// RequestLog: one line per API request, as plain text or as a JSON object per line, handed to a
// LineWriter so that a slow or absent reader of the log costs lines, never requests.
// Never holds a SecretKey or a signature: only what RequestLogEntry carries.
// Thread safe: lines from concurrent requests never interleave.

#include "server/config/config.hpp"
#include "server/core/line_writer.hpp"

#include <chrono>
#include <string>

namespace tcaplus_mock {

struct RequestLogEntry {
    std::string request_id;
    std::string client_address;
    std::string method;
    std::string action;     // "" when the request named none
    std::string secret_id;  // "" when none was readable
    std::string result;     // "Success" or the error code
    std::chrono::microseconds latency{0};
    // Set when a signature did not match: what the emulator signed.
    std::string canonical_request;
    std::string string_to_sign;
};

class RequestLog {
public:
    // Writes to `sink` (not owned; must outlive the log). Disabled logs write nothing.
    RequestLog(LogFormat format, bool enabled, LineWriter& sink);

    void write(const RequestLogEntry& entry);

private:
    std::string format_text(const RequestLogEntry& entry) const;
    std::string format_json(const RequestLogEntry& entry) const;

    LogFormat format_;
    bool enabled_;
    LineWriter& sink_;
};

// Escapes control characters (newlines included) as `\n`, `\t`, `\u00XX` so a value fits on one line.
std::string escape_for_one_line(std::string_view text);

}  // namespace tcaplus_mock
