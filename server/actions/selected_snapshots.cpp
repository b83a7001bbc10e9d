#include "server/actions/selected_snapshots.hpp"

#include "server/actions/resource_catalog.hpp"
#include "server/actions/snapshot_errors.hpp"
#include "server/actions/snapshot_result.hpp"
#include "server/core/datetime.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

Result<std::string> requested_cluster(const ActionContext& context) {
    std::string cluster_id(context.params.at("ClusterId").as_string());
    if (!context.resources.has_cluster(context.account, cluster_id)) return errors::cluster_not_found(cluster_id);
    // In place: ApiError, an aggregate, is constructible from a string too.
    return Result<std::string>(boost::system::in_place_value, std::move(cluster_id));
}

std::optional<ApiError> item_fault_for(const ActionContext& context, std::string_view table_name) {
    const auto& fault = context.item_fault;
    if (fault && (fault->table_name.empty() || fault->table_name == table_name)) return fault->error;
    return std::nullopt;
}

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
        item.error = item_fault_for(context, item.key.table_name);
    }
    return items;
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
