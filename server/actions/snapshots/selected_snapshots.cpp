#include "server/actions/snapshots/selected_snapshots.hpp"

#include "server/actions/snapshots/snapshot_errors.hpp"
#include "server/actions/snapshots/snapshot_result.hpp"
#include "server/core/datetime.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

std::optional<SnapshotStatus> live_status(const storage::SnapshotRecord* record, const ActionContext& context,
                                          long long now) {
    if (record == nullptr) return std::nullopt;
    return snapshot_status(*record, now, context.config.snapshots.ready_after);
}

std::vector<SelectedSnapshot> read_selected_snapshots(const ActionContext& context, const std::string& cluster_id) {
    const auto& tables = context.params.at("SelectedTables").as_array();
    std::vector<SelectedSnapshot> items(tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const auto& table = tables[i].as_object();
        auto& item = items[i];
        item.path = "SelectedTables." + std::to_string(i);
        item.key = {context.account, cluster_id, std::string(table.at("TableGroupId").as_string()),
                    std::string(table.at("TableName").as_string()), std::string(table.at("SnapshotName").as_string())};
        // Validation has already proven a given datetime parses.
        if (const auto* dead = table.if_contains("SnapshotDeadTime"))
            item.dead_time = *parse_datetime(dead->as_string(), context.config.api.utc_offset);
        item.error = context.fault_for_item(item.key.table_name);
    }
    return items;
}

void for_each_live_snapshot(std::vector<SelectedSnapshot>& items, storage::Repository& repository,
                            const ActionContext& context, long long now, const SnapshotStep& act) {
    for (auto& item : items) {
        if (item.error) continue;
        const auto& key = item.key;
        auto record = repository.snapshots().find(key);
        const auto status = live_status(record ? &*record : nullptr, context, now);
        if (!status || *status == SnapshotStatus::deleting) {
            item.error = errors::snapshot_not_found(key.table_group_id, key.table_name, key.snapshot_name);
            continue;
        }
        item.record = std::move(*record);
        item.status = *status;
        act(item);
    }
}

json::object encode_selected_snapshots(const std::vector<SelectedSnapshot>& items, const ActionContext& context) {
    const auto zone = context.config.api.utc_offset;
    json::array results(context.memory);
    results.reserve(items.size());
    for (const auto& item : items) {
        if (!item.error) {
            results.push_back(snapshot_result(item.record, item.status, zone, context.memory));
            continue;
        }
        const ItemIdentity identity{item.key.table_group_id, item.key.table_name, item.key.snapshot_name, {},
                                    item.dead_time};
        results.push_back(failed_result(identity, *item.error, context.language, zone, context.memory));
    }
    return json::object({{"TotalCount", results.size()}, {"TableResults", std::move(results)}}, context.memory);
}

}  // namespace tcaplus_mock
