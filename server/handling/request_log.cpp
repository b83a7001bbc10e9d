#include "server/handling/request_log.hpp"

#include "server/core/datetime.hpp"
#include "server/core/text.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <cstdio>

namespace tcaplus_mock {
namespace {

std::string or_dash(const std::string& value) { return value.empty() ? "-" : value; }

}  // namespace

std::string escape_for_one_line(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') escaped += "\\n";
        else if (c == '\t') escaped += "\\t";
        else if (c == '\\') escaped += "\\\\";
        else if (byte < 0x20 || byte == 0x7f) {
            char code[8];
            std::snprintf(code, sizeof code, "\\u%04x", byte);
            escaped += code;
        } else escaped += c;
    }
    return escaped;
}

RequestLog::RequestLog(LogFormat format, bool enabled, LineWriter& sink, std::chrono::seconds utc_offset)
    : format_(format), enabled_(enabled), sink_(sink), utc_offset_(utc_offset) {}

void RequestLog::write(const RequestRecord& entry) {
    if (!enabled_) return;
    std::string line = format_ == LogFormat::json ? format_json(entry) : format_text(entry);
    // What a client sent (an action name, a SecretId) may not be UTF-8; a log line always is.
    if (!text::is_valid_utf8(line)) line = text::sanitize_utf8(line);
    sink_.write(line);
}

std::string RequestLog::format_text(const RequestRecord& entry) const {
    auto line = format_iso_utc(entry.time) + " request_id=" + entry.request_id +
                " client=" + or_dash(entry.client_address) + " method=" + or_dash(entry.method) +
                " action=" + or_dash(escape_for_one_line(entry.action)) +
                " secret_id=" + or_dash(escape_for_one_line(entry.secret_id)) +
                " code=" + or_dash(escape_for_one_line(entry.code)) +
                " latency_us=" + std::to_string(entry.latency.count());
    if (!entry.string_to_sign.empty())
        line += " string_to_sign=\"" + escape_for_one_line(entry.string_to_sign) + "\" canonical_request=\"" +
                escape_for_one_line(entry.canonical_request) + "\"";
    if (!entry.signature_problem.empty())
        line += " signature_problem=\"" + escape_for_one_line(entry.signature_problem) + "\"";
    return line;
}

std::string RequestLog::format_json(const RequestRecord& entry) const {
    return boost::json::serialize(to_json(entry, utc_offset_, RecordBody::left_out));
}

}  // namespace tcaplus_mock
