#include "server/actions/tables/table_actions.hpp"

#include "server/actions/idl_files/idl_file_errors.hpp"
#include "server/actions/idl_files/parsed_tables.hpp"
#include "server/actions/resource_jobs.hpp"
#include "server/actions/tables/table_items.hpp"
#include "server/core/text.hpp"

namespace tcaplus_mock {

namespace json = boost::json;

namespace {

// Why `table` cannot take `defined`, if it cannot.
std::optional<ApiError> check_change(storage::Repository& repository, const storage::TableRecord& table,
                                     const DefinedTable& defined, const json::object& item, const std::string& path) {
    const auto format = idl::idl_format_text(defined.definition->format);
    if (const auto* given = item.if_contains("TableIdlType"); given && !text::iequals(given->as_string(), format))
        return errors::table_disagrees_with_idl(path + ".TableIdlType", given->as_string(), format);
    return change_refused(repository, table, *defined.definition);
}

}  // namespace

boost::asio::awaitable<Result<json::object>> modify_tables(const ActionContext& context) {
    const auto now = unix_seconds(context.clock.now());
    co_return co_await write_in_cluster(context, [&](ResourceDirectory& directory, storage::Repository& repository,
                                                     const Found<storage::ClusterRecord>& cluster) -> Result<json::object> {
        const auto tables = RequestTables::take(context, repository, cluster.record, {"IdlFiles"});
        if (!tables) return tables.error();
        return table_results(context, "SelectedTables", [&](const json::object& item, const std::string& path) -> Result<TableChange> {
            auto table = take_item_table(directory, cluster.record.cluster_id, item, TableState::running);
            if (!table) return table.error();
            const auto defined = tables->find(table->table_name);
            if (!defined) return errors::table_not_in_files(table->table_name);
            if (auto refused = check_change(repository, *table, *defined, item, path)) return *refused;
            apply_definition(*table, *defined->definition, defined->file->file_id);
            table->updated_time = now;
            repository.tables().put(*table);
            auto task = record_table_task(repository, context, "ModifyTables",
                                          "modify table(" + table->table_name + ")'s structure", *table);
            return TableChange{std::move(*table), {std::move(task)}};
        }, ApprovalScope{repository, directory, cluster.record});
    });
}

}  // namespace tcaplus_mock
