#include "server/actions/tables/table_actions.hpp"

#include "server/actions/backups/backup_expiry.hpp"
#include "server/actions/listing.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/tables/table_items.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <set>
#include <utility>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// What a list narrows the tables to.
struct TableQuery {
    std::optional<std::string> cluster_id;
    std::vector<std::string> table_group_ids;
    std::set<std::pair<std::string, std::string>> selected;  // (TableGroupId, TableName)
    std::vector<Filter> filters;
    bool recycled = false;

    bool accepts(const storage::TableSummary& table) const {
        if (table.recycled != recycled) return false;
        if (!table_group_ids.empty() &&
            std::find(table_group_ids.begin(), table_group_ids.end(), table.table_group_id) == table_group_ids.end())
            return false;
        if (!selected.empty() && !selected.contains({table.table_group_id, table.table_name})) return false;
        if (const auto* name = find_filter(filters, "TableName"); name && !name->accepts(table.table_name)) return false;
        if (const auto* id = find_filter(filters, "TableInstanceId"); id && !id->accepts(table.instance_id)) return false;
        return true;
    }
};

Result<TableQuery> read_query(const json::object& params, bool recycled) {
    TableQuery query;
    query.recycled = recycled;
    if (const auto* id = params.if_contains("ClusterId")) query.cluster_id.emplace(id->as_string());
    query.table_group_ids = read_strings(params, "TableGroupIds");
    if (const auto* selected = params.if_contains("SelectedTables"))
        for (const auto& item : selected->as_array())
            query.selected.emplace(item.at("TableGroupId").as_string(), item.at("TableName").as_string());
    auto filters = read_filters(params, {{"TableName"}, {"TableInstanceId"}});
    if (!filters) return filters.error();
    query.filters = std::move(*filters);
    return query;
}

// A matching table: its summary and its cluster (a page's tables are then read whole).
struct ListedTable {
    storage::TableSummary table;
    const storage::ClusterRecord* cluster;
};

std::vector<ListedTable> matching_tables(const TableQuery& query, ResourceDirectory& directory,
                                         const std::vector<Found<storage::ClusterRecord>>& clusters) {
    std::vector<ListedTable> listed;
    for (const auto& cluster : clusters)
        for (auto& found : directory.tables(cluster.record.cluster_id))
            if (query.accepts(found.record)) listed.push_back({std::move(found.record), &cluster.record});
    return listed;
}

// The TableInfoNew of a listed table, read whole.
json::object listed_info(const ListedTable& listed, ResourceDirectory& directory, storage::Repository& repository,
                         const ActionContext& context) {
    const auto& [summary, cluster] = listed;
    const auto found = directory.find_table(cluster->cluster_id, summary.table_group_id, summary.table_name);
    const auto& table = found->record;  // listed in the same job: it exists
    const auto group = directory.find_table_group(table.cluster_id, table.table_group_id);
    std::optional<storage::IdlFileRecord> file;
    if (table.file_id != 0) file = repository.idl_files().find(context.account, table.cluster_id, table.file_id);
    const auto rules = repository.backups().rules_of_cluster(context.account, table.cluster_id);
    const auto group_name = group ? group->record.name : std::string();
    return table_info(table, *cluster,
                      {group_name, file ? &*file : nullptr, txh_expire_day(rules, table.table_group_id, table.table_name)},
                      context);
}

boost::asio::awaitable<Result<json::object>> list_tables(const ActionContext& context, bool recycled) {
    const auto page = read_page(context.params);
    if (!page) co_return page.error();
    const auto query = read_query(context.params, recycled);
    if (!query) co_return query.error();
    co_return co_await read_resources(context, [&](ResourceDirectory& directory, storage::Repository& repository)
                                                   -> Result<json::object> {
        std::vector<Found<storage::ClusterRecord>> clusters;
        if (query->cluster_id) {
            auto cluster = directory.cluster(*query->cluster_id);
            if (!cluster) return cluster.error();
            clusters.push_back(std::move(*cluster));
        } else {
            clusters = directory.clusters();
        }
        const auto listed = matching_tables(*query, directory, clusters);
        json::array infos(context.memory);
        for (const auto& table : page->of(listed)) infos.push_back(listed_info(table, directory, repository, context));
        return json::object({{"TotalCount", listed.size()}, {"TableInfos", std::move(infos)}}, context.memory);
    });
}

}  // namespace

boost::asio::awaitable<Result<json::object>> describe_tables(const ActionContext& context) {
    co_return co_await list_tables(context, false);
}

boost::asio::awaitable<Result<json::object>> describe_tables_in_recycle(const ActionContext& context) {
    co_return co_await list_tables(context, true);
}

}  // namespace tcaplus_mock
