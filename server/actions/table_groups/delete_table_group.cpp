#include "server/actions/table_groups/table_group_actions.hpp"

#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/tags/resource_tags.hpp"
#include "server/actions/task_log.hpp"
#include "server/core/api_errors.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> delete_table_group(const ActionContext& context) {
    const std::string id(context.params.at("TableGroupId").as_string());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        if (!directory.find_table_group(cluster_id, id)) return errors::table_group_not_found(cluster_id, id);
        std::size_t tables = 0;
        for (const auto& [table, stored] : directory.tables(cluster_id))
            if (table.table_group_id == id) ++tables;
        if (tables > 0) return errors::table_group_in_use(cluster_id, id, tables);
        if (directory.declared(cluster_id, id))
            return errors::declared_in_configuration("table group " + errors::quoted(id), "表格组 " + errors::quoted(id));
        directory.keep_cluster(cluster_id);
        repository.table_groups().erase(context.account, cluster_id, id);
        repository.tags().erase_resource(context.account, table_group_tags, table_group_tag_resource(cluster_id, id));
        const auto task = record_task(repository, context, {"DeleteTableGroup", cluster_id, "delete table group", id});
        return json::object({{"TaskId", task}}, context.memory);
    });
}

}  // namespace tcaplus_mock
