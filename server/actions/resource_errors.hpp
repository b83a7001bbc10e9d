#pragma once
// The errors every resource action raises about clusters, table groups and tables, written with the
// catalog helpers of server/core/api_errors.hpp (both languages, names quoted and cut).

#include "server/core/api_error.hpp"

#include <string_view>

namespace tcaplus_mock::errors {

// ResourceNotFound: no such cluster, table group or table for the caller.
ApiError cluster_not_found(std::string_view cluster_id);
ApiError table_group_not_found(std::string_view cluster_id, std::string_view table_group_id);
ApiError table_not_found(std::string_view cluster_id, std::string_view table_group_id, std::string_view table_name);
ApiError table_instance_not_found(std::string_view cluster_id, std::string_view instance_id);
// FailedOperation.RegionMismatch: the cluster exists, in another region than the request's.
ApiError cluster_in_other_region(std::string_view cluster_id, std::string_view cluster_region,
                                 std::string_view request_region);
// FailedOperation: a table of that name is already in the table group (the recycle bin included).
ApiError table_already_exists(std::string_view cluster_id, std::string_view table_group_id,
                              std::string_view table_name);
// FailedOperation: the action needs a running table and the table is in the recycle bin, or the
// other way round (RecoverRecycleTables).
ApiError table_in_recycle_bin(std::string_view table_group_id, std::string_view table_name);
ApiError table_not_in_recycle_bin(std::string_view table_group_id, std::string_view table_name);
// ResourceNotFound: the item's TableInstanceId is not the instance id of the table it names.
ApiError table_instance_mismatch(std::string_view table_group_id, std::string_view table_name,
                                 std::string_view instance_id);
// FailedOperation: the configuration (resources.clusters) declares the resource, which therefore
// cannot be deleted. `what_en`/`what_zh` name it: "cluster `x`", "集群 `x`".
ApiError declared_in_configuration(std::string_view what_en, std::string_view what_zh);
// ResourceInUse: a cluster that still holds table groups, a table group that still holds tables.
ApiError cluster_in_use(std::string_view cluster_id, std::size_t table_groups);
ApiError table_group_in_use(std::string_view cluster_id, std::string_view table_group_id, std::size_t tables);

}  // namespace tcaplus_mock::errors
