#include "server/actions/snapshots/snapshot_actions.hpp"

#include "server/actions/resource_directory.hpp"
#include "server/actions/snapshots/snapshot_lifecycle.hpp"
#include "server/actions/snapshots/snapshot_errors.hpp"
#include "server/actions/snapshots/snapshot_result.hpp"
#include "server/actions/store_calls.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/datetime.hpp"

#include <boost/json/array.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

namespace tcaplus_mock {
namespace {

namespace json = boost::json;

// One SelectedTables item on its way to becoming a snapshot or an error.
struct Item {
    storage::SnapshotRecord record;
    std::string path;  // `SelectedTables.<i>`, for messages
    std::optional<ApiError> error;
};

std::string text_of(const json::object& object, std::string_view key) {
    return std::string(object.at(key).as_string());
}

std::vector<Item> read_items(const ActionContext& context, const std::string& cluster_id, long long now) {
    const auto& tables = context.params.at("SelectedTables").as_array();
    const auto zone = context.config.api.utc_offset;
    std::vector<Item> items(tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const auto& table = tables[i].as_object();
        auto& record = items[i].record;
        items[i].path = "SelectedTables." + std::to_string(i);
        record.key = {context.account, cluster_id, text_of(table, "TableGroupId"), text_of(table, "TableName"),
                      text_of(table, "SnapshotName")};
        // Validation has already proven both datetimes parse.
        record.snapshot_time = *parse_datetime(table.at("SnapshotTime").as_string(), zone);
        record.dead_time = *parse_datetime(table.at("SnapshotDeadTime").as_string(), zone);
        record.create_time = now;
    }
    return items;
}

// The checks that need no storage: time rules, an injected fault.
std::optional<ApiError> check_item(const Item& item, const ActionContext& context, long long now) {
    const auto& config = context.config;
    const auto& record = item.record;
    const auto& key = record.key;
    const auto shown = [&](long long when) { return format_datetime(when, config.api.utc_offset); };
    if (record.snapshot_time > now)
        return errors::invalid_parameter_value(item.path + ".SnapshotTime", shown(record.snapshot_time),
                                               "a past time point, not later than now (`" + shown(now) + "`)",
                                               "不晚于当前时间（`" + shown(now) + "`）的过去时间点");
    if (record.dead_time < record.snapshot_time)
        return errors::invalid_parameter_value(item.path + ".SnapshotDeadTime", shown(record.dead_time),
                                               "a time not earlier than `SnapshotTime` (`" +
                                                   shown(record.snapshot_time) + "`)",
                                               "不早于 `SnapshotTime`（`" + shown(record.snapshot_time) + "`）的时间");
    if (config.snapshots.max_age && record.snapshot_time < now - config.snapshots.max_age->count()) {
        const auto oldest = shown(now - config.snapshots.max_age->count());
        return errors::invalid_parameter_value(item.path + ".SnapshotTime", shown(record.snapshot_time),
                                               "a time not earlier than `" + oldest + "` (snapshots.max_age)",
                                               "不早于 `" + oldest + "` 的时间（snapshots.max_age）");
    }
    return context.fault_for_item(key.table_name);
}

using TableKey = std::tuple<std::string, std::string, std::string>;

// Runs on the store's writer, inside the transaction: checks the cluster (the request's error when it
// cannot be used), decides whether each remaining item can be stored, then stores those that can,
// numbered from one block of ids. A snapshot that was deleted and is gone makes way for the new one.
std::optional<ApiError> store_items(std::vector<Item>& items, storage::Repository& repository,
                                    const ActionContext& context, long long now) {
    const auto& settings = context.config.snapshots;
    ResourceDirectory directory(repository, context.scope());
    if (items.empty()) return std::nullopt;
    if (auto usable = directory.usable_by_snapshots(items.front().record.key.cluster_id); !usable)
        return usable.error();
    auto& snapshots = repository.snapshots();
    std::set<std::string> names_in_request;       // group \x1f table \x1f name
    std::map<TableKey, std::size_t> table_sizes;  // stored + added by this request
    std::vector<Item*> admitted;
    std::vector<bool> replaces;  // whether an admitted item's name is held by a gone snapshot's row
    for (auto& item : items) {
        if (item.error) continue;
        const auto& key = item.record.key;
        if (auto table = directory.table_usable_by_snapshots(key.cluster_id, key.table_group_id, key.table_name); !table) {
            item.error = table.error();
            continue;
        }
        const auto name_key = key.table_group_id + '\x1f' + key.table_name + '\x1f' + key.snapshot_name;
        const auto existing = snapshots.find(key);
        const bool taken = existing && snapshot_status(*existing, now, settings.ready_after).has_value();
        if (!names_in_request.insert(name_key).second || taken) {
            item.error = errors::snapshot_already_exists(key.table_group_id, key.table_name, key.snapshot_name);
            continue;
        }
        if (settings.max_per_table) {
            auto [slot, fresh] = table_sizes.try_emplace({key.cluster_id, key.table_group_id, key.table_name}, 0);
            if (fresh)
                slot->second =
                    snapshots.count_for_table(key.account, key.cluster_id, key.table_group_id, key.table_name, now);
            if (slot->second >= *settings.max_per_table) {
                item.error = errors::snapshot_limit_exceeded(key.table_group_id, key.table_name,
                                                             *settings.max_per_table);
                continue;
            }
            ++slot->second;
        }
        admitted.push_back(&item);
        replaces.push_back(existing.has_value());
    }
    if (admitted.empty()) return std::nullopt;
    const auto& first_key = admitted.front()->record.key;  // every item names the request's cluster
    const auto count = static_cast<std::int64_t>(admitted.size());
    auto& counters = repository.counters();
    const auto first_task = counters.reserve_task_numbers(first_key.account, first_key.cluster_id, count);
    const auto first_application = counters.reserve_application_numbers(first_key.account, first_key.cluster_id, count);
    for (std::size_t i = 0; i < admitted.size(); ++i) {
        auto& record = admitted[i]->record;
        if (replaces[i]) snapshots.erase(record.key);
        record.task_id = storage::CounterRows::id_of(record.key.cluster_id, first_task + static_cast<std::int64_t>(i));
        record.application_id =
            storage::CounterRows::id_of(record.key.cluster_id, first_application + static_cast<std::int64_t>(i));
        snapshots.insert(record);
    }
    return std::nullopt;
}

json::object encode_result(const Item& item, const ActionContext& context) {
    const auto zone = context.config.api.utc_offset;
    const auto& record = item.record;
    if (!item.error) return snapshot_result(record, SnapshotStatus::creating, zone, context.memory);
    const ItemIdentity identity{record.key.table_group_id, record.key.table_name, record.key.snapshot_name,
                                record.snapshot_time, record.dead_time};
    return failed_result(identity, *item.error, context.language, zone, context.memory);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> create_snapshots(const ActionContext& context) {
    const std::string cluster_id(context.params.at("ClusterId").as_string());
    const long long now = unix_seconds(context.clock.now());
    auto items = read_items(context, cluster_id, now);
    for (auto& item : items) item.error = check_item(item, context, now);
    std::optional<ApiError> refused;
    co_await store_write(context.store, [&](storage::Repository& repository) {
        refused = store_items(items, repository, context, now);
    });
    if (refused) co_return *refused;

    json::array results(context.memory);
    results.reserve(items.size());
    for (const auto& item : items) results.push_back(encode_result(item, context));
    co_return json::object({{"TotalCount", results.size()}, {"TableResults", std::move(results)}}, context.memory);
}

}  // namespace tcaplus_mock
