#include "server/actions/snapshots/snapshot_actions.hpp"

#include "server/actions/requested_resources.hpp"
#include "server/actions/snapshots/selected_snapshots.hpp"
#include "server/actions/snapshots/snapshot_errors.hpp"
#include "server/actions/store_calls.hpp"

namespace tcaplus_mock {
namespace {

// Runs on the store's writer, inside the transaction.
void delete_items(std::vector<SelectedSnapshot>& items, storage::Repository& repository, const ActionContext& context,
                  long long now) {
    const long long gone_time = now + context.config.snapshots.delete_after.count();
    for_each_live_snapshot(items, repository, context, now, [&](SelectedSnapshot& item) {
        const auto& key = item.key;
        if (item.status == SnapshotStatus::in_use) {
            item.error = errors::snapshot_in_use(key.table_group_id, key.table_name, key.snapshot_name);
            return;
        }
        if (gone_time <= now) {
            repository.snapshots().erase(key);
        } else {
            repository.snapshots().mark_deleted(key, now, gone_time);
        }
        item.status = SnapshotStatus::deleting;
    });
    // Rows of earlier deletes whose time is up: nothing reads them any more.
    if (!items.empty()) repository.snapshots().purge_gone(context.account, items.front().key.cluster_id, now);
}

}  // namespace

boost::asio::awaitable<Result<boost::json::object>> delete_snapshots(const ActionContext& context) {
    const auto cluster = requested_cluster(context);
    if (!cluster) co_return cluster.error();

    auto items = read_selected_snapshots(context, *cluster);
    const long long now = unix_seconds(context.clock.now());
    co_await store_write(context.store,
                         [&](storage::Repository& repository) { delete_items(items, repository, context, now); });
    co_return encode_selected_snapshots(items, context);
}

}  // namespace tcaplus_mock
