#include "server/actions/clusters/cluster_actions.hpp"

#include "server/actions/clusters/cluster_errors.hpp"
#include "server/actions/clusters/cluster_rules.hpp"
#include "server/actions/resource_ids.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/tags/resource_tags.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

std::string text_of(const json::object& params, std::string_view name) { return std::string(params.at(name).as_string()); }

// The cluster the request describes, or the rule it breaks.
Result<storage::ClusterRecord> read_cluster(const ActionContext& context, std::int64_t now) {
    const auto& params = context.params;
    storage::ClusterRecord cluster;
    cluster.account = context.account;
    cluster.region = std::string(context.region);
    const auto idl_type = idl_type_of(params.at("IdlType").as_string());
    if (!idl_type) return idl_type.error();
    cluster.idl_type = *idl_type;
    cluster.name = text_of(params, "ClusterName");
    if (auto wrong = check_cluster_name(cluster.name, "ClusterName")) return *wrong;
    cluster.password = text_of(params, "Password");
    if (auto wrong = check_password(cluster.password, "Password")) return *wrong;
    cluster.vpc_id = text_of(params, "VpcId");
    cluster.subnet_id = text_of(params, "SubnetId");
    // Each choice checked in turn; the allowed values are listed where they are used (an
    // initializer_list kept in a tuple would outlive its array).
    const auto choose = [&](const char* name, std::int64_t storage::ClusterRecord::*member,
                            std::initializer_list<std::int64_t> allowed) -> std::optional<ApiError> {
        const auto value = one_of(params, name, cluster.*member, allowed);
        if (!value) return value.error();
        cluster.*member = *value;
        return std::nullopt;
    };
    if (auto wrong = choose("ClusterType", &storage::ClusterRecord::cluster_type, {0, 1, 2})) return *wrong;
    if (auto wrong = choose("AuthType", &storage::ClusterRecord::auth_type, {0, 1})) return *wrong;
    if (auto wrong = choose("Ipv6Enable", &storage::ClusterRecord::ipv6_enable, {0, 1})) return *wrong;
    cluster.server_list = machine_list(params, "ServerList");
    cluster.proxy_list = machine_list(params, "ProxyList");
    cluster.created_time = now;
    cluster.ready_time = now + context.config.clusters.ready_after.count();
    return cluster;
}

}  // namespace

boost::asio::awaitable<Result<json::object>> create_cluster(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    auto cluster = read_cluster(context, now);
    if (!cluster) co_return cluster.error();
    co_return co_await write_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository)
                                                    -> Result<json::object> {
        for (const auto& existing : directory.clusters())
            if (existing.record.name == cluster->name) return errors::duplicate_cluster_name(cluster->name);
        cluster->cluster_id = new_cluster_id(repository);
        repository.clusters().put(*cluster);
        change_tags(repository, context.account, cluster_tags, cluster->cluster_id,
                    read_tags(context.params, "ResourceTags"), {});
        return json::object({{"ClusterId", cluster->cluster_id}}, context.memory);
    });
}

}  // namespace tcaplus_mock
