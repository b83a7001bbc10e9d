#include "server/actions/clusters/cluster_actions.hpp"

#include "server/actions/clusters/cluster_rules.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/task_log.hpp"
#include "server/core/api_errors.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// Turns the cluster's RESTful API on (from 0) or off (from 2).
boost::asio::awaitable<Result<json::object>> switch_rest_proxy(const ActionContext& context, bool on) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& id = cluster.record.cluster_id;
        const auto status = rest_proxy_status(cluster.record, now, context.config.tasks.duration);
        if (status != (on ? 0 : 2)) {
            const auto shown = std::to_string(status);
            return errors::make("FailedOperation",
                                "The RESTful API of cluster " + errors::quoted(id) + " is not " + (on ? "off" : "on") +
                                    " (RestProxyStatus " + shown + ").",
                                "集群 " + errors::quoted(id) + " 的 RESTful API 不处于" + (on ? "关闭" : "开启") +
                                    "状态（RestProxyStatus " + shown + "）。");
        }
        directory.keep_cluster(id);
        auto changed = *repository.clusters().find(context.account, id);
        changed.rest_proxy_on = on ? 1 : 0;
        changed.rest_proxy_changed = now;
        repository.clusters().put(changed);
        const auto task = record_task(repository, context,
                                      {on ? "EnableRestProxy" : "DisableRestProxy", id,
                                       on ? "enable rest proxy" : "disable rest proxy"});
        return json::object({{"RestProxyStatus", on ? 1 : 3}, {"TaskId", task}}, context.memory);
    });
}

}  // namespace

boost::asio::awaitable<Result<json::object>> enable_rest_proxy(const ActionContext& context) {
    co_return co_await switch_rest_proxy(context, true);
}

boost::asio::awaitable<Result<json::object>> disable_rest_proxy(const ActionContext& context) {
    co_return co_await switch_rest_proxy(context, false);
}

}  // namespace tcaplus_mock
