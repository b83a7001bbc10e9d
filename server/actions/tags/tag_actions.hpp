#pragma once
// The tag actions: one handler each (a file of this folder), registered in ../action_registry.cpp.
// Tags are read and changed through resource_tags.hpp; a tag list is [{TagKey, TagValue}] in key
// order. A Describe answers one row per resource asked for, in the order asked, with `Error` null, or
// the ErrorInfo of a resource that does not exist (ResourceNotFound) and no tags. A Modify sets
// ReplaceTags (a tag of the same key is replaced), then removes DeleteTags' keys (an absent key is no
// error), and records a task (Terraform waits for the table group's in DescribeTasks).

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

// DescribeClusterTags: Rows [{ClusterId, Tags, Error}] for ClusterIds; TotalCount counts the rows.
boost::asio::awaitable<Result<boost::json::object>> describe_cluster_tags(const ActionContext& context);
// ModifyClusterTags: answers the TaskId; ResourceNotFound for a cluster that does not exist.
boost::asio::awaitable<Result<boost::json::object>> modify_cluster_tags(const ActionContext& context);

// DescribeTableGroupTags: Rows [{ClusterId, TableGroupId, Tags, Error}] for the TableGroupIds of the
// cluster of ClusterId (ResourceNotFound for the request when the cluster does not exist).
boost::asio::awaitable<Result<boost::json::object>> describe_table_group_tags(const ActionContext& context);
// ModifyTableGroupTags: answers the TaskId; ResourceNotFound for a group that does not exist.
boost::asio::awaitable<Result<boost::json::object>> modify_table_group_tags(const ActionContext& context);

// DescribeTableTags: Rows [{TableInstanceId, TableName, TableGroupId, Tags, Error}] for the
// SelectedTables ({TableGroupId, TableName}) of the cluster of ClusterId.
boost::asio::awaitable<Result<boost::json::object>> describe_table_tags(const ActionContext& context);
// ModifyTableTags: changes the tags of each of SelectedTables; TableResults [TableResultNew] with the
// item's TaskId and `Error` null, or the item's ErrorInfo (ResourceNotFound).
boost::asio::awaitable<Result<boost::json::object>> modify_table_tags(const ActionContext& context);

}  // namespace tcaplus_mock
