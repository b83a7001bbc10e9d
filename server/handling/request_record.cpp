#include "server/handling/request_record.hpp"

#include "server/core/datetime.hpp"
#include "server/core/text.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

json::object to_json(const RequestRecord& record, std::chrono::seconds utc_offset, RecordBody body) {
    const auto utf8 = [](std::string_view text) { return text::sanitize_utf8(text); };
    json::array items;
    for (const auto& code : record.items) items.emplace_back(utf8(code));
    json::object entry;
    if (record.sequence != 0) entry["seq"] = record.sequence;
    entry.insert({
        {"time", format_iso_utc(record.time)},
        {"emulator_time", format_datetime(record.emulator_time, utc_offset)},
        {"request_id", record.request_id},
        {"trace_id", utf8(record.trace_id)},
        {"client", record.client_address},
        {"method", utf8(record.method)},
        {"action", utf8(record.action)},
        {"secret_id", utf8(record.secret_id)},
        {"account", utf8(record.account)},
        {"signature", record.signature},
    });
    if (!record.string_to_sign.empty()) {
        entry["canonical_request"] = utf8(record.canonical_request);
        entry["string_to_sign"] = utf8(record.string_to_sign);
    }
    if (!record.signature_problem.empty()) entry["signature_problem"] = utf8(record.signature_problem);
    entry["throttle"] = record.throttle;
    entry["throttle_count"] = record.throttle_count;
    entry["code"] = utf8(record.code);
    entry["message"] = utf8(record.message);
    entry["parameter"] = utf8(record.parameter);
    entry["items"] = std::move(items);
    entry["fault"] = record.fault_id.empty()
                         ? json::value(nullptr)
                         : json::value(json::object{{"id", record.fault_id}, {"type", record.fault_type}});
    entry["http_status"] = record.http_status;
    entry["latency_us"] = record.latency.count();
    if (body == RecordBody::included) entry["body"] = utf8(record.body);
    entry["body_bytes"] = record.body_bytes;
    entry["body_truncated"] = record.body_truncated;
    return entry;
}

}  // namespace tcaplus_mock
