#include "server/actions/clusters/cluster_actions.hpp"

#include "server/actions/clusters/cluster_rules.hpp"
#include "server/actions/resource_jobs.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> modify_cluster_machine(const ActionContext& context) {
    const auto type = one_of(context.params, "ClusterType", 1, {0, 1, 2});
    if (!type) co_return type.error();
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory&, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        auto changed = cluster.record;
        changed.cluster_type = *type;
        changed.server_list = machine_list(context.params, "ServerList");
        changed.proxy_list = machine_list(context.params, "ProxyList");
        changed.ready_time = now + context.config.clusters.ready_after.count();
        repository.clusters().put(changed);
        return json::object({{"ClusterId", changed.cluster_id}}, context.memory);
    });
}

}  // namespace tcaplus_mock
