#include "server/actions/clusters/cluster_actions.hpp"

#include "server/actions/clusters/cluster_errors.hpp"
#include "server/actions/clusters/cluster_rules.hpp"
#include "server/actions/resource_jobs.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> modify_cluster_name(const ActionContext& context) {
    const std::string name(context.params.at("ClusterName").as_string());
    if (auto wrong = check_cluster_name(name, "ClusterName")) co_return *wrong;
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        for (const auto& other : directory.clusters())
            if (other.record.name == name && other.record.cluster_id != cluster.record.cluster_id)
                return errors::duplicate_cluster_name(name);
        auto renamed = cluster.record;
        renamed.name = name;
        repository.clusters().put(renamed);
        return json::object(context.memory);
    });
}

}  // namespace tcaplus_mock
