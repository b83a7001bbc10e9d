#include "server/actions/tags/tag_actions.hpp"

#include "server/actions/listing.hpp"
#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/response_values.hpp"
#include "server/actions/tags/resource_tags.hpp"
#include "server/actions/task_log.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> describe_table_group_tags(const ActionContext& context) {
    const auto ids = read_strings(context.params, "TableGroupIds");
    co_return co_await read_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                    const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        json::array rows(context.memory);
        for (const auto& id : ids) {
            std::optional<ApiError> error;
            std::vector<storage::TagRecord> tags;
            if (directory.find_table_group(cluster_id, id))
                tags = repository.tags().of_resource(context.account, table_group_tags,
                                                     table_group_tag_resource(cluster_id, id));
            else
                error = errors::table_group_not_found(cluster_id, id);
            rows.push_back(json::object({{"ClusterId", cluster_id},
                                         {"TableGroupId", id},
                                         {"Tags", tag_list(tags, context.memory)},
                                         {"Error", error_or_null(error, context.language, context.memory)}},
                                        context.memory));
        }
        return json::object({{"TotalCount", rows.size()}, {"Rows", std::move(rows)}}, context.memory);
    });
}

boost::asio::awaitable<Result<json::object>> modify_table_group_tags(const ActionContext& context) {
    const std::string id(context.params.at("TableGroupId").as_string());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        if (!directory.find_table_group(cluster_id, id)) return errors::table_group_not_found(cluster_id, id);
        directory.keep_table_group(cluster_id, id);
        change_tags(repository, context.account, table_group_tags, table_group_tag_resource(cluster_id, id),
                    read_tags(context.params, "ReplaceTags"), read_tags(context.params, "DeleteTags"));
        const auto task =
            record_task(repository, context, {"ModifyTableGroupTags", cluster_id, "modify tags of table group", id});
        return json::object({{"TaskId", task}}, context.memory);
    });
}

}  // namespace tcaplus_mock
