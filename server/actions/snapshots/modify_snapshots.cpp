#include "server/actions/snapshots/snapshot_actions.hpp"

#include "server/actions/requested_resources.hpp"
#include "server/actions/snapshots/selected_snapshots.hpp"
#include "server/actions/store_calls.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/datetime.hpp"

namespace tcaplus_mock {
namespace {

// Runs on the store's writer, inside the transaction.
void modify_items(std::vector<SelectedSnapshot>& items, storage::Repository& repository, const ActionContext& context,
                  long long now) {
    const auto zone = context.config.api.utc_offset;
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
}

}  // namespace

boost::asio::awaitable<Result<boost::json::object>> modify_snapshots(const ActionContext& context) {
    const auto cluster = requested_cluster(context);
    if (!cluster) co_return cluster.error();

    auto items = read_selected_snapshots(context, *cluster);
    bool any_left = false;
    for (auto& item : items) {
        if (!item.error && !item.dead_time) item.error = errors::missing_parameter(item.path + ".SnapshotDeadTime");
        any_left = any_left || !item.error;
    }
    if (any_left) {
        const long long now = unix_seconds(context.clock.now());
        co_await store_write(context.store,
                             [&](storage::Repository& repository) { modify_items(items, repository, context, now); });
    }
    co_return encode_selected_snapshots(items, context);
}

}  // namespace tcaplus_mock
