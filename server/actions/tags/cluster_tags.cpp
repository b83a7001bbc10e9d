#include "server/actions/tags/tag_actions.hpp"

#include "server/actions/listing.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/response_values.hpp"
#include "server/actions/tags/resource_tags.hpp"
#include "server/actions/task_log.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> describe_cluster_tags(const ActionContext& context) {
    const auto ids = read_strings(context.params, "ClusterIds");
    co_return co_await read_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository)
                                                   -> Result<json::object> {
        json::array rows(context.memory);
        for (const auto& id : ids) {
            const auto cluster = directory.cluster(id);
            std::vector<storage::TagRecord> tags;
            if (cluster) tags = repository.tags().of_resource(context.account, cluster_tags, id);
            rows.push_back(json::object({{"ClusterId", id},
                                         {"Tags", tag_list(tags, context.memory)},
                                         {"Error", error_or_null(error_of(cluster), context.language, context.memory)}},
                                        context.memory));
        }
        return json::object({{"TotalCount", rows.size()}, {"Rows", std::move(rows)}}, context.memory);
    });
}

boost::asio::awaitable<Result<json::object>> modify_cluster_tags(const ActionContext& context) {
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& id = cluster.record.cluster_id;
        directory.keep_cluster(id);
        change_tags(repository, context.account, cluster_tags, id, read_tags(context.params, "ReplaceTags"),
                    read_tags(context.params, "DeleteTags"));
        const auto task = record_task(repository, context, {"ModifyClusterTags", id, "modify tags of cluster"});
        return json::object({{"TaskId", task}}, context.memory);
    });
}

}  // namespace tcaplus_mock
