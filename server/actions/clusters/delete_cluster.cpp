#include "server/actions/clusters/cluster_actions.hpp"

#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/tags/resource_tags.hpp"
#include "server/actions/task_log.hpp"
#include "server/core/api_errors.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> delete_cluster(const ActionContext& context) {
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& id = cluster.record.cluster_id;
        const auto groups = directory.table_groups(id);
        if (!groups.empty()) return errors::cluster_in_use(id, groups.size());
        if (directory.declared(id))
            return errors::declared_in_configuration("cluster " + errors::quoted(id), "集群 " + errors::quoted(id));
        for (const auto& file : repository.idl_files().of_cluster(context.account, id))
            repository.idl_files().erase(context.account, id, file.file_id);
        repository.tags().erase_resource(context.account, cluster_tags, id);
        repository.backups().erase_cluster(context.account, id);
        repository.applications().erase_cluster(context.account, id);
        repository.clusters().erase(context.account, id);
        const auto task = record_task(repository, context, {"DeleteCluster", id, "delete cluster"});
        return json::object({{"TaskId", task}}, context.memory);
    });
}

}  // namespace tcaplus_mock
