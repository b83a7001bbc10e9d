#include "server/actions/snapshots/snapshot_result.hpp"

#include "server/core/datetime.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

json::object error_info(const ApiError* error, Language language, const json::storage_ptr& memory) {
    if (error == nullptr) return json::object({{"Code", ""}, {"Message", ""}}, memory);
    return json::object({{"Code", error->code}, {"Message", error->message.in(language)}}, memory);
}

}  // namespace

json::object snapshot_result(const storage::SnapshotRecord& record, SnapshotStatus status, std::chrono::seconds zone,
                             json::storage_ptr memory) {
    auto error = error_info(nullptr, Language::en_us, memory);
    return json::object(
        {
        {"TableGroupId", record.key.table_group_id},
        {"TableName", record.key.table_name},
        {"SnapshotName", record.key.snapshot_name},
        {"SnapshotTime", format_datetime(record.snapshot_time, zone)},
        {"SnapshotDeadTime", format_datetime(record.dead_time, zone)},
        {"Error", std::move(error)},
        {"TaskId", record.task_id},
        {"SnapshotCreateTime", format_datetime(record.create_time, zone)},
        {"SnapshotSize", snapshot_size(record.key, status)},
        {"SnapshotStatus", static_cast<std::uint64_t>(status)},
        {"ApplicationId", record.application_id},
        },
        std::move(memory));
}

json::object failed_result(const ItemIdentity& item, const ApiError& error, Language language,
                           std::chrono::seconds zone, json::storage_ptr memory) {
    json::object result(
        {
            {"TableGroupId", item.table_group_id},
            {"TableName", item.table_name},
            {"SnapshotName", item.snapshot_name},
        },
        memory);
    if (item.snapshot_time) result["SnapshotTime"] = format_datetime(*item.snapshot_time, zone);
    if (item.dead_time) result["SnapshotDeadTime"] = format_datetime(*item.dead_time, zone);
    result["Error"] = error_info(&error, language, memory);
    return result;
}

}  // namespace tcaplus_mock
