#include "server/actions/delete_snapshots.hpp"

#include "server/actions/selected_snapshots.hpp"
#include "server/actions/snapshot_errors.hpp"
#include "server/actions/store_calls.hpp"

namespace tcaplus_mock {
namespace {

// Runs on the store's writer, inside the transaction.
void delete_items(std::vector<SelectedSnapshot>& items, storage::SnapshotTables& tables, const ActionContext& context,
                  long long now) {
    const long long gone_time = now + context.config.snapshots.delete_after.count();
    for (auto& item : items) {
        if (item.error) continue;
        const auto& key = item.key;
        auto record = tables.find(key);
        const auto status = live_status(record ? &*record : nullptr, context, now);
        if (!status || *status == SnapshotStatus::deleting) {
            item.error = errors::snapshot_not_found(key.table_group_id, key.table_name, key.snapshot_name);
            continue;
        }
        if (*status == SnapshotStatus::in_use) {
            item.error = errors::snapshot_in_use(key.table_group_id, key.table_name, key.snapshot_name);
            continue;
        }
        if (gone_time <= now) {
            tables.erase(key);
        } else {
            tables.mark_deleted(key, now, gone_time);
        }
        item.record = std::move(*record);
        item.status = SnapshotStatus::deleting;
    }
    // Rows of earlier deletes whose time is up: nothing reads them any more.
    if (!items.empty()) tables.purge_gone(context.account, items.front().key.cluster_id, now);
}

}  // namespace

boost::asio::awaitable<Result<boost::json::object>> delete_snapshots(const ActionContext& context) {
    const auto cluster = requested_cluster(context);
    if (!cluster) co_return cluster.error();

    auto items = read_selected_snapshots(context, *cluster);
    const long long now = unix_seconds(context.clock.now());
    co_await store_write(context.store, [&](storage::SnapshotTables& tables) { delete_items(items, tables, context, now); });
    co_return encode_selected_snapshots(items, context);
}

}  // namespace tcaplus_mock
