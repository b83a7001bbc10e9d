#pragma once
// A snapshot's SnapshotStatus and SnapshotSize, computed from its stored times and the clock:
// nothing rewrites a row as time passes, so a read at any moment (or after the control plane's
// clock jumped) sees the status that moment implies.
//
//   deleted, before gone_time        2 deleting
//   deleted, at or after gone_time   gone: no longer exists
//   now < create_time + ready_after  0 creating
//   now < in_use_until               4 in use (an import reads it)
//   now >= SnapshotDeadTime          3 expired
//   otherwise                        1 normal

#include "storage/snapshot_rows.hpp"

#include <chrono>
#include <cstdint>
#include <optional>

namespace tcaplus_mock {

enum class SnapshotStatus : std::uint64_t { creating = 0, normal = 1, deleting = 2, expired = 3, in_use = 4 };

// nullopt when the snapshot is gone (deleted and past its gone_time).
std::optional<SnapshotStatus> snapshot_status(const storage::SnapshotRecord& record, long long now,
                                              std::chrono::seconds ready_after) noexcept;

// The size a snapshot shows: 0 while creating; otherwise a number of bytes between 1 MiB and
// 1 GiB that depends only on the snapshot's cluster, table group, table and name, so the same
// snapshot always shows the same size.
std::uint64_t snapshot_size(const storage::SnapshotKey& key, SnapshotStatus status) noexcept;

}  // namespace tcaplus_mock
