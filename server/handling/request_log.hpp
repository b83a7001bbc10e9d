#pragma once
// RequestLog: one line per API request, as plain text or as the record's JSON form without its
// body (request_record.hpp), handed to a LineWriter so that a slow or absent reader of the log costs
// lines, never requests.
// Never holds a SecretKey or a signature: only what RequestRecord carries.
// Thread safe: lines from concurrent requests never interleave.

#include "server/config/config.hpp"
#include "server/core/line_writer.hpp"
#include "server/handling/request_record.hpp"

#include <chrono>
#include <string>

namespace tcaplus_mock {

class RequestLog {
public:
    // Writes to `sink` (not owned; must outlive the log). Disabled logs write nothing. Datetimes of
    // the emulator's clock are written in the zone `utc_offset`.
    RequestLog(LogFormat format, bool enabled, LineWriter& sink, std::chrono::seconds utc_offset);

    void write(const RequestRecord& entry);

private:
    std::string format_text(const RequestRecord& entry) const;
    std::string format_json(const RequestRecord& entry) const;

    LogFormat format_;
    bool enabled_;
    LineWriter& sink_;
    std::chrono::seconds utc_offset_;
};

// Escapes control characters (newlines included) as `\n`, `\t`, `\u00XX` so a value fits on one line.
std::string escape_for_one_line(std::string_view text);

}  // namespace tcaplus_mock
