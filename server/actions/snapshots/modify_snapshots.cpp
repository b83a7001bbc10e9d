#include "server/actions/snapshots/snapshot_actions.hpp"

#include "server/actions/resource_directory.hpp"
#include "server/actions/snapshots/selected_snapshots.hpp"
#include "server/actions/store_calls.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/datetime.hpp"

namespace tcaplus_mock {
namespace {

// Runs on the store's writer, inside the transaction; the request's error when its cluster cannot be used.
Result<void> modify_items(std::vector<SelectedSnapshot>& items, storage::Repository& repository,
                          const ActionContext& context, long long now) {
    const auto zone = context.config.api.utc_offset;
    if (auto usable = ResourceDirectory(repository, context.scope()).usable_by_snapshots(items.front().key.cluster_id);
        !usable)
        return usable;
    for_each_live_snapshot(items, repository, context, now, [&](SelectedSnapshot& item) {
        auto& record = item.record;
        if (*item.dead_time < record.snapshot_time) {
            const auto shown = format_datetime(record.snapshot_time, zone);
            item.error = errors::invalid_parameter_value(
                item.path + ".SnapshotDeadTime", format_datetime(*item.dead_time, zone),
                "a time not earlier than the snapshot's `SnapshotTime` (`" + shown + "`)",
                "不早于快照的 `SnapshotTime`（`" + shown + "`）的时间");
            return;
        }
        repository.snapshots().update_dead_time(item.key, *item.dead_time);
        record.dead_time = *item.dead_time;
        item.status = *live_status(&record, context, now);
    });
    return {};
}

}  // namespace

boost::asio::awaitable<Result<boost::json::object>> modify_snapshots(const ActionContext& context) {
    auto items = read_selected_snapshots(context, std::string(context.params.at("ClusterId").as_string()));
    for (auto& item : items)
        if (!item.error && !item.dead_time) item.error = errors::missing_parameter(item.path + ".SnapshotDeadTime");
    const long long now = unix_seconds(context.clock.now());
    Result<void> usable;
    co_await store_write(context.store,
                         [&](storage::Repository& repository) { usable = modify_items(items, repository, context, now); });
    if (!usable) co_return usable.error();
    co_return encode_selected_snapshots(items, context);
}

}  // namespace tcaplus_mock
