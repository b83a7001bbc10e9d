#pragma once
// Running a resource action's work in a store job with the request's ResourceDirectory, and with the
// cluster its `ClusterId` names resolved as the request's region sees it (ResourceNotFound,
// FailedOperation.RegionMismatch otherwise). The job returns the Response fields or an ApiError; it
// runs on a store thread while the request's coroutine waits, so it may build the answer's JSON in the
// request's arena (context.memory).

#include "server/actions/action_context.hpp"
#include "server/actions/resource_directory.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

#include <functional>

namespace tcaplus_mock {

using ResourceJob = std::function<Result<boost::json::object>(ResourceDirectory& directory, storage::Repository& repository)>;
using ClusterJob = std::function<Result<boost::json::object>(ResourceDirectory& directory, storage::Repository& repository,
                                                             const Found<storage::ClusterRecord>& cluster)>;

// A write job (the writer's transaction; the job's savepoint undoes it when it returns an error or
// throws) and a read job.
boost::asio::awaitable<Result<boost::json::object>> write_resources(const ActionContext& context, ResourceJob job);
boost::asio::awaitable<Result<boost::json::object>> read_resources(const ActionContext& context, ResourceJob job);

// The same, with the cluster of the request's `ClusterId`.
boost::asio::awaitable<Result<boost::json::object>> write_in_cluster(const ActionContext& context, ClusterJob job);
boost::asio::awaitable<Result<boost::json::object>> read_in_cluster(const ActionContext& context, ClusterJob job);

}  // namespace tcaplus_mock
