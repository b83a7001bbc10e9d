#include "server/actions/table_groups/table_group_actions.hpp"

#include "server/actions/backups/backup_expiry.hpp"
#include "server/actions/listing.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/table_groups/table_group_rules.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> describe_table_groups(const ActionContext& context) {
    const auto& params = context.params;
    const auto page = read_page(params);
    if (!page) co_return page.error();
    const auto filters = read_filters(params, {{"TableGroupName", {"GroupName"}}, {"TableGroupId"}});
    if (!filters) co_return filters.error();
    const auto ids = read_strings(params, "TableGroupIds");
    co_return co_await read_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                    const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        std::vector<storage::TableGroupRecord> matching;
        for (auto& found : directory.table_groups(cluster.record.cluster_id)) {
            const auto& group = found.record;
            if (!ids.empty() && std::find(ids.begin(), ids.end(), group.table_group_id) == ids.end()) continue;
            if (const auto* name = find_filter(*filters, "TableGroupName"); name && !name->accepts(group.name)) continue;
            if (const auto* id = find_filter(*filters, "TableGroupId"); id && !id->accepts(group.table_group_id)) continue;
            matching.push_back(std::move(found.record));
        }
        json::array groups(context.memory);
        const auto totals = table_group_totals(directory, cluster.record.cluster_id);
        const auto rules = repository.backups().rules_of_cluster(context.account, cluster.record.cluster_id);
        for (const auto& group : page->of(matching)) {
            const auto found = totals.find(group.table_group_id);
            groups.push_back(table_group_info(group, found == totals.end() ? TableGroupTotals{} : found->second,
                                              txh_expire_day(rules, group.table_group_id, every), context));
        }
        return json::object({{"TotalCount", matching.size()}, {"TableGroups", std::move(groups)}}, context.memory);
    });
}

}  // namespace tcaplus_mock
