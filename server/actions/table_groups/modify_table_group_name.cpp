#include "server/actions/table_groups/table_group_actions.hpp"

#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/table_groups/table_group_rules.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> modify_table_group_name(const ActionContext& context) {
    const std::string id(context.params.at("TableGroupId").as_string());
    const std::string name(context.params.at("TableGroupName").as_string());
    if (auto wrong = check_table_group_name(name)) co_return *wrong;
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        auto group = directory.find_table_group(cluster_id, id);
        if (!group) return errors::table_group_not_found(cluster_id, id);
        if (auto taken = check_name_free(directory, cluster_id, name, id)) return *taken;
        directory.keep_cluster(cluster_id);
        group->record.name = name;
        repository.table_groups().put(group->record);
        return json::object(context.memory);
    });
}

}  // namespace tcaplus_mock
