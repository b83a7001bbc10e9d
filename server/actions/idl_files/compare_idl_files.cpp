#include "server/actions/idl_files/idl_file_actions.hpp"

#include "server/actions/idl_files/idl_file_errors.hpp"
#include "server/actions/idl_files/parsed_tables.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/tables/table_items.hpp"
#include "server/core/api_errors.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// The item of a table the files do not define, or that does not exist: the names it gave and the error.
json::object unmatched_info(const json::object& item, const ApiError& error, const ActionContext& context) {
    json::object info(context.memory);
    for (const auto* name : {"TableGroupId", "TableName", "TableInstanceId"})
        info[name] = item.contains(name) ? json::value(item.at(name).as_string(), context.memory) : json::value(nullptr);
    info["Error"] = json::object({{"Code", error.code}, {"Message", error.message.in(context.language)}}, context.memory);
    return info;
}

}  // namespace

boost::asio::awaitable<Result<json::object>> compare_idl_files(const ActionContext& context) {
    const auto& params = context.params;
    if (!params.contains("ExistingIdlFiles") && !params.contains("NewIdlFiles"))
        co_return errors::missing_parameter("NewIdlFiles");
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        directory.keep_cluster(cluster.record.cluster_id);  // its files go with it, not with what named it
        const auto tables = RequestTables::take(context, repository, cluster.record, {"ExistingIdlFiles"}, "NewIdlFiles");
        if (!tables) return tables.error();
        json::array infos(context.memory);
        for (const auto& value : params.at("SelectedTables").as_array()) {
            const auto& item = value.as_object();
            const auto found = find_item_table(directory, cluster.record.cluster_id, item, TableState::running);
            if (!found) {
                infos.push_back(unmatched_info(item, found.error(), context));
                continue;
            }
            const auto& table = found->record;
            const auto defined = tables->find(table.table_name);
            if (!defined) {
                infos.push_back(unmatched_info(item, errors::table_not_in_files(table.table_name), context));
                continue;
            }
            const ParsedTableSetting setting{table.table_group_id, table.instance_id, &table,
                                             change_refused(repository, table, *defined->definition)};
            infos.push_back(parsed_table_info(*defined->definition, setting, context.language, context.memory));
        }
        json::array idl_files(context.memory);
        for (const auto& file : tables->files()) idl_files.push_back(idl_file_info(file.record, false, context.memory));
        return json::object({{"IdlFiles", std::move(idl_files)}, {"TotalCount", infos.size()}, {"TableInfos", std::move(infos)}},
                            context.memory);
    });
}

}  // namespace tcaplus_mock
