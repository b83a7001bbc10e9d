#include "server/actions/idl_files/idl_file_actions.hpp"

#include "server/actions/idl_files/idl_file_errors.hpp"
#include "server/actions/idl_files/parsed_tables.hpp"
#include "server/actions/resource_errors.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/core/api_errors.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> verify_idl_files(const ActionContext& context) {
    const auto& params = context.params;
    if (!params.contains("ExistingIdlFiles") && !params.contains("NewIdlFiles"))
        co_return errors::missing_parameter("NewIdlFiles");
    std::optional<std::string> group;
    if (const auto* id = params.if_contains("TableGroupId")) group.emplace(id->as_string());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto& cluster_id = cluster.record.cluster_id;
        if (group && !directory.find_table_group(cluster_id, *group)) return errors::table_group_not_found(cluster_id, *group);
        directory.keep_cluster(cluster.record.cluster_id);  // its files go with it, not with what named it
        const auto tables = RequestTables::take(context, repository, cluster.record, {"ExistingIdlFiles"}, "NewIdlFiles");
        if (!tables) return tables.error();
        json::array infos(context.memory);
        std::size_t creatable = 0;
        for (const auto& [definition, file] : tables->tables()) {
            ParsedTableSetting setting{group, {}, nullptr, {}};
            if (group)
                if (auto existing = directory.find_table(cluster_id, *group, definition->name))
                    setting.instance_id = existing->record.instance_id;
            if (definition->problem) setting.error = errors::table_rule_broken(definition->name, *definition->problem);
            if (!setting.error && !setting.instance_id) ++creatable;
            infos.push_back(parsed_table_info(*definition, setting, context.language, context.memory));
        }
        json::array idl_files(context.memory);
        for (const auto& file : tables->files()) idl_files.push_back(idl_file_info(file.record, false, context.memory));
        return json::object({{"IdlFiles", std::move(idl_files)}, {"TotalCount", creatable}, {"TableInfos", std::move(infos)}},
                            context.memory);
    });
}

}  // namespace tcaplus_mock
