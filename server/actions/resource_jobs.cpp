#include "server/actions/resource_jobs.hpp"

#include "server/actions/store_calls.hpp"
#include "server/core/api_errors.hpp"


namespace tcaplus_mock {

namespace {

ClusterJob::result_type in_cluster(const ActionContext& context, ResourceDirectory& directory,
                                   storage::Repository& repository, const ClusterJob& job) {
    auto cluster = directory.cluster(context.params.at("ClusterId").as_string());
    if (!cluster) return cluster.error();
    return job(directory, repository, *cluster);
}

}  // namespace

boost::asio::awaitable<Result<boost::json::object>> write_resources(const ActionContext& context, ResourceJob job) {
    Result<boost::json::object> outcome = errors::internal_error();
    try {
        co_await store_write(context.store, [&](storage::Repository& repository) {
            ResourceDirectory directory(repository, context.scope());
            outcome = job(directory, repository);
            // An error answer keeps nothing of what the job wrote before it knew.
            if (!outcome) throw storage::JobRefused();
        });
    } catch (const storage::JobRefused&) {
    }
    co_return outcome;
}

boost::asio::awaitable<Result<boost::json::object>> read_resources(const ActionContext& context, ResourceJob job) {
    Result<boost::json::object> outcome = errors::internal_error();
    co_await store_read(context.store, [&](storage::Repository& repository) {
        ResourceDirectory directory(repository, context.scope());
        outcome = job(directory, repository);
    });
    co_return outcome;
}

boost::asio::awaitable<Result<boost::json::object>> write_in_cluster(const ActionContext& context, ClusterJob job) {
    co_return co_await write_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository) {
        return in_cluster(context, directory, repository, job);
    });
}

boost::asio::awaitable<Result<boost::json::object>> read_in_cluster(const ActionContext& context, ClusterJob job) {
    co_return co_await read_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository) {
        return in_cluster(context, directory, repository, job);
    });
}

}  // namespace tcaplus_mock
