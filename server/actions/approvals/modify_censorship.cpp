#include "server/actions/approvals/approval_actions.hpp"

#include "server/actions/clusters/cluster_rules.hpp"
#include "server/actions/listing.hpp"
#include "server/actions/resource_jobs.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> modify_censorship(const ActionContext& context) {
    const auto censorship = one_of(context.params, "Censorship", 0, {0, 1});
    if (!censorship) co_return censorship.error();
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        directory.keep_cluster(cluster.record.cluster_id);
        auto changed = *repository.clusters().find(context.account, cluster.record.cluster_id);
        changed.censorship = *censorship;
        if (context.params.contains("Uins")) {
            json::array uins;
            for (const auto& uin : read_strings(context.params, "Uins")) uins.emplace_back(uin);
            changed.censor_uins = json::serialize(uins);
        }
        repository.clusters().put(changed);
        return json::object({{"ClusterId", changed.cluster_id},
                             {"Uins", json::parse(changed.censor_uins, context.memory)},
                             {"Censorship", changed.censorship}},
                            context.memory);
    });
}

}  // namespace tcaplus_mock
