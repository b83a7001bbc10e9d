#include "server/actions/tags/tag_actions.hpp"

#include "server/actions/resource_jobs.hpp"
#include "server/actions/response_values.hpp"
#include "server/actions/tables/table_items.hpp"
#include "server/actions/tags/resource_tags.hpp"

#include <boost/json/array.hpp>

namespace tcaplus_mock {

namespace json = boost::json;

boost::asio::awaitable<Result<json::object>> describe_table_tags(const ActionContext& context) {
    co_return co_await read_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                    const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        json::array rows(context.memory);
        for (const auto& value : context.params.at("SelectedTables").as_array()) {
            const auto& item = value.as_object();
            const auto table = find_item_table(directory, cluster.record.cluster_id, item, TableState::either);
            std::vector<storage::TagRecord> tags;
            if (table) tags = repository.tags().of_resource(context.account, table_tags, table->record.instance_id);
            const auto given = [&](const char* name) {
                return item.contains(name) ? json::value(item.at(name), context.memory) : json::value(nullptr);
            };
            rows.push_back(json::object({{"TableInstanceId", table ? json::value(table->record.instance_id, context.memory)
                                                                   : given("TableInstanceId")},
                                         {"TableName", given("TableName")},
                                         {"TableGroupId", given("TableGroupId")},
                                         {"Tags", tag_list(tags, context.memory)},
                                         {"Error", error_or_null(error_of(table), context.language, context.memory)}},
                                        context.memory));
        }
        return json::object({{"TotalCount", rows.size()}, {"Rows", std::move(rows)}}, context.memory);
    });
}

boost::asio::awaitable<Result<json::object>> modify_table_tags(const ActionContext& context) {
    const auto replace = read_tags(context.params, "ReplaceTags");
    const auto remove = read_tags(context.params, "DeleteTags");
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        return table_results(context, "SelectedTables", [&](const json::object& item, const std::string&) -> Result<TableChange> {
            auto table = take_item_table(directory, cluster.record.cluster_id, item, TableState::running);
            if (!table) return table.error();
            change_tags(repository, context.account, table_tags, table->instance_id, replace, remove);
            auto task = record_table_task(repository, context, "ModifyTableTags",
                                          "modify tags of table(" + table->table_name + ")", *table);
            return TableChange{std::move(*table), {std::move(task)}};
        });
    });
}

}  // namespace tcaplus_mock
