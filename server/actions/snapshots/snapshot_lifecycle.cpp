#include "server/actions/snapshots/snapshot_lifecycle.hpp"

#include "server/core/stable_hash.hpp"

namespace tcaplus_mock {

std::optional<SnapshotStatus> snapshot_status(const storage::SnapshotRecord& record, long long now,
                                              std::chrono::seconds ready_after) noexcept {
    if (record.deleted_time) {
        if (record.gone_time && now >= *record.gone_time) return std::nullopt;
        return SnapshotStatus::deleting;
    }
    if (now < record.create_time + ready_after.count()) return SnapshotStatus::creating;
    if (now < record.in_use_until) return SnapshotStatus::in_use;
    if (now >= record.dead_time) return SnapshotStatus::expired;
    return SnapshotStatus::normal;
}

std::uint64_t snapshot_size(const storage::SnapshotKey& key, SnapshotStatus status) noexcept {
    if (status == SnapshotStatus::creating) return 0;
    const auto hash = stable_hash({key.cluster_id, key.table_group_id, key.table_name, key.snapshot_name});
    constexpr std::uint64_t mebibyte = 1024 * 1024;
    return mebibyte + hash % (1023 * mebibyte);
}

}  // namespace tcaplus_mock
