#include "server/actions/clusters/cluster_actions.hpp"

#include "server/actions/clusters/cluster_rules.hpp"
#include "server/actions/listing.hpp"
#include "server/actions/resource_jobs.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> describe_clusters(const ActionContext& context) {
    const auto& params = context.params;
    const auto page = read_page(params);
    if (!page) co_return page.error();
    const auto filters = read_filters(params, {{"ClusterName"}, {"ClusterId"}});
    if (!filters) co_return filters.error();
    const auto ids = read_strings(params, "ClusterIds");
    const bool ipv6_only = params.contains("Ipv6Enable") && params.at("Ipv6Enable").as_int64() == 1;
    const auto now = unix_seconds(context.clock.now());
    co_return co_await read_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository)
                                                   -> Result<json::object> {
        std::vector<storage::ClusterRecord> matching;
        for (auto& found : directory.clusters()) {
            const auto& cluster = found.record;
            if (!ids.empty() && std::find(ids.begin(), ids.end(), cluster.cluster_id) == ids.end()) continue;
            if (const auto* name = find_filter(*filters, "ClusterName"); name && !name->accepts(cluster.name)) continue;
            if (const auto* id = find_filter(*filters, "ClusterId"); id && !id->accepts(cluster.cluster_id)) continue;
            if (ipv6_only && cluster.ipv6_enable != 1) continue;
            matching.push_back(std::move(found.record));
        }
        json::array clusters(context.memory);
        for (const auto& cluster : page->of(matching)) {
            const auto rules = repository.backups().rules_of_cluster(context.account, cluster.cluster_id);
            clusters.push_back(cluster_info(cluster, rules, context, now));
        }
        return json::object({{"TotalCount", matching.size()}, {"Clusters", std::move(clusters)}}, context.memory);
    });
}

}  // namespace tcaplus_mock
