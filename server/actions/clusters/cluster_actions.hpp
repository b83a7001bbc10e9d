#pragma once
// The cluster actions: one handler each (a file of this folder), registered in ../action_registry.cpp.
// A cluster belongs to the caller's account and to the region of the request that created it; it is
// seen only from that region (a cluster only snapshots or the configuration name is seen from every
// region). Its ClusterId is a random numeric string of 10 digits.

#include "server/actions/action_context.hpp"

namespace tcaplus_mock {

// CreateCluster: IdlType MIX, PROTO or TDR (any case; kept in capitals) else
// InvalidParameterValue.UnsupportIdlType; ClusterName 1 to 32 characters else
// InvalidParameterValue.InvalidClusterName, and no other cluster of the account in the region of that
// name (ResourceUnavailable.DuplicateClusterName); Password of letters and digits with at least one
// digit, one lower-case and one upper-case letter, at most 64 (InvalidParameterValue); ClusterType 0
// or 1 (shared) or 2 (dedicated), AuthType 0 or 1, Ipv6Enable 0 or 1 (InvalidParameterValue). The
// cluster shows ClusterStatus 4 (changing) for clusters.ready_after, then 0. ResourceTags become its
// tags. Answers the new ClusterId.
boost::asio::awaitable<Result<boost::json::object>> create_cluster(const ActionContext& context);

// DescribeClusters: the clusters seen from the request's region, by ClusterId, narrowed by ClusterIds
// (an id that does not exist, or was deleted, is left out: never ResourceNotFound), Filters
// ClusterName and ClusterId, and Ipv6Enable 1 (only those with IPv6); paged by Offset and Limit
// (default 20). TotalCount counts every match.
boost::asio::awaitable<Result<boost::json::object>> describe_clusters(const ActionContext& context);

// DeleteCluster: only a cluster without table groups (ResourceInUse otherwise: its tables and groups
// go first). The cluster, its IDL files and its tags go at once; answers the TaskId of the deletion.
// A cluster the configuration declares cannot be deleted (FailedOperation).
boost::asio::awaitable<Result<boost::json::object>> delete_cluster(const ActionContext& context);

// ModifyClusterName: the rules of CreateCluster's ClusterName.
boost::asio::awaitable<Result<boost::json::object>> modify_cluster_name(const ActionContext& context);

// ModifyClusterPassword: Mode "1" (the default) changes the password: OldPassword must be the
// password (FailedOperation.PasswordFailure), no old password may still be in use
// (FailedOperation.OldPasswordInUse), NewPassword follows CreateCluster's rule; the old password then
// stays valid until OldPasswordExpireTime. Mode "2" moves that time, while the old password is in use
// (FailedOperation.OldPasswordHasExpired after), OldPassword being the old password. The time must be
// in the future (InvalidParameterValue.InvalidTimeValue); another Mode is InvalidParameterValue.
boost::asio::awaitable<Result<boost::json::object>> modify_cluster_password(const ActionContext& context);

// ModifyClusterMachine: sets the cluster's ServerList, ProxyList and ClusterType; the cluster shows
// ClusterStatus 4 for clusters.ready_after. Answers the ClusterId.
boost::asio::awaitable<Result<boost::json::object>> modify_cluster_machine(const ActionContext& context);

// DescribeMachine: the machine pools dedicated clusters may use (fixed; Ipv6Enable 1 keeps the IPv6 pool).
boost::asio::awaitable<Result<boost::json::object>> describe_machine(const ActionContext& context);

// DescribeRegions: every region the service is offered in (api.regions, or every region of Tencent Cloud).
boost::asio::awaitable<Result<boost::json::object>> describe_regions(const ActionContext& context);

// EnableRestProxy: a cluster whose RESTful API is off (RestProxyStatus 0) turns it on: RestProxyStatus
// 1 for the task's duration (tasks.duration), then 2. Answers RestProxyStatus 1 and the TaskId.
// FailedOperation when it is not off.
boost::asio::awaitable<Result<boost::json::object>> enable_rest_proxy(const ActionContext& context);

// DisableRestProxy: the reverse, from 2 through 3 to 0; FailedOperation when it is not on.
boost::asio::awaitable<Result<boost::json::object>> disable_rest_proxy(const ActionContext& context);

// DescribeUinInWhitelist: Result "TRUE": the caller may create TDR clusters and tables.
boost::asio::awaitable<Result<boost::json::object>> describe_uin_in_whitelist(const ActionContext& context);

}  // namespace tcaplus_mock
