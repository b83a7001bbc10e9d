#pragma once
// The errors the snapshot actions raise about snapshots, written with the catalog helpers of
// server/core/api_errors.hpp (both languages, names quoted and cut); those about clusters, table
// groups and tables are every resource action's (../resource_errors.hpp).

#include "server/core/api_error.hpp"

#include <cstddef>
#include <string_view>

namespace tcaplus_mock::errors {

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
