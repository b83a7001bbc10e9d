#include "server/actions/snapshots/snapshot_actions.hpp"

#include "server/actions/resource_directory.hpp"
#include "server/actions/task_log.hpp"
#include "server/actions/snapshots/selected_snapshots.hpp"
#include "server/actions/snapshots/snapshot_errors.hpp"
#include "server/actions/store_calls.hpp"

namespace tcaplus_mock {
namespace {

// Runs on the store's writer, inside the transaction; the request's error when its cluster cannot be
// used. What a deleted snapshot named (its table, group, cluster) is kept, and so is its task.
Result<void> delete_items(std::vector<SelectedSnapshot>& items, storage::Repository& repository,
                          const ActionContext& context, long long now) {
    const long long gone_time = now + context.config.snapshots.delete_after.count();
    ResourceDirectory directory(repository, context.scope());
    if (auto usable = directory.usable_by_snapshots(items.front().key.cluster_id); !usable) return usable;
    for_each_live_snapshot(items, repository, context, now, [&](SelectedSnapshot& item) {
        const auto& key = item.key;
        if (item.status == SnapshotStatus::in_use) {
            item.error = errors::snapshot_in_use(key.table_group_id, key.table_name, key.snapshot_name);
            return;
        }
        directory.keep_table(key.cluster_id, key.table_group_id, key.table_name);
        keep_snapshot_task(repository, context, item.record);
        if (gone_time <= now) {
            repository.snapshots().erase(key);
        } else {
            repository.snapshots().mark_deleted(key, now, gone_time);
        }
        item.status = SnapshotStatus::deleting;
    });
    // Rows of earlier deletes whose time is up: nothing reads them any more.
    repository.snapshots().purge_gone(context.account, items.front().key.cluster_id, now);
    return {};
}

}  // namespace

boost::asio::awaitable<Result<boost::json::object>> delete_snapshots(const ActionContext& context) {
    auto items = read_selected_snapshots(context, std::string(context.params.at("ClusterId").as_string()));
    const long long now = unix_seconds(context.clock.now());
    Result<void> usable;
    co_await store_write(context.store,
                         [&](storage::Repository& repository) { usable = delete_items(items, repository, context, now); });
    if (!usable) co_return usable.error();
    co_return encode_selected_snapshots(items, context);
}

}  // namespace tcaplus_mock
