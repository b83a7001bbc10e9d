#include "server/actions/snapshots/snapshot_lifecycle.hpp"

#include <string_view>

namespace tcaplus_mock {
namespace {

constexpr std::uint64_t fnv_offset = 14695981039346656037ULL;
constexpr std::uint64_t fnv_prime = 1099511628211ULL;

// FNV-1a: stable across runs, builds and machines (std::hash is not).
std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) noexcept {
    for (unsigned char byte : bytes) hash = (hash ^ byte) * fnv_prime;
    return (hash ^ 0x1f) * fnv_prime;  // a separator, so "ab"+"c" differs from "a"+"bc"
}

}  // namespace

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
    std::uint64_t hash = fnv_offset;
    for (const auto* part : {&key.cluster_id, &key.table_group_id, &key.table_name, &key.snapshot_name})
        hash = fnv1a(hash, *part);
    constexpr std::uint64_t mebibyte = 1024 * 1024;
    return mebibyte + hash % (1023 * mebibyte);
}

}  // namespace tcaplus_mock
