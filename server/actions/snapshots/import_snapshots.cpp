#include "server/actions/snapshots/snapshot_actions.hpp"

#include "server/actions/approvals/applications.hpp"
#include "server/actions/resource_directory.hpp"
#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_ids.hpp"
#include "server/actions/snapshots/selected_snapshots.hpp"
#include "server/actions/snapshots/snapshot_lifecycle.hpp"
#include "server/actions/snapshots/snapshot_errors.hpp"
#include "server/actions/store_calls.hpp"
#include "server/core/api_errors.hpp"

#include <optional>

namespace tcaplus_mock {
namespace {

namespace json = boost::json;

// "TRUE" or "FALSE", the only values either flag takes.
Result<bool> read_flag(const json::object& params, std::string_view name) {
    const std::string_view value = params.at(name).as_string();
    if (value == "TRUE") return true;
    if (value == "FALSE") return false;
    return errors::invalid_parameter_value(name, value, "`TRUE` or `FALSE`", "`TRUE` 或 `FALSE`");
}

std::string text_or_empty(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value == nullptr ? std::string() : std::string(value->as_string());
}

// The import as the request describes it, checked except for what needs the store.
Result<storage::ImportRecord> read_import(const ActionContext& context, const std::string& cluster_id, long long now) {
    const auto& params = context.params;
    const auto special_key = read_flag(params, "ImportSpecialKey");
    if (!special_key) return special_key.error();
    const auto origin_table = read_flag(params, "ImportOriginTable");
    if (!origin_table) return origin_table.error();

    storage::ImportRecord record;
    const auto& snapshot = params.at("Snapshots").as_object();
    record.source = {context.account, cluster_id, text_or_empty(snapshot, "TableGroupId"),
                     text_or_empty(snapshot, "TableName"), text_or_empty(snapshot, "SnapshotName")};
    record.special_key = *special_key;
    record.origin_table = *origin_table;
    if (record.special_key) {
        const auto* key_file = params.if_contains("KeyFile");
        if (key_file == nullptr) return errors::missing_parameter("KeyFile");
        record.key_file_name = text_or_empty(key_file->as_object(), "FileName");
    }
    if (!record.origin_table) {
        record.new_table_group_id = text_or_empty(params, "NewTableGroupId");
        if (!params.contains("NewTableGroupId")) return errors::missing_parameter("NewTableGroupId");
        record.new_table_name = text_or_empty(params, "NewTableName");
        if (!params.contains("NewTableName")) return errors::missing_parameter("NewTableName");
    }
    record.start_time = now;
    record.end_time = now + context.config.snapshots.import_duration.count();
    return record;
}

// The new table's group must exist (in auto mode: or it is made), and the table must not.
std::optional<ApiError> check_new_table(ResourceDirectory& directory, const ActionContext& context,
                                        const storage::ImportRecord& record) {
    if (record.origin_table) return std::nullopt;
    const auto& cluster_id = record.source.cluster_id;
    const bool named_on_first_use = context.config.resources.mode == ResourcesMode::auto_accept;
    if (!named_on_first_use && !directory.find_table_group(cluster_id, record.new_table_group_id))
        return errors::table_group_not_found(cluster_id, record.new_table_group_id);
    if (directory.find_table(cluster_id, record.new_table_group_id, record.new_table_name))
        return errors::table_already_exists(cluster_id, record.new_table_group_id, record.new_table_name);
    return std::nullopt;
}

// The snapshot must exist, be done and not expired.
std::optional<ApiError> check_snapshot(storage::Repository& repository, const ActionContext& context,
                                       const storage::ImportRecord& record) {
    const auto& key = record.source;
    const auto snapshot = repository.snapshots().find(key);
    const auto status = live_status(snapshot ? &*snapshot : nullptr, context, record.start_time);
    if (!status || *status == SnapshotStatus::deleting)
        return errors::snapshot_not_found(key.table_group_id, key.table_name, key.snapshot_name);
    if (*status == SnapshotStatus::creating)
        return errors::snapshot_unavailable(key.table_group_id, key.table_name, key.snapshot_name,
                                            "is still being created", "仍在生成中");
    if (*status == SnapshotStatus::expired)
        return errors::snapshot_unavailable(key.table_group_id, key.table_name, key.snapshot_name, "has expired",
                                            "已失效");
    return std::nullopt;
}

// What an import brings into its table: the snapshot's data.
std::int64_t imported_size(const storage::ImportRecord& record) {
    return static_cast<std::int64_t>(snapshot_size(record.source, SnapshotStatus::normal));
}

// The table an import into a new table makes: the snapshot's table's kind, a new TableInstanceId.
storage::TableRecord new_table(ResourceDirectory& directory, storage::Repository& repository,
                               const storage::ImportRecord& record) {
    const auto& key = record.source;
    storage::TableRecord table;
    if (auto source = directory.find_table(key.cluster_id, key.table_group_id, key.table_name)) table = source->record;
    table.table_group_id = record.new_table_group_id;
    table.table_name = record.new_table_name;
    table.instance_id = new_table_instance_id(repository);
    if (table.table_type.empty()) table.table_type = "GENERIC";
    if (table.idl_type.empty()) table.idl_type = "PROTO";
    table.account = key.account;
    table.cluster_id = key.cluster_id;
    table.memo.clear();
    table.created_time = table.updated_time = record.start_time;
    table.recycled_time.reset();
    table.table_size = imported_size(record);
    return table;
}

// Under approval: files the import as an application (its ApplicationId in `record`) and returns true.
bool filed_for_approval(storage::ImportRecord& record, ResourceDirectory& directory, storage::Repository& repository,
                        const ActionContext& context) {
    const auto cluster = directory.find_cluster(record.source.cluster_id);
    const auto type = cluster ? filed_application_type(context, cluster->record) : std::nullopt;
    if (!type) return false;
    directory.keep_cluster(record.source.cluster_id);
    record.application_id = file_application(context, repository, cluster->record, *type, context.params,
                                             {record.source.table_group_id, record.source.table_name, ""});
    return true;
}

// Runs on the store's writer, inside the transaction. Returns the reason the import cannot run; an
// import filed for approval leaves `record.task_id` empty.
std::optional<ApiError> store_import(storage::ImportRecord& record, storage::Repository& repository,
                                     const ActionContext& context) {
    const auto& key = record.source;
    ResourceDirectory directory(repository, context.scope());
    if (auto usable = directory.usable_by_snapshots(key.cluster_id); !usable) return usable.error();
    if (auto refused = check_new_table(directory, context, record)) return refused;
    if (auto refused = check_snapshot(repository, context, record)) return refused;
    if (filed_for_approval(record, directory, repository, context)) return std::nullopt;
    record.task_id = repository.counters().next_task_id(key.account, key.cluster_id);
    record.application_id = repository.counters().next_application_id(key.account, key.cluster_id);
    repository.imports().insert(record);
    if (record.end_time > record.start_time) repository.snapshots().extend_in_use(key, record.end_time);
    if (!record.origin_table) {
        directory.store_table(new_table(directory, repository, record));
    } else if (directory.find_table(key.cluster_id, key.table_group_id, key.table_name)) {
        directory.keep_table(key.cluster_id, key.table_group_id, key.table_name);
        auto table = *repository.tables().find(key.account, key.cluster_id, key.table_group_id, key.table_name);
        table.table_size = imported_size(record);
        repository.tables().put(table);
    }
    return std::nullopt;
}

}  // namespace

boost::asio::awaitable<Result<json::object>> import_snapshots(const ActionContext& context) {
    const long long now = unix_seconds(context.clock.now());
    auto record = read_import(context, std::string(context.params.at("ClusterId").as_string()), now);
    if (!record) co_return record.error();
    std::optional<ApiError> refused;
    co_await store_write(context.store,
                         [&](storage::Repository& repository) { refused = store_import(*record, repository, context); });
    if (refused) co_return *refused;
    const auto task = record->task_id.empty() ? json::value(nullptr) : json::value(record->task_id, context.memory);
    co_return json::object({{"TaskId", task}, {"ApplicationId", record->application_id}}, context.memory);
}

}  // namespace tcaplus_mock
