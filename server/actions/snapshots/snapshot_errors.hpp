#pragma once
// The errors the snapshot actions raise about clusters, tables and snapshots, written with the
// catalog helpers of server/core/api_errors.hpp (both languages, names quoted and cut).

#include "server/core/api_error.hpp"

#include <cstddef>
#include <string_view>

namespace tcaplus_mock::errors {

// ResourceNotFound: a cluster, table group or table that strict resources mode does not know.
ApiError cluster_not_found(std::string_view cluster_id);
ApiError table_group_not_found(std::string_view cluster_id, std::string_view table_group_id);
ApiError table_not_found(std::string_view cluster_id, std::string_view table_group_id, std::string_view table_name);
// FailedOperation: an import's new table is already declared (strict resources mode).
ApiError table_already_exists(std::string_view cluster_id, std::string_view table_group_id,
                              std::string_view table_name);

// ResourceNotFound: no such snapshot in the caller's account (or it is being deleted or gone).
ApiError snapshot_not_found(std::string_view table_group_id, std::string_view table_name,
                            std::string_view snapshot_name);
// ResourceInUse: a running import reads the snapshot, so it cannot be deleted.
ApiError snapshot_in_use(std::string_view table_group_id, std::string_view table_name, std::string_view snapshot_name);
// ResourceUnavailable: the snapshot exists but cannot be imported now; `state_en`/`state_zh` say
// why ("is still being created", "has expired").
ApiError snapshot_unavailable(std::string_view table_group_id, std::string_view table_name,
                              std::string_view snapshot_name, std::string_view state_en, std::string_view state_zh);

// FailedOperation: CreateSnapshots of a name the table already has (or twice in one request).
ApiError snapshot_already_exists(std::string_view table_group_id, std::string_view table_name,
                                 std::string_view snapshot_name);
// LimitExceeded: the table already holds snapshots.max_per_table snapshots.
ApiError snapshot_limit_exceeded(std::string_view table_group_id, std::string_view table_name, std::size_t limit);

}  // namespace tcaplus_mock::errors
