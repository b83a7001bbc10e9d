#pragma once
// The table group actions: one handler each (a file of this folder), registered in
// ../action_registry.cpp. A table group belongs to a cluster; its TableGroupId, a number, is unique
// in the cluster.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

// CreateTableGroup: TableGroupName 1 to 32 characters (InvalidParameterValue.InvalidTableGroupName),
// not used by another group of the cluster (ResourceUnavailable.DuplicateTableGroupName); TableGroupId
// digits (InvalidParameterValue), not taken (ResourceUnavailable.DuplicateTableGroupInfo), or when left
// out the next free number (the highest numeric id + 1). ResourceTags become its tags. Answers the
// TableGroupId.
boost::asio::awaitable<Result<boost::json::object>> create_table_group(const ActionContext& context);

// DescribeTableGroups: the cluster's groups, numeric ids in numeric order, narrowed by TableGroupIds
// and Filters TableGroupName (also `GroupName`, which Terraform sends) and TableGroupId; paged by
// Offset and Limit (default 20). TableCount counts the group's tables not in the recycle bin.
boost::asio::awaitable<Result<boost::json::object>> describe_table_groups(const ActionContext& context);

// DeleteTableGroup: only a group without tables, the recycle bin included (ResourceInUse); answers the
// TaskId of the deletion. ResourceNotFound for a group that does not exist.
boost::asio::awaitable<Result<boost::json::object>> delete_table_group(const ActionContext& context);

// ModifyTableGroupName: the rules of CreateTableGroup's TableGroupName.
boost::asio::awaitable<Result<boost::json::object>> modify_table_group_name(const ActionContext& context);

}  // namespace tcaplus_mock
