#include "server/actions/table_groups/table_group_actions.hpp"

#include "server/actions/resource_jobs.hpp"
#include "server/actions/table_groups/table_group_rules.hpp"
#include "server/actions/tags/resource_tags.hpp"
#include "server/core/api_errors.hpp"
#include "server/core/text.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// The next free number: one above the highest numeric id of the cluster.
std::string next_free_id(ResourceDirectory& directory, std::string_view cluster_id) {
    std::uint64_t highest = 0;
    for (const auto& group : directory.table_groups(cluster_id))
        if (const auto number = text::parse_whole<std::uint64_t>(group.record.table_group_id))
            highest = std::max(highest, *number);
    return std::to_string(highest + 1);
}

std::optional<ApiError> check_id(std::string_view id) {
    if (text::all_digits(id) && id.size() <= 10 && (id.size() == 1 || id.front() != '0')) return std::nullopt;
    return errors::invalid_parameter_value("TableGroupId", id, "a number such as `1` or `10101`",
                                           "数字，如 `1`、`10101`");
}

}  // namespace

boost::asio::awaitable<Result<json::object>> create_table_group(const ActionContext& context) {
    const auto& params = context.params;
    const std::string name(params.at("TableGroupName").as_string());
    if (auto wrong = check_table_group_name(name)) co_return *wrong;
    std::optional<std::string> chosen;
    if (const auto* id = params.if_contains("TableGroupId")) chosen.emplace(id->as_string());
    if (chosen)
        if (auto wrong = check_id(*chosen)) co_return *wrong;
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        const auto id = chosen.value_or(next_free_id(directory, cluster_id));
        if (directory.find_table_group(cluster_id, id))
            return errors::make("ResourceUnavailable.DuplicateTableGroupInfo",
                                "The cluster " + errors::quoted(cluster_id) + " already has the table group " +
                                    errors::quoted(id) + ".",
                                "集群 " + errors::quoted(cluster_id) + " 中已有表格组 " + errors::quoted(id) + "。",
                                "TableGroupId");
        if (auto taken = check_name_free(directory, cluster_id, name)) return *taken;
        directory.keep_cluster(cluster_id);
        repository.table_groups().put({context.account, cluster_id, id, name, now});
        change_tags(repository, context.account, table_group_tags, table_group_tag_resource(cluster_id, id),
                    read_tags(params, "ResourceTags"), {});
        return json::object({{"TableGroupId", id}}, context.memory);
    });
}

}  // namespace tcaplus_mock
